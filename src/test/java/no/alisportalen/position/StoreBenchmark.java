package no.alisportalen.position;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import no.alisportalen.TestApi;
import no.alisportalen.infrastructure.embedded.EmbeddedMongo;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.search.PositionSearchService;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Store benchmark, not a test: {@code ./mvnw -Pbenchmark test -Dtest=StoreBenchmark}. At 1,000, 10,000 and
 * 100,000 positions: saves through {@code PositionService} (optimistic locking on {@code _id} + version), raw
 * single-document inserts, lookups by indexed fields, and the same raw operations on the earlier H2 MVStore
 * backend in the same run; then a portal start on the 100,000-position store. Writes target/benchmark/store.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.data-dir=target/benchmark-store-data", "portal.demo.enabled=false",
            "portal.elasticsearch.embedded.heap=1g", "logging.level.no.alisportalen=warn"})
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(no.alisportalen.StoresReadyExtension.class)
class StoreBenchmark {

    private static final int[] SIZES = {1_000, 10_000, 100_000};
    private static final int SAVES = Integer.getInteger("benchmark.saves", 400);
    private static final int INSERTS = 1_000;
    private static final int LOOKUPS = 1_000;

    @Autowired
    PositionService positions;

    @Autowired
    PositionIndexing indexing;

    @Autowired
    PositionSearchService search;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MunicipalityService municipalities;

    @Autowired
    UserDetailsService users;

    @Autowired
    EmbeddedMongo store;

    private final StringBuilder report = new StringBuilder();

    /** Parts to run: {@code -Dbenchmark.storeSections=sizes,lookups,start} (all by default). */
    private static final java.util.Set<String> SECTIONS = java.util.Set.of(
            System.getProperty("benchmark.storeSections", "sizes,lookups,start").split(","));

    @Test
    void store() throws Exception {
        line("# Store benchmark");
        line("");
        line("Embedded store (SQLite backend, synchronous=FULL) through the portal's MongoDB driver; the earlier "
                + "H2 MVStore backend measured in the same run on its own file through the same driver.");
        line("");
        line("| positions | saves/s via PositionService, 1 thread | saves/s, 4 threads | raw inserts/s (1 thread) | "
                + "`_id`+version updates/s, SQLite / H2 | raw inserts/s, H2 |");
        line("| --- | --- | --- | --- | --- | --- |");
        Path h2File = Path.of("target/benchmark-store-h2/old.mv.db");
        Files.createDirectories(h2File.getParent());
        Files.deleteIfExists(h2File);
        var h2 = new MongoServer(new H2Backend(h2File.toString()));
        try (MongoClient h2Client = MongoClients.create(h2.bindAndGetConnectionString());
                MongoClient sqliteClient = MongoClients.create(store.connectionString())) {
            var h2Positions = h2Client.getDatabase("bench").getCollection("positions");
            var random = new Random(7);
            for (int size : SECTIONS.contains("sizes") ? SIZES : new int[0]) {
                topUp(size, random);
                List<String> ids = ids();
                double save1 = saves(ids, 1, random);
                double save4 = saves(ids, 4, random);
                double raw = rawInserts();
                var sqlitePositions = sqliteClient.getDatabase(mongo.getDb().getName()).getCollection("positions");
                double sqliteUpdates = versionedUpdates(sqlitePositions, ids, 300, random);
                copyTo(h2Positions, size);
                double h2Inserts = timedInserts(h2Positions, size >= 100_000 ? 100 : 300);
                double h2Updates = versionedUpdates(h2Positions, idsOf(h2Positions),
                        size >= 100_000 ? 5 : size >= 10_000 ? 30 : 200, random);
                line("| " + size + " | " + fmt(save1) + " | " + fmt(save4) + " | " + fmt(raw) + " | "
                        + fmt(sqliteUpdates) + " / " + fmt(h2Updates) + " | " + fmt(h2Inserts) + " |");
            }
            line("");
            line("Stale-version retries during the saves (the indexer acknowledging its work meanwhile): "
                    + conflicts.get() + ".");
            line("");
            if (SECTIONS.contains("lookups")) {
                lookups(sqliteClient, h2Client, random);
            }
        } finally {
            h2.shutdownNow();
        }
        if (SECTIONS.contains("start")) {
            start();
        }
        write();
    }

