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

/**
 * A cluster with security on (the compose production shape) gets the configured user with every request, from the
 * first (preemptively, without a challenge first); a cluster without gets no credentials.
 */
class ElasticsearchCredentialsTest {

    @Test
    void the_client_sends_the_configured_user_with_every_request_and_no_one_without() throws Exception {
        var basic = "Basic " + Base64.getEncoder().encodeToString("portal:hemmelig-passord"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations("portal", "hemmelig-passord")).containsExactly(basic, basic, basic);
        assertThat(authorizations(null, null)).containsExactly("null", "null", "null");
    }

    /** The Authorization header of three requests, through the search client and the index writes' client. */
    private static List<String> authorizations(String username, String password) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var authorization = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(String.valueOf(authorization));
            // A secured cluster challenges a request without credentials; one without security answers it.
            if (authorization == null && username != null) {
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
                    List.of("http://127.0.0.1:" + server.getAddress().getPort()), username, password,
                    Duration.ofSeconds(5), Duration.ofSeconds(5),
                    new ElasticsearchProperties.Embedded(Path.of("unused"), "512m", 65534, Duration.ofSeconds(1), null));
            var configuration = new StoreClientsConfiguration();
            try (var search = configuration.elasticsearchRestClient(properties, null);
                    var writes = configuration.elasticsearchWriteRestClient(properties, null)) {
                for (var client : List.of(search, search, writes)) {
                    assertThat(client.performRequest(new Request("GET", "/_cluster/health")).getStatusLine()
                            .getStatusCode()).isEqualTo(200);
                }
            }
        } finally {
            server.stop(0);
        }
        return seen;
    }
}
