package no.alisportalen.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The benchmark's direct path: a question's two requests as the portal builds them, sent straight to Elasticsearch. */
final class DirectSearch {

    private DirectSearch() {
    }

    /** Hits and facets side by side, both read as the client reads any response (into a tree). */
    static void send(ElasticsearchClient client, String alias, SearchQuery q, Executor parallel) throws IOException {
        // With the recruitment boost as the portal applies it by default, so both sides do the same work.
        var requests = SearchQueryBuilder.build(alias, q, LocalDate.now(ZoneId.of("Europe/Oslo")), 0.15);
        var facets = CompletableFuture.runAsync(() -> {
            try {
                client.search(requests.facets(), ObjectNode.class);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, parallel);
        client.search(requests.hits(), ObjectNode.class);
        facets.join();
    }
}
