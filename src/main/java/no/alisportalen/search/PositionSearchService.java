package no.alisportalen.search;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScore;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.Set;
import java.util.function.Function;
import no.alisportalen.exposure.ApplicantNeed;
import no.alisportalen.exposure.RecruitmentBoost;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionId;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import com.fasterxml.jackson.databind.node.ObjectNode;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import no.alisportalen.base.ServiceUnavailableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Searching published, open positions (deadline not passed) with free text, ALIS filters, distance and
 * disjunctive facets; suggestions for the search box; and rebuilding the index.
 */
@Service
public class PositionSearchService {

    private final ElasticsearchClient client;
    private final SearchIndex index;
    private final Reindexer reindexer;
    private final SearchIndexer indexer;
    private final Clock clock;
    private final MunicipalityService municipalities;
    private final RecruitmentBoost boost;
    private final SearchResultCache cache;
    private final IndexGeneration generation;
    private final PageWriter pages;
    private final java.util.concurrent.atomic.AtomicBoolean boundPagesReported =
            new java.util.concurrent.atomic.AtomicBoolean();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PositionSearchService.class);
    private final java.util.concurrent.ExecutorService parallel = java.util.concurrent.Executors
            .newVirtualThreadPerTaskExecutor();

    PositionSearchService(ElasticsearchClient client, SearchIndex index, Reindexer reindexer, SearchIndexer indexer,
            Clock clock, MunicipalityService municipalities, RecruitmentBoost boost, SearchResultCache cache,
            IndexGeneration generation, tools.jackson.databind.json.JsonMapper json) {
        this.pages = new PageWriter(json);
        this.boost = boost;
        this.cache = cache;
        this.generation = generation;
        this.municipalities = municipalities;
        this.client = client;
        this.index = index;
        this.reindexer = reindexer;
        this.indexer = indexer;
        this.clock = clock;
    }

    /**
     * Runs a search.
     *
     * @throws ServiceUnavailableException when Elasticsearch cannot be reached
     */
    public SearchResult search(SearchQuery query) {
        return search(query, true);
    }

    /**
     * Runs a search.
     *
     * @param recruitmentBoost false when the searcher switched the recruitment boost off for their searches
     * @throws ServiceUnavailableException when Elasticsearch cannot be reached
     */
    public SearchResult search(SearchQuery query, boolean recruitmentBoost) {
        var key = key(query, recruitmentBoost);
        return cache.get(key, () -> execute(key));
    }

    /**
     * As {@link #search(SearchQuery, boolean)}, as the API's response, cached so. A page is written straight from
     * Elasticsearch's response ({@link PageWriter}); {@code render} makes it from the bound result when that
     * response is not as the writer expects.
     */
    RenderedPage searchRendered(SearchQuery query, boolean recruitmentBoost,
            Function<SearchResult, RenderedPage> render) {
        var key = key(query, recruitmentBoost);
        return cache.rendered(key, () -> executeRendered(key, render));
    }

    private SearchResultCache.Key key(SearchQuery query, boolean recruitmentBoost) {
        var normal = query.normalized();
        boolean boosted = recruitmentBoost && normal.sort() == SearchSort.RELEVANCE && boost.enabled();
        // The generation is read before computing: a result is filed under the index state it started from.
        return new SearchResultCache.Key(generation.current(), LocalDate.now(clock), boosted, normal);
    }

    private static final co.elastic.clients.transport.endpoints.BinaryEndpoint<
            co.elastic.clients.elasticsearch.core.SearchRequest> SEARCH_BYTES =
            co.elastic.clients.elasticsearch.core.SearchRequest._ENDPOINT.withBinaryResponse();

    private RenderedPage executeRendered(SearchResultCache.Key key, Function<SearchResult, RenderedPage> render) {
        var query = key.query();
        try {
            var requests = requests(key);
            var facets = facets(key, requests);
            try (var response = client._transport().performRequest(requests.hits(), SEARCH_BYTES,
                    client._transportOptions())) {
                var content = replayable(response.content());
                content.mark(Integer.MAX_VALUE);
                try {
                    return pages.write(content, query, key.boosted(), facets);
                } catch (PageWriter.UnexpectedShape e) {
                    // An index written before the API's form changed sends every search this way until its
                    // positions are re-sent: said once, not for every search.
                    if (boundPagesReported.compareAndSet(false, true)) {
                        log.warn("Search response not as expected ({}); writing pages from the bound result",
                                e.getMessage());
                    } else {
                        log.debug("Search response not as expected ({})", e.getMessage());
                    }
                    // The response already here is bound, and the facets already asked for are used again.
                    content.reset();
                    return render.apply(result(key, bind(content), facets));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    private SearchQueryBuilder.Requests requests(SearchResultCache.Key key) {
        return SearchQueryBuilder.build(index.alias(), key.query(), key.today(),
                key.boosted() ? boost.searchMargin() : 0);
    }

    /**
     * The facet counts of the key's question. Another page or order of a question asked before on this index
     * state has them known; otherwise they are asked on a virtual thread, in parallel with the hits (the low-level
     * REST client is thread-safe), and kept when they arrive.
     */
    private java.util.function.Supplier<Map<String, List<FacetValue>>> facets(SearchResultCache.Key key,
            SearchQueryBuilder.Requests requests) {
        var facetsKey = new SearchResultCache.FacetsKey(key.generation(), key.today(), key.query().facetQuestion());
        var known = cache.facets(facetsKey);
        if (known != null) {
            return () -> known;
        }
        var request = requests.facets();
        var future = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            // As bytes, read by PageWriter: the client's typed aggregations cost more than the counts are worth.
            try (var response = client._transport().performRequest(request, SEARCH_BYTES,
                    client._transportOptions())) {
                return pages.facets(response.content(), FACETS);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, parallel);
        return () -> {
            var facets = join(future);
            cache.facets(facetsKey, facets);
            return facets;
        };
    }

    private SearchResult execute(SearchResultCache.Key key) {
        try {
            var requests = requests(key);
            return execute(key, requests, facets(key, requests));
        } catch (IOException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** The bound result: the hits bound into positions, with the facet counts given. */
    private SearchResult execute(SearchResultCache.Key key, SearchQueryBuilder.Requests requests,
            java.util.function.Supplier<Map<String, List<FacetValue>>> facets) throws IOException {
        return result(key, client.search(requests.hits(), PositionDocuments.Hit.class), facets);
    }

    private static final co.elastic.clients.json.JsonpDeserializer<SearchResponse<PositionDocuments.Hit>> HITS =
            SearchResponse.createSearchResponseDeserializer(
                    co.elastic.clients.json.JsonpDeserializer.of(PositionDocuments.Hit.class));

    /** A hits response's bytes bound as the client binds them. */
    private SearchResponse<PositionDocuments.Hit> bind(InputStream content) {
        var mapper = client._jsonpMapper();
        try (var parser = mapper.jsonProvider().createParser(content)) {
            return HITS.deserialize(parser, mapper);
        }
    }

    /** A stream that can go back to its start (the transport's is normally in memory already). */
    private static InputStream replayable(InputStream content) {
        if (content.markSupported()) {
            return content;
        }
        return new java.io.FilterInputStream(new java.io.BufferedInputStream(content, 64 * 1024)) {
            @Override
            public void close() {
                // The parser closes its source; the response's own close releases it.
            }
        };
    }

    private SearchResult result(SearchResultCache.Key key, SearchResponse<PositionDocuments.Hit> response,
            java.util.function.Supplier<Map<String, List<FacetValue>>> facets) {
        var query = key.query();
        boolean boosted = key.boosted();
        var centre = query.centre();
        List<SearchHit> items = new ArrayList<>();
        for (var hit : response.hits().hits()) {
            var source = java.util.Objects.requireNonNull(hit.source());
            var position = source.position();
            var distance = SearchHit.distanceKm(centre, position.data().location());
            var need = boosted ? source.applicantNeed(position.id()) : ApplicantNeed.none(position.id());
            items.add(new SearchHit(position, distance, hit.highlight(), need.needsApplicants(), need.reasons()));
        }
        var hitsTotal = response.hits().total();
        var total = hitsTotal == null ? items.size() : hitsTotal.value();
        boolean capped = hitsTotal != null
                && hitsTotal.relation() == co.elastic.clients.elasticsearch.core.search.TotalHitsRelation.Gte;
        return new SearchResult(total, query.page(), query.size(), items, facets.get(), capped);
    }

    private static RuntimeException unavailable(Exception failure) {
        var e = failure instanceof java.io.UncheckedIOException u ? u.getCause() : failure;
        if (e instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException ee && ee.status() == 400
                || e instanceof co.elastic.clients.transport.TransportException te && te.statusCode() == 400) {
            return new IllegalStateException("Search request rejected: " + e.getMessage(), e);
        }
        return new ServiceUnavailableException("search.unavailable", e);
    }

    /**
     * Open published positions that pass every filter, ranked by the sum of the score functions (best first,
     * ties by deadline then id, so pages never overlap). For the matching feature, which owns the model.
     *
     * @throws ServiceUnavailableException when Elasticsearch cannot be reached
     */
    public ScoredPage scored(List<Query> filters, List<FunctionScore> functions, int from, int size) {
        return scored(filters, functions, 0, from, size);
    }

    /**
     * As {@link #scored(List, List, int, int)}, adding {@code needPoints × need} to each score (the recruitment
     * boost; 0 for none); each item carries its need so the caller can tell the two parts apart.
     */
    public ScoredPage scored(List<Query> filters, List<FunctionScore> functions, double needPoints, int from,
            int size) {
        var all = openFilters(filters);
        List<FunctionScore> withNeed = new ArrayList<>(functions);
        if (needPoints > 0) {
            withNeed.add(FunctionScore.of(f -> f.fieldValueFactor(v -> v.field("need").factor(needPoints)
                    .missing(0.0))));
        }
        try {
            var response = client.search(s -> s.index(index.alias()).from(from).size(size).trackTotalHits(t -> t
                    .enabled(true)).source(SearchQueryBuilder.RESULT_SOURCE)
                    .query(q -> q.functionScore(f -> f.query(b -> b.bool(bb -> bb.filter(all)))
                    .functions(withNeed).scoreMode(FunctionScoreMode.Sum).boostMode(FunctionBoostMode.Replace)))
                    .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(o -> o.field(fs -> fs.field("applicationDeadline").order(SortOrder.Asc)))
                    .sort(o -> o.field(fs -> fs.field("id").order(SortOrder.Asc))), PositionDocuments.Hit.class);
            List<ScoredPosition> items = new ArrayList<>();
            for (var hit : response.hits().hits()) {
                var source = java.util.Objects.requireNonNull(hit.source());
                var position = source.position();
                items.add(new ScoredPosition(position, hit.score() == null ? 0 : hit.score(),
                        needPoints > 0 ? source.applicantNeed(position.id()) : ApplicantNeed.none(position.id())));
            }
            var total = response.hits().total() == null ? items.size() : response.hits().total().value();
            return new ScoredPage(total, items);
        } catch (IOException | RuntimeException e) {
            throw new ServiceUnavailableException("search.unavailable", e);
        }
    }

    /**
     * How many open published positions pass each set of filters, in one round trip (multi-search).
     *
     * @throws ServiceUnavailableException when Elasticsearch cannot be reached
     */
    public List<Long> counts(List<List<Query>> filterSets) {
        if (filterSets.isEmpty()) {
            return List.of();
        }
        try {
            var response = client.msearch(m -> {
                for (var filters : filterSets) {
                    var all = openFilters(filters);
                    m.searches(s -> s.header(h -> h.index(index.alias())).body(b -> b.size(0).trackTotalHits(t -> t
                            .enabled(true)).query(q -> q.bool(bb -> bb.filter(all)))));
                }
                return m;
            }, ObjectNode.class);
            List<Long> counts = new ArrayList<>();
            for (var item : response.responses()) {
                if (item.isFailure()) {
                    throw new IllegalStateException(item.failure().error().reason());
                }
                var total = item.result().hits().total();
                counts.add(total == null ? 0 : total.value());
            }
            return counts;
        } catch (IOException | RuntimeException e) {
            throw new ServiceUnavailableException("search.unavailable", e);
        }
    }

    /**
     * For alerts: which of the given positions each search would find, exactly as the search itself would. The
     * structured filters are checked in Java; searches with free text are confirmed by Elasticsearch, restricted to
     * their candidates, in multi-search batches (after bringing the index up to date).
     *
     * @throws ServiceUnavailableException when a text check is needed and Elasticsearch cannot be reached
     */
    public List<Set<PositionId>> matchingPositions(List<SearchQuery> queries, List<Position> positions) {
        var today = LocalDate.now(clock);
        Function<String, String> countyOf = number -> municipalities.find(number).map(m -> m.countyNumber())
                .orElse("");
        List<Set<PositionId>> result = new ArrayList<>();
        List<Integer> textChecks = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            var query = queries.get(i);
            Set<PositionId> candidates = new LinkedHashSet<>();
            for (var position : positions) {
                if (SearchFilters.matches(query, position, today, countyOf)) {
                    candidates.add(position.id());
                }
            }
            result.add(candidates);
            if (!candidates.isEmpty() && query.text() != null && !query.text().isBlank()) {
                textChecks.add(i);
            }
        }
        if (textChecks.isEmpty()) {
            return result;
        }
        flush();
        try {
            for (int from = 0; from < textChecks.size(); from += 200) {
                var chunk = textChecks.subList(from, Math.min(textChecks.size(), from + 200));
                var response = client.msearch(m -> {
                    for (int i : chunk) {
                        var candidates = result.get(i).stream().map(PositionId::value).toList();
                        var query = SearchQueryBuilder.asOneQuery(queries.get(i), today);
                        m.searches(s -> s.header(h -> h.index(index.alias())).body(b -> b.size(candidates.size())
                                .source(src -> src.fetch(false)).query(q -> q.bool(bb -> bb.filter(query)
                                        .filter(f -> f.ids(ids -> ids.values(candidates)))))));
                    }
                    return m;
                }, ObjectNode.class);
                for (int k = 0; k < chunk.size(); k++) {
                    var item = response.responses().get(k);
                    if (item.isFailure()) {
                        throw new IllegalStateException(item.failure().error().reason());
                    }
                    var found = item.result().hits().hits().stream().map(h -> new PositionId(h.id()))
                            .collect(java.util.stream.Collectors.toSet());
                    result.get(chunk.get(k)).retainAll(found);
                }
            }
            return result;
        } catch (IOException | RuntimeException e) {
            throw new ServiceUnavailableException("search.unavailable", e);
        }
    }

    private List<Query> openFilters(List<Query> filters) {
        var today = LocalDate.now(clock).toString();
        List<Query> all = new ArrayList<>(filters);
        all.add(Query.of(q -> q.term(t -> t.field("status").value("PUBLISHED"))));
        all.add(Query.of(q -> q.range(r -> r.date(d -> d.field("applicationDeadline").gte(today)))));
        return all;
    }

    /**
     * How many positions of the whole result set (not only one page) lie in each municipality, for the map.
     *
     * @throws ServiceUnavailableException when Elasticsearch cannot be reached
     */
    public Map<String, Long> countsByMunicipality(SearchQuery query) {
        var base = SearchQueryBuilder.hits(index.alias(), query.withPage(0, 1), LocalDate.now(clock));
        // The facet filters sit in post_filter; here they must narrow the aggregation itself.
        var facetFilter = base.postFilter() != null ? base.postFilter()
                : co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.matchAll(m -> m));
        try {
            var response = client.search(s -> s.index(index.alias()).size(0).query(base.query())
                    .aggregations("municipalities", a -> a.filter(facetFilter)
                            .aggregations("values", v -> v.terms(t -> t.field("municipalityNumber").size(400)))),
                    ObjectNode.class);
            Map<String, Long> counts = new LinkedHashMap<>();
            values(response.aggregations().get("municipalities")).forEach(v -> counts.put(v.value(), v.count()));
            return counts;
        } catch (IOException | RuntimeException e) {
            throw new ServiceUnavailableException("search.unavailable", e);
        }
    }

    /** Up to six completions for what someone is typing: titles and municipality names, folded-prefix match. */
    public List<String> suggest(String prefix) {
        var folded = Folding.fold(prefix).strip();
        if (folded.length() < 2) {
            return List.of();
        }
        try {
            var response = client.search(s -> s.index(index.alias()).size(20)
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("status").value("PUBLISHED")))
                            .must(m -> m.matchPhrasePrefix(p -> p.field("foldedTitle").query(folded)))))
                    .source(src -> src.filter(f -> f.includes("title", "municipalityName"))), ObjectNode.class);
            var suggestions = new LinkedHashSet<String>();
            for (var hit : response.hits().hits()) {
                var municipality = hit.source().path("municipalityName").asText();
                if (Folding.fold(municipality).startsWith(folded)) {
                    suggestions.add(municipality);
                }
            }
            for (var hit : response.hits().hits()) {
                suggestions.add(hit.source().path("title").asText());
            }
            return suggestions.stream().limit(6).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Starts a zero-downtime rebuild of the index from MongoDB (administrators). */
    @PreAuthorize("hasRole('ADMIN')")
    public ReindexStatus reindex() {
        return reindexer.start();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ReindexStatus reindexStatus() {
        return reindexer.status();
    }

    /** Sends everything pending to the index now and makes it visible to searches (tests, benchmarks). */
    public void flush() {
        indexer.run();
        index.refresh();
    }

    public boolean isAvailable() {
        return indexer.isReachable();
    }

    /** The future's value, or what it failed with (an IOException inside an UncheckedIOException). */
    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    static final List<String> FACETS = List.of("region", "county", "employmentForm", "setting", "incentive",
            "introductionAgreement", "centrality");

    /** A facet's counts from the client's typed aggregation (the facets themselves are read by PageWriter). */
    static List<FacetValue> values(Aggregate aggregate) {
        var inner = aggregate.filter().aggregations().get("values");
        List<FacetValue> values = new ArrayList<>();
        if (inner.isSterms()) {
            inner.sterms().buckets().array().forEach(b -> values.add(new FacetValue(b.key().stringValue(), b.docCount())));
        } else if (inner.isLterms()) {
            inner.lterms().buckets().array().forEach(b -> values.add(new FacetValue(
                    b.keyAsString() != null ? b.keyAsString() : Long.toString(b.key()), b.docCount())));
        }
        return values;
    }
}
