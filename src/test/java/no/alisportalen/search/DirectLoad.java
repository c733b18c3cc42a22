package no.alisportalen.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The benchmark's direct path in a JVM of its own, as a client of Elasticsearch other than the portal would be: in
 * the portal's JVM its garbage and its share of the shared code's type profiles would be charged to the portal's
 * turns. The same client construction (default pool of ten connections) and the same requests as
 * {@link DirectSearch} from the benchmark's JVM.
 *
 * <p>Arguments: Elasticsearch's URI, the alias, a file of questions (JSON array). Commands on standard input, one
 * per line: {@code run <clients> <millis>} answers {@code done <requests> <cpu nanos> <kind>:<nanos> ...} with
 * each request's kind and latency; {@code quit} ends it. It also ends with its parent.
 */
final class DirectLoad {

    private DirectLoad() {
    }

    public static void main(String[] args) throws Exception {
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        var questions = List.of(tools.jackson.databind.json.JsonMapper.builder().build()
                .readValue(Files.readString(Path.of(args[2])), SearchQuery[].class));
        var rest = RestClient.builder(HttpHost.create(args[0])).build();
        var client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        var parallel = Executors.newVirtualThreadPerTaskExecutor();
        var next = new AtomicInteger();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready " + questions.size());
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            var command = line.split(" ");
            int clients = Integer.parseInt(command[1]);
            long deadline = System.nanoTime() + Long.parseLong(command[2]) * 1_000_000;
            List<String> latencies = Collections.synchronizedList(new ArrayList<>());
            long cpu = os.getProcessCpuTime();
            SearchBenchmark.clients(clients, () -> System.nanoTime() < deadline, () -> {
                var q = questions.get(next.getAndIncrement() % questions.size());
                long t0 = System.nanoTime();
                DirectSearch.send(client, args[1], q, parallel);
                latencies.add(SearchBenchmark.kind(q).name() + ":" + (System.nanoTime() - t0));
            });
            cpu = os.getProcessCpuTime() - cpu;
            synchronized (latencies) {
                System.out.println("done " + latencies.size() + " " + cpu + " " + String.join(" ", latencies));
            }
        }
        rest.close();
    }
}
