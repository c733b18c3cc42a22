package no.alisportalen.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Search results by normalised query, for everyone alike (a search's results do not depend on who asks), bounded
 * by an estimate of their size in memory. The key holds the index generation, the day (the deadline filter) and
 * whether the recruitment boost applied, so a result is only ever served for the index state it was computed on.
 * Concurrent identical misses wait for one computation (Caffeine computes each key once). The API's pages are kept
 * as their JSON ({@link RenderedPage}, compressed soon after they are made) under keys of their own, so a repeated
 * API search neither asks Elasticsearch nor writes JSON; the web views keep {@link SearchResult}s. Both share one
 * memory bound, and so do the facet counts kept by question.
 */
@Component
class SearchResultCache {

    /** @param rendered whether the entry is the API's rendered page rather than the result itself */
    record Key(long generation, LocalDate today, boolean boosted, SearchQuery query, boolean rendered) {

        Key(long generation, LocalDate today, boolean boosted, SearchQuery query) {
            this(generation, today, boosted, query, false);
        }

        Key asRendered() {
            return new Key(generation, today, boosted, query, true);
        }
    }

    /** The facet counts of a question ({@link SearchQuery#facetQuestion()}) on one index state and day. */
    record FacetsKey(long generation, LocalDate today, SearchQuery question) {}

    private final @Nullable Cache<Key, Object> cache;
    /**
     * Facet counts by the question they depend on: another page or order of a question asked before needs only
     * its hits from Elasticsearch. An eighth of the memory bound; the pages have the rest.
     */
    private final @Nullable Cache<FacetsKey, Map<String, List<FacetValue>>> facets;
    /** Off only for the benchmark's before/after in one run. */
    private volatile boolean enabled = true;
    /** Off only for the benchmark's own-time measure, which compares against both requests sent directly. */
    private volatile boolean facetsReused = true;

    @org.springframework.beans.factory.annotation.Autowired
    SearchResultCache(SearchProperties properties, MeterRegistry meters) {
        this(properties.cacheMb(), meters);
    }

    SearchResultCache(int megabytes, @Nullable MeterRegistry meters) {
        if (megabytes <= 0) {
            cache = null;
            facets = null;
            return;
        }
        long bound = megabytes * 1024L * 1024L;
        // Maintenance (eviction, buffers) on the calling thread: handed to the common pool, it woke a pool thread
        // so often under load that the pool took ~50 µs of CPU per search (uniform mix, 32 clients; #14).
        facets = Caffeine.newBuilder().maximumWeight(bound / 8).executor(Runnable::run)
                .weigher((FacetsKey key, Map<String, List<FacetValue>> value) -> facetBytes(value)).recordStats()
                .build();
        cache = Caffeine.newBuilder().maximumWeight(bound - bound / 8).executor(Runnable::run)
                .weigher((Key key, Object value) -> value instanceof RenderedPage page ? page.weight()
                        : bytes((SearchResult) value)).recordStats().build();
        if (meters != null) {
            CaffeineCacheMetrics.monitor(meters, cache, "portal.search.results");
            CaffeineCacheMetrics.monitor(meters, facets, "portal.search.facets");
        }
    }

    SearchResult get(Key key, Supplier<SearchResult> compute) {
        return lookup(key, compute, SearchResult.class);
    }

    /**
     * The API's page for a key. The search that computes a page gets it plain and sends it at once; the page is
     * compressed on a background thread and swapped in, so compressing (~0.2 ms for a page of 20) never sits
     * between a miss and its response. Should that thread fall behind, pages stay plain: correct, only heavier.
     */
    RenderedPage rendered(Key key, Supplier<RenderedPage> compute) {
        var rendered = key.asRendered();
        if (cache == null || !enabled) {
            return compute.get();
        }
        var computed = new boolean[1];
        var page = (RenderedPage) cache.get(rendered, k -> {
            computed[0] = true;
            return compute.get();
        });
        if (computed[0] && !page.gzipped()) {
            var entries = cache.asMap();
            compressor.execute(() -> entries.replace(rendered, page, page.compressed()));
        }
        return page;
    }

    // A short queue: a waiting page is held outside the cache's bound (~50 KB for a page of 20).
    private final java.util.concurrent.ThreadPoolExecutor compressor = new java.util.concurrent.ThreadPoolExecutor(1,
            1, 0, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(64),
            Thread.ofPlatform().daemon().name("search-page-gzip").factory(),
            new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy()); // turned away: the page stays plain

    @jakarta.annotation.PreDestroy
    void close() {
        compressor.shutdownNow();
    }

    private <V> V lookup(Key key, Supplier<V> compute, Class<V> type) {
        return cache == null || !enabled ? compute.get() : type.cast(cache.get(key, k -> compute.get()));
    }

    /** The facet counts computed for this question before on the same index state, if still held. */
    @Nullable Map<String, List<FacetValue>> facets(FacetsKey key) {
        return facets == null || !enabled || !facetsReused ? null : facets.getIfPresent(key);
    }

    void facets(FacetsKey key, Map<String, List<FacetValue>> counts) {
        if (facets != null && enabled) {
            // In the order given: the facets' order in the JSON must not depend on where the counts came from.
            facets.put(key, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts)));
        }
    }

    void facetsReused(boolean on) {
        facetsReused = on;
    }

    void enabled(boolean on) {
        enabled = on;
        clear();
    }

    /** Loads (misses computed), hits, the weight held (pages and facets), facet hits and misses. */
    record Stats(long loads, long hits, long weightBytes, long maximumBytes, long facetHits, long facetMisses) {}

    Stats stats() {
        if (cache == null || facets == null) {
            return new Stats(0, 0, 0, 0, 0, 0);
        }
        cache.cleanUp(); // pending evictions, so the weight is what is held
        facets.cleanUp();
        var pages = cache.policy().eviction().orElseThrow();
        var counts = facets.policy().eviction().orElseThrow();
        return new Stats(cache.stats().loadCount(), cache.stats().hitCount(),
                pages.weightedSize().orElse(0) + counts.weightedSize().orElse(0),
                pages.getMaximum() + counts.getMaximum(), facets.stats().hitCount(), facets.stats().missCount());
    }

    void clear() {
        if (cache != null && facets != null) {
            cache.invalidateAll();
            facets.invalidateAll();
        }
    }

    /**
     * A generous estimate of the heap a result takes: Java strings are about two bytes a character (Latin-1
     * strings one, so this errs high), plus a fixed share per position, highlight and facet value for the objects
     * around them.
     */
    static int bytes(SearchResult result) {
        long total = 1_024;
        for (var hit : result.items()) {
            var d = hit.position().data();
            total += 1_500 + 2L * (length(d.title()) + length(d.description()) + length(d.workplace()));
            for (var fragments : hit.highlight().values()) {
                for (var fragment : fragments) {
                    total += 64 + 2L * fragment.length();
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, total + facetBytes(result.facets()));
    }

    private static int facetBytes(Map<String, List<FacetValue>> facets) {
        long total = 0;
        for (var values : facets.values()) {
            total += 64L * (values.size() + 1);
        }
        return (int) total;
    }

    private static int length(@Nullable String text) {
        return text == null ? 0 : text.length();
    }
}
