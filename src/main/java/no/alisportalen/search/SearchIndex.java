package no.alisportalen.search;

import java.util.Map;
import no.alisportalen.exposure.ApplicantNeed;
import no.alisportalen.exposure.ApplicantNeeds;
import no.alisportalen.infrastructure.IndexWrites;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.alisportalen.position.IndexWork;
import no.alisportalen.position.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The versioned indices behind the alias: {@code positions-<millis>} with the explicit mapping of
 * {@code search/positions-index.json}. Writes carry the position's version as an external version, so an older
 * write can never overwrite a newer one, whichever arrives last.
 */
@Component
class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final String FORMAT_KEY = "docFormat";

    private final ElasticsearchClient client;
    private final SearchProperties properties;
    private final PositionDocuments documents;
    private final Clock clock;
    private final ApplicantNeeds applicantNeeds;

    /** @param client the connections kept for index writes, so none of these requests queues behind searches */
    SearchIndex(@IndexWrites ElasticsearchClient client, SearchProperties properties, PositionDocuments documents,
            Clock clock, ApplicantNeeds applicantNeeds) {
        this.applicantNeeds = applicantNeeds;
        this.client = client;
        this.properties = properties;
        this.documents = documents;
        this.clock = clock;
    }

    String alias() {
        return properties.alias();
    }

    /** Creates the first index and its alias when there is none. */
    synchronized boolean ensureExists() throws IOException {
        if (client.indices().existsAlias(e -> e.name(alias())).value()) {
            return false;
        }
        var name = createIndex();
        client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(name).alias(alias()))));
        log.info("Created search index {} behind alias {}", name, alias());
        return true;
    }

    /**
     * Adds the fields of search/positions-index.json that the live index lacks (a mapping change is additive;
     * {@code dynamic: false} would otherwise store a new field without searching it), and compares the form of
     * the stored positions noted in the mapping's {@code _meta} with {@link PositionDocuments#DOC_FORMAT}.
     *
     * @return true when fields were added or the stored form is another: everything must be re-sent so each
     *     document gets them (until then PageWriter writes a hit in an older form from the bound result), and
     *     {@link #formatRecorded} called once every position is marked for it; until then this stays true, so a
     *     crash while marking them marks them again
     */
    synchronized boolean upgradeMapping() throws IOException {
        var current = currentIndex();
        if (current.isEmpty()) {
            return false;
        }
        var name = current.get();
        var liveMapping = client.indices().getMapping(g -> g.index(name)).result().get(name).mappings();
        var live = liveMapping.properties().keySet();
        var wanted = definition().get("mappings");
        var missing = new ArrayList<String>();
        wanted.get("properties").fieldNames().forEachRemaining(f -> {
            if (!live.contains(f)) {
                missing.add(f);
            }
        });
        var liveFormat = liveMapping.meta().get(FORMAT_KEY);
        Integer format = liveFormat == null ? null : liveFormat.to(Integer.class);
        if (missing.isEmpty() && Integer.valueOf(PositionDocuments.DOC_FORMAT).equals(format)) {
            return false;
        }
        if (!missing.isEmpty()) {
            // Form 0 until every position is marked for sending, so a crash before that still re-sends them.
            var fields = (ObjectNode) wanted.deepCopy();
            fields.putObject("_meta").put(FORMAT_KEY, 0);
            var body = fields.toString();
            client.indices().putMapping(p -> p.index(name).withJson(new java.io.StringReader(body)));
        }
        log.info("Search index {} gained fields {}, stored form {} -> {}; re-sending every position", name, missing,
                format, PositionDocuments.DOC_FORMAT);
        return true;
    }

    /** Notes in the live index that its positions are (being re-sent) in this version's form. */
    synchronized void formatRecorded() throws IOException {
        var current = currentIndex();
        if (current.isPresent()) {
            client.indices().putMapping(p -> p.index(current.get()).meta(FORMAT_KEY,
                    co.elastic.clients.json.JsonData.of(PositionDocuments.DOC_FORMAT)));
        }
    }

    /** search/positions-index.json with the stored form in {@code mappings._meta}. */
    private static ObjectNode definition() throws IOException {
        try (var in = new ClassPathResource("search/positions-index.json").getInputStream()) {
            var root = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            ((ObjectNode) root.get("mappings")).putObject("_meta").put(FORMAT_KEY, PositionDocuments.DOC_FORMAT);
            return root;
        }
    }

    String createIndex() throws IOException {
        var name = alias() + "-" + clock.millis();
        var body = definition().toString();
        client.indices().create(c -> c.index(name).withJson(new java.io.StringReader(body)));
        return name;
    }

    /**
     * A new index for a rebuild: no refreshes while it fills, so it is written in few large segments instead of
     * one small segment a second that must be merged afterwards — merges that would otherwise still run on the
     * same cores when the next rebuild starts. {@link #finishBuilding} turns refreshing back on.
     */
    String createIndexForBuilding() throws IOException {
        var name = createIndex();
        client.indices().putSettings(p -> p.index(name).settings(st -> st.refreshInterval(t -> t.time("-1"))));
        return name;
    }

    void finishBuilding(String name) throws IOException {
        client.indices().putSettings(p -> p.index(name).settings(st -> st.refreshInterval(t -> t.time("1s"))));
        refresh(name);
    }

    Optional<String> currentIndex() throws IOException {
        try {
            return client.indices().getAlias(g -> g.name(alias())).result().keySet().stream().findFirst();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Points the alias at the new index in one atomic step and drops the old one. */
    void swapTo(String newIndex) throws IOException {
        var old = currentIndex();
        client.indices().updateAliases(u -> {
            u.actions(a -> a.add(add -> add.index(newIndex).alias(alias())));
            old.ifPresent(o -> u.actions(a -> a.remove(r -> r.index(o).alias(alias()))));
            return u;
        });
        if (old.isPresent() && !old.get().equals(newIndex)) {
            client.indices().delete(d -> d.index(old.get()));
        }
    }

    /**
     * Writes a batch to an index (or the alias); returns the works Elasticsearch acknowledged, including those it
     * refused only because it already holds a newer version.
     */
    List<IndexWork> write(String target, List<IndexWork> works) throws IOException {
        return write(target, works, false);
    }

    /** @param refresh whether the bulk refreshes what it wrote before answering (one request instead of two) */
    List<IndexWork> write(String target, List<IndexWork> works, boolean refresh) throws IOException {
        if (works.isEmpty()) {
            return List.of();
        }
        List<BulkOperation> operations = new ArrayList<>();
        var needs = applicantNeeds.stored(works.stream().map(IndexWork::id).toList());
        for (var work : works) {
            var id = work.id().value();
            if (work.position().isPresent()) {
                var document = documents.toDocument(work.position().get(),
                        needs.getOrDefault(work.id(), ApplicantNeed.none(work.id())));
                operations.add(BulkOperation.of(o -> o.index(i -> i.index(target).id(id).document(document)
                        .version(work.version()).versionType(VersionType.ExternalGte))));
            } else {
                operations.add(BulkOperation.of(o -> o.delete(d -> d.index(target).id(id))));
            }
        }
        var response = client.bulk(b -> b.operations(operations)
                .refresh(refresh ? co.elastic.clients.elasticsearch._types.Refresh.True : null));
        List<IndexWork> acknowledged = new ArrayList<>();
        for (int i = 0; i < works.size(); i++) {
            var item = response.items().get(i);
            // 409: Elasticsearch already has this or a newer version; 404: a draft that was never indexed.
            if (item.error() == null || item.status() == 409 || item.status() == 404) {
                acknowledged.add(works.get(i));
            } else {
                log.warn("Indexing position {} failed: {}", works.get(i).id(), item.error().reason());
            }
        }
        return acknowledged;
    }

    List<IndexWork> writePositions(String target, List<Position> positions) throws IOException {
        return write(target, positions.stream()
                .map(p -> new IndexWork(p.id(), p.version(), Optional.of(p), "")).toList());
    }

    /**
     * Sets the need for applicants on indexed documents (documents not in the index are skipped: the indexer
     * writes them with the stored need).
     */
    void updateNeeds(List<ApplicantNeed> needs) throws IOException {
        if (needs.isEmpty()) {
            return;
        }
        for (int from = 0; from < needs.size(); from += properties.batchSize()) {
            updateNeedBatch(needs.subList(from, Math.min(needs.size(), from + properties.batchSize())));
        }
    }

    private void updateNeedBatch(List<ApplicantNeed> needs) throws IOException {
        List<BulkOperation> operations = new ArrayList<>();
        for (var need : needs) {
            var fields = Map.of("need", need.need(), "needReasons", need.reasons().stream().map(Enum::name).toList());
            operations.add(BulkOperation.of(o -> o.update(u -> u.index(alias()).id(need.positionId().value())
                    .retryOnConflict(3).action(a -> a.doc(fields)))));
        }
        var response = client.bulk(b -> b.operations(operations));
        for (var item : response.items()) {
            if (item.error() != null && item.status() != 404) {
                log.warn("Need for applicants not set on {}: {}", item.id(), item.error().reason());
            }
        }
    }

    long count() throws IOException {
        return client.count(c -> c.index(alias())).count();
    }

    void refresh() {
        refresh(alias());
    }

    void refresh(String indexOrAlias) {
        try {
            client.indices().refresh(r -> r.index(indexOrAlias));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
