package no.alisportalen.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.elasticsearch.client.Request;
import org.junit.jupiter.api.Test;

/** A cluster with security on (the compose production shape) gets the configured user when it asks for one. */
class ElasticsearchCredentialsTest {

    @Test
    void the_client_answers_an_authentication_challenge_with_the_configured_user() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var authorization = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(String.valueOf(authorization));
            if (authorization == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                var body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            var properties = new ElasticsearchProperties(
                    List.of("http://127.0.0.1:" + server.getAddress().getPort()), "portal", "hemmelig-passord",
                    Duration.ofSeconds(5), Duration.ofSeconds(5),
                    new ElasticsearchProperties.Embedded(Path.of("unused"), "512m", 65534, Duration.ofSeconds(1), null));
            try (var client = new StoreClientsConfiguration().elasticsearchRestClient(properties, null)) {
                assertThat(client.performRequest(new Request("GET", "/_cluster/health")).getStatusLine()
                        .getStatusCode()).isEqualTo(200);
            }
        } finally {
            server.stop(0);
        }
        assertThat(seen).contains("Basic " + Base64.getEncoder()
                .encodeToString("portal:hemmelig-passord".getBytes(StandardCharsets.UTF_8)));
    }
}
