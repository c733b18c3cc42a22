package no.alisportalen.monitoring;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import no.alisportalen.account.AccountDeleted;
import no.alisportalen.account.AccountId;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.ApplicantRegistered;
import no.alisportalen.matching.MatchService;
import no.alisportalen.matching.Preferences;
import no.alisportalen.matching.PreferencesChanged;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionEvent;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Latent demand: for every position, how many registered applicants' hard constraints it satisfies. Applicants'
 * constraints live in their own Elasticsearch index; each position is one count query (sent in multi-search
 * batches). Counts are kept in one MongoDB document. Changes leave hints: a changed position is recounted, a
 * changed applicant is re-indexed and every position recounted; a full rebuild runs at start and every ten
 * minutes as a backstop. All of it under a lease, so one instance does it.
 */
@Component
class LatentDemand {

    private static final Logger log = LoggerFactory.getLogger(LatentDemand.class);
    static final String INDEX = "applicant-constraints";
    static final String COUNTS = "latent_demand";
    static final String HINTS = "latent_demand_queue";

    private final ElasticsearchClient client;
    private final AccountService accounts;
    private final MatchService matches;
    private final PositionService positions;
    private final MunicipalityService municipalities;
    private final MongoTemplate mongo;
    private final LockingTaskExecutor locks;
    private volatile long lastFullMillis;

    LatentDemand(ElasticsearchClient client, AccountService accounts, MatchService matches, PositionService positions,
            MunicipalityService municipalities, MongoTemplate mongo, LockingTaskExecutor locks) {
        this.client = client;
        this.accounts = accounts;
        this.matches = matches;
        this.positions = positions;
        this.municipalities = municipalities;
        this.mongo = mongo;
        this.locks = locks;
    }

    @EventListener
    void on(PositionEvent event) {
        hint("position:" + event.id().value());
    }

    @EventListener
    void on(PreferencesChanged event) {
        hint("applicant:" + event.applicant().value());
    }

    @EventListener
    void on(ApplicantRegistered event) {
        hint("applicant:" + event.account().value());
    }

    @EventListener
    void on(AccountDeleted event) {
        hint("applicant:" + event.account().value());
    }

    private void hint(String key) {
        try {
            mongo.insert(new Document("_id", key).append("at", Instant.now()), HINTS);
        } catch (DuplicateKeyException e) {
            // Already waiting.
        } catch (RuntimeException e) {
            log.debug("Latent-demand hint {} not stored; the ten-minute rebuild covers it", key, e);
        }
    }

    /** The stored counts, by position id. */
    Map<String, Integer> counts() {
        var document = mongo.findById("counts", Document.class, COUNTS);
        Map<String, Integer> counts = new HashMap<>();
        if (document != null && document.get("counts") instanceof Document values) {
            values.forEach((k, v) -> counts.put(k, ((Number) v).intValue()));
        }
        return counts;
    }

    /** How many applicants' hard constraints each (possibly imagined) position satisfies, counted now. */
    List<Long> countNow(List<Position> imagined) {
        return countAll(imagined, homes());
    }