    private void topUp(int size, Random random) {
        long have = mongo.getCollection("positions").countDocuments();
        var batch = new ArrayList<PositionData>();
        for (long i = have; i < size; i++) {
            batch.add(BenchmarkPositions.generate(municipalities, random));
            if (batch.size() == 5_000) {
                BenchmarkLoader.publishAll(mongo, municipalities, batch, Clock.systemUTC());
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            BenchmarkLoader.publishAll(mongo, municipalities, batch, Clock.systemUTC());
        }
        // Let the indexer finish, so the measurements do not share the cores with it.
        while (!indexing.pending(1).isEmpty()) {
            search.flush();
        }
    }

    private List<String> ids() {
        return mongo.getCollection("positions").find().projection(Projections.include("_id"))
                .map(d -> d.get("_id").toString()).into(new ArrayList<>());
    }

    private static List<Object> idsOf(MongoCollection<Document> collection) {
        return collection.find().projection(Projections.include("_id")).map(d -> d.get("_id")).into(new ArrayList<>());
    }

    /** Saves of existing positions through the service, each reading and writing the current version. */
    private double saves(List<String> ids, int threads, Random random) throws Exception {
        // Distinct positions, so the threads never race each other for one document.
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, random);
        List<String> sample = shuffled.subList(0, Math.min(SAVES, shuffled.size()));
        long started = System.nanoTime();
        try (ExecutorService workers = Executors.newFixedThreadPool(threads)) {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int worker = w;
                tasks.add(() -> no.alisportalen.TestUsers.as(users, TestApi.ADMIN_EMAIL, () -> {
                    for (int i = worker; i < sample.size(); i += threads) {
                        save(new PositionId(sample.get(i)), i);
                    }
                    return null;
                }));
            }
            for (var future : workers.invokeAll(tasks)) {
                future.get();
            }
        }
        return sample.size() / ((System.nanoTime() - started) / 1e9);
    }

    private final java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();

    /** One save as a client makes it: read the current version, write; on a stale version (the indexer may have
     * touched the document meanwhile) read again and retry, and count it. */
    private void save(PositionId id, int i) {
        while (true) {
            try {
                saveOnce(id, i);
                return;
            } catch (no.alisportalen.base.ConflictException e) {
                conflicts.incrementAndGet();
            }
        }
    }

    private void saveOnce(PositionId id, int i) {
                        var current = positions.find(id).orElseThrow();
                        var data = current.data();
                        var changed = new PositionData(data.municipalityNumber(), "Oppdatert " + i + ", "
                                + data.workplace(), data.description(), data.workplace(), data.location(),
                                data.employmentForm(), data.setting(), data.listLength(), data.annualSalaryNok(),
                                data.introductionAgreement(), data.alisAgreement(), data.alisAgreementElements(),
                                data.recruitmentWeak(), data.incentives(), data.supervisorOnSite(),
                                data.supervisionHoursPerMonth(), data.supervisionGroup(), data.onCallRotation(),
                                data.onCallBackup(), data.startDate(), data.applicationDeadline(), data.openings(),
                                data.contact());
                        positions.update(id, current.version(), changed);
    }

    /** Single-document inserts of position documents into the positions collection, removed again afterwards. */
    private double rawInserts() {
        return timedInserts(mongo.getCollection("positions"), INSERTS);
    }

    private static double timedInserts(MongoCollection<Document> collection, int count) {
        var template = collection.find().first();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            var copy = new Document(template);
            copy.put("_id", new ObjectId());
            copy.put("benchmarkInsert", true);
            collection.insertOne(copy);
        }
        double perSecond = count / ((System.nanoTime() - started) / 1e9);
        collection.deleteMany(Filters.eq("benchmarkInsert", true));
        return perSecond;
    }

    /** What an optimistic-locking save sends: update where _id and version still match. */
    private static double versionedUpdates(MongoCollection<Document> collection, List<?> ids, int count, Random random) {
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            var id = ids.get(random.nextInt(ids.size()));
            var id2 = id instanceof String s && ObjectId.isValid(s) ? new ObjectId(s) : id;
            var current = collection.find(Filters.eq("_id", id2)).first();
            Object version = current.get("version");
            collection.updateOne(Filters.and(Filters.eq("_id", id2), Filters.eq("version", version)),
                    Updates.set("benchmarkTouched", i));
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    /** The old backend gets the same documents, to the same size. */
    private void copyTo(MongoCollection<Document> target, int size) {
        long have = target.countDocuments();
        if (have >= size) {
            return;
        }
        var batch = new ArrayList<Document>();
        for (var document : mongo.getCollection("positions").find().skip((int) have).limit((int) (size - have))) {
            batch.add(document);
            if (batch.size() == 2_000) {
                target.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            target.insertMany(batch);
        }
    }

    /** Applications-shaped documents (indexed applicantId, positionId, unique activeKey), 100,000 of them. */
    private void lookups(MongoClient sqliteClient, MongoClient h2Client, Random random) {
        line("## Lookups by indexed field, 100,000 application documents");
        line("");
        line("| backend | by applicantId p50 / p95 | by positionId p50 / p95 | by unique key p50 / p95 |");
        line("| --- | --- | --- | --- |");
        for (var entry : List.of(List.of("SQLite (new)", sqliteClient, LOOKUPS), List.of("H2 MVStore (old)", h2Client, 20))) {
            var client = (MongoClient) entry.get(1);
            int count = (Integer) entry.get(2);
            // A scratch database of its own per run, dropped afterwards.
            var database = client.getDatabase("bench_lookups_" + System.currentTimeMillis());
            var collection = database.getCollection("applications");
            collection.drop();
            collection.createIndex(Indexes.ascending("applicantId"));
            collection.createIndex(Indexes.ascending("positionId"));
            collection.createIndex(Indexes.ascending("activeKey"), new IndexOptions().unique(true));
            var batch = new ArrayList<Document>();
            for (int i = 0; i < 100_000; i++) {
                batch.add(new Document("_id", new ObjectId()).append("applicantId", "a" + (i % 20_000))
                        .append("positionId", "p" + (i % 30_000)).append("activeKey", "k" + i)
                        .append("status", "RECEIVED").append("coverLetter", "x".repeat(600)));
                if (batch.size() == 2_000) {
                    collection.insertMany(batch);
                    batch.clear();
                }
            }
            var byApplicant = time(count, () -> collection.find(Filters.eq("applicantId", "a" + random.nextInt(20_000)))
                    .into(new ArrayList<>()));
            var byPosition = time(count, () -> collection.find(Filters.eq("positionId", "p" + random.nextInt(30_000)))
                    .into(new ArrayList<>()));
            var byKey = time(count, () -> collection.find(Filters.eq("activeKey", "k" + random.nextInt(100_000))).first());
            line("| " + entry.get(0) + " | " + ms(byApplicant, 50) + " / " + ms(byApplicant, 95) + " ms | "
                    + ms(byPosition, 50) + " / " + ms(byPosition, 95) + " ms | " + ms(byKey, 50) + " / "
                    + ms(byKey, 95) + " ms |");
            database.drop();
        }
        line("");
    }

    private static List<Long> time(int count, Runnable lookup) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            lookup.run();
            nanos.add(System.nanoTime() - started);
        }
        return nanos;
    }

    /**
     * A fresh portal JVM on a copy of the 100,000-position store (taken with the online backup) and an empty
     * search folder: time until Spring reports the application started, and until readiness is UP.
     */
    private void start() throws Exception {
        var dataDir = Path.of("target/benchmark-store-start").toAbsolutePath();
        if (Files.exists(dataDir)) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Collections.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        store.backupTo(dataDir.resolve("store").resolve(EmbeddedMongo.FILE_NAME));
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.nanoTime();
        var process = new ProcessBuilder(java, "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "no.alisportalen.Application",
                "--portal.data-dir=" + dataDir, "--server.port=0", "--portal.demo.enabled=false",
                "--portal.elasticsearch.embedded.heap=1g").redirectErrorStream(true).start();
        double startedSeconds = -1;
        double readySeconds = -1;
        int port = -1;
        var portPattern = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");
        // The child is stopped before its output is closed: a reader blocked on the pipe holds the reader's lock.
        var lines = new BufferedReader(new InputStreamReader(process.getInputStream()));
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                var matcher = portPattern.matcher(line);
                if (matcher.find()) {
                    port = Integer.parseInt(matcher.group(1));
                }
                if (line.contains("Started Application in")) {
                    startedSeconds = (System.nanoTime() - started) / 1e9;
                    break;
                }
            }
            Thread.ofVirtual().start(() -> lines.lines().forEach(l -> { }));
            var http = HttpClient.newHttpClient();
            var deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (port > 0 && System.nanoTime() < deadline) {
                try {
                    var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                        readySeconds = (System.nanoTime() - started) / 1e9;
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200); // polling an external process's HTTP endpoint; there is nothing to await on
            }
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        line("## Portal start on the 100,000-position store");
        line("");
        line("| step | seconds |");
        line("| --- | --- |");
        line("| JVM start until Spring reports the application started | " + fmt(startedSeconds) + " |");
        line("| until `/actuator/health` is UP (store and Elasticsearch answering) | " + fmt(readySeconds) + " |");
        line("");
    }

    private static String ms(List<Long> values, int p) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return fmt(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private void write() throws IOException {
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/store.md"), report.toString());
    }
}
