package no.alisportalen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.position.PositionIndexing;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What keeps a publish quick to appear in search under load (issue #14): index writes have connections of their
 * own, and a new indexer sends one indexed position again before any publish needs its write path.
 */
@IntegrationTest
class SearchIndexerIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    RestClient searchConnections;

    @Autowired
    SearchIndex index;

    @Autowired
    PositionIndexing indexing;

    @Autowired
    SearchProperties properties;

    @Autowired
    IndexGeneration generation;

    @Autowired
    PositionSearchService search;

    @Test
    void index_writes_do_not_wait_for_a_connection_behind_searches() throws Exception {
        search.flush(); // the index exists
        // Twelve requests that Elasticsearch holds for eight seconds fill the search client's ten connections and
        // queue two more behind them, as searches under load do.
        List<CompletableFuture<Response>> held = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            var request = new Request("GET", "/_cluster/health");
            request.addParameter("wait_for_nodes", "99");
            request.addParameter("timeout", "8s");
            var future = new CompletableFuture<Response>();
            searchConnections.performRequestAsync(request, new ResponseListener() {
                @Override
                public void onSuccess(Response response) {
                    future.complete(response);
                }

                @Override
                public void onFailure(Exception exception) {
                    future.completeExceptionally(exception);
                }
            });
            held.add(future);
        }
        try {
            index.refresh();
            index.count();
            assertThat(held).as("the writes' requests were answered while every search connection was held")
                    .noneMatch(CompletableFuture::isDone);
        } finally {
            CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).handle((r, e) -> null).join();
        }
    }

    @Test
    void a_new_indexers_first_pass_sends_an_indexed_position_again_and_the_next_passes_only_changes()
            throws Exception {
        var api = new TestApi(port);
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        api.publishedPosition(TestApi.position("1804", "ALIS Bodø varm start"), bodo);
        search.flush();
        var fresh = new SearchIndexer(indexing, index, properties, generation);
        // The scheduled indexer could only take the position first by sending it within the few store calls
        // between this pass queueing and reading it.
        assertThat(fresh.run()).as("the first pass sends a position nobody changed").isEqualTo(1);
        assertThat(fresh.run()).as("and only once").isZero();
    }

    @Autowired
    co.elastic.clients.elasticsearch.ElasticsearchClient client;

    @Test
    void an_index_holding_positions_in_an_older_stored_form_asks_for_every_position_again() throws Exception {
        search.flush();
        var name = index.currentIndex().orElseThrow();
        assertThat(storedForm(name)).as("a new index notes its stored form").isEqualTo(PositionDocuments.DOC_FORMAT);
        assertThat(index.upgradeMapping()).as("nothing to upgrade").isFalse();

        client.indices().putMapping(p -> p.index(name).meta("docFormat",
                co.elastic.clients.json.JsonData.of(PositionDocuments.DOC_FORMAT - 1)));
        try {
            assertThat(index.upgradeMapping()).as("an older form: every position is sent again").isTrue();
            assertThat(index.upgradeMapping()).as("until they are all marked for it (a crash meanwhile)").isTrue();
            index.formatRecorded();
            assertThat(storedForm(name)).isEqualTo(PositionDocuments.DOC_FORMAT);
            assertThat(index.upgradeMapping()).as("then not again").isFalse();
        } finally {
            // The documents themselves were not changed here; the mapping says what they are.
            client.indices().putMapping(p -> p.index(name).meta("docFormat",
                    co.elastic.clients.json.JsonData.of(PositionDocuments.DOC_FORMAT)));
        }
    }

    private int storedForm(String name) throws Exception {
        return client.indices().getMapping(g -> g.index(name)).result().get(name).mappings().meta().get("docFormat")
                .to(Integer.class);
    }
}