    @Scheduled(initialDelay = 8_000, fixedDelay = 5_000)
    void scheduled() {
        try {
            locks.executeWithLock((Runnable) this::work,
                    new LockConfiguration(Instant.now(), "latent-demand", Duration.ofMinutes(10), Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Latent demand not updated; retrying on the next run: {}", e.toString());
        }
    }

    private void work() {
        if (System.currentTimeMillis() - lastFullMillis > Duration.ofMinutes(10).toMillis()) {
            rebuild();
        } else {
            processHints();
        }
    }

    /** Re-indexes every applicant and recounts every position. */
    synchronized RebuildFigures rebuild() {
        long started = System.nanoTime();
        var since = Instant.now();
        try {
            if (client.indices().exists(e -> e.index(INDEX)).value()) {
                client.indices().delete(d -> d.index(INDEX));
            }
            try (InputStream mapping = getClass().getResourceAsStream("/search/applicants-index.json")) {
                client.indices().create(c -> c.index(INDEX).withJson(mapping));
            }
            var stored = new HashMap<String, Preferences>();
            matches.allPreferences().forEach(s -> stored.put(s.applicant().value(), s.preferences()));
            var ids = accounts.applicantIds();
            for (int from = 0; from < ids.size(); from += 2_000) {
                var bulk = new BulkRequest.Builder();
                for (var id : ids.subList(from, Math.min(ids.size(), from + 2_000))) {
                    var doc = ApplicantConstraints.document(stored.getOrDefault(id.value(), Preferences.defaults()),
                            municipalities);
                    bulk.operations(o -> o.index(i -> i.index(INDEX).id(id.value()).document(JsonData.of(doc))));
                }
                var response = client.bulk(bulk.build());
                if (response.errors()) {
                    throw new IllegalStateException("Indexing applicants' constraints failed");
                }
            }
            client.indices().refresh(r -> r.index(INDEX));
            long indexed = System.nanoTime();
            var values = new Document();
            int counted = 0;
            if (!ids.isEmpty()) { // without applicants every count is 0, which is what a missing count means
                var all = positions.publishedOrClosed(null);
                var counts = countAll(all, homes());
                for (int i = 0; i < all.size(); i++) {
                    values.append(all.get(i).id().value(), counts.get(i).intValue());
                }
                counted = all.size();
            }
            mongo.upsert(Query.query(Criteria.where("_id").is("counts")), new Update().set("counts", values)
                    .set("computedAt", Instant.now()), COUNTS);
            mongo.remove(Query.query(Criteria.where("at").lt(since)), HINTS);
            lastFullMillis = System.currentTimeMillis();
            var figures = new RebuildFigures(ids.size(), counted, (indexed - started) / 1_000_000,
                    (System.nanoTime() - indexed) / 1_000_000);
            log.info("Latent demand rebuilt: {}", figures);
            return figures;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What a rebuild did and how long each half took. */
    record RebuildFigures(int applicants, int positions, long indexMillis, long countMillis) {}

    /** Applies the waiting hints; returns how many there were. */
    synchronized int processHints() {
        var hints = mongo.find(new Query().limit(10_000), Document.class, HINTS);
        if (hints.isEmpty()) {
            return 0;
        }
        Set<String> changedApplicants = new LinkedHashSet<>();
        Set<String> changedPositions = new LinkedHashSet<>();
        for (var hint : hints) {
            var key = String.valueOf(hint.get("_id"));
            if (key.startsWith("applicant:")) {
                changedApplicants.add(key.substring("applicant:".length()));
            } else if (key.startsWith("position:")) {
                changedPositions.add(key.substring("position:".length()));
            }
        }
        try {
            List<Position> recount;
            if (!changedApplicants.isEmpty()) {
                reindex(changedApplicants);
                recount = positions.publishedOrClosed(null);
            } else {
                recount = recountable(changedPositions);
            }
            var counts = countAll(recount, homes());
            var update = new Update();
            for (int i = 0; i < recount.size(); i++) {
                update.set("counts." + recount.get(i).id().value(), counts.get(i).intValue());
            }
            update.set("computedAt", Instant.now());
            mongo.upsert(Query.query(Criteria.where("_id").is("counts")), update, COUNTS);
            mongo.remove(Query.query(Criteria.where("_id").in(hints.stream().map(h -> h.get("_id")).toList())),
                    HINTS);
            return hints.size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Position> recountable(Set<String> ids) {
        List<Position> found = new ArrayList<>();
        for (var id : ids) {
            positions.findForStatistics(new PositionId(id)).ifPresent(found::add);
        }
        return found;
    }

    private void reindex(Set<String> applicantIds) throws IOException {
        var bulk = new BulkRequest.Builder();
        for (var id : applicantIds) {
            var account = accounts.find(new AccountId(id));
            if (account.isEmpty()) {
                bulk.operations(o -> o.delete(d -> d.index(INDEX).id(id)));
            } else {
                var doc = ApplicantConstraints.document(matches.preferencesOf(new AccountId(id))
                        .orElseGet(Preferences::defaults), municipalities);
                bulk.operations(o -> o.index(i -> i.index(INDEX).id(id).document(JsonData.of(doc))));
            }
        }
        client.bulk(bulk.build());
        client.indices().refresh(r -> r.index(INDEX));
    }

    /** Home municipalities of applicants with a distance limit (at most the 357 municipalities). */
    private List<String> homes() {
        try {
            var response = client.search(s -> s.index(INDEX).size(0).aggregations("homes", a -> a.terms(t -> t
                    .field("home").size(400))), Void.class);
            return response.aggregations().get("homes").sterms().buckets().array().stream()
                    .map(b -> b.key().stringValue()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Long> countAll(List<Position> all, List<String> homes) {
        List<Long> counts = new ArrayList<>(all.size());
        try {
            for (int from = 0; from < all.size(); from += 100) {
                var chunk = all.subList(from, Math.min(all.size(), from + 100));
                var response = client.msearch(m -> {
                    for (var position : chunk) {
                        var query = ApplicantConstraints.satisfiedBy(position, homes, municipalities);
                        m.searches(s -> s.header(h -> h.index(INDEX)).body(b -> b.size(0)
                                .trackTotalHits(t -> t.enabled(true)).query(query)));
                    }
                    return m;
                }, Void.class);
                for (var item : response.responses()) {
                    if (item.isFailure()) {
                        throw new IllegalStateException(item.failure().error().reason());
                    }
                    var total = item.result().hits().total();
                    counts.add(total == null ? 0 : total.value());
                }
            }
            return counts;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
