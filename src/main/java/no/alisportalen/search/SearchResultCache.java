package no.alisportalen.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Search results by normalised query, for everyone alike (a search's results do not depend on who asks), bounded
 * by an estimate of their size in memory. The key holds the index generation, the day (the deadline filter) and
 * whether the recruitment boost applied, so a result is only ever served for the index state it was computed on.
 * Concurrent identical misses wait for one computation (Caffeine computes each key once). The API's pages are kept
 * as their JSON ({@link RenderedPage}, compressed soon after they are made) under keys of their own, so a repeated
 * API search neither asks Elasticsearch nor writes JSON; the web views keep {@link SearchResult}s. Both share one memory bound.
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

    private final @Nullable Cache<Key, Object> cache;
    /** Off only for the benchmark's before/after in one run. */
    private volatile boolean enabled = true;

    @org.springframework.beans.factory.annotation.Autowired
    SearchResultCache(SearchProperties properties, MeterRegistry meters) {
        this(properties.cacheMb(), meters);
    }

    SearchResultCache(int megabytes, @Nullable MeterRegistry meters) {
        if (megabytes <= 0) {
            cache = null;
            return;
        }
        cache = Caffeine.newBuilder().maximumWeight(megabytes * 1024L * 1024L)
                .weigher((Key key, Object value) -> value instanceof RenderedPage page ? page.weight()
                        : bytes((SearchResult) value)).recordStats().build();
        if (meters != null) {
            CaffeineCacheMetrics.monitor(meters, cache, "portal.search.results");
        }
    }

    SearchResult get(Key key, Supplier<SearchResult> compute) {
        return lookup(key, compute, SearchResult.class);
    }

    /**
     * The API's page for a key. The search that computes a page gets it plain and sends it at once; the page is
     * compressed on a background thread and swapped in, so compressing (~0.3 ms for a page of 20) never sits
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
            new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());

    @jakarta.annotation.PreDestroy
    void close() {
        compressor.shutdownNow();
    }

    /** Whether every page computed so far has been compressed or given up on (for tests). */
    boolean compressionIdle() {
        return compressor.getQueue().isEmpty() && compressor.getActiveCount() == 0;
    }

    private <V> V lookup(Key key, Supplier<V> compute, Class<V> type) {
        return cache == null || !enabled ? compute.get() : type.cast(cache.get(key, k -> compute.get()));
    }

    void enabled(boolean on) {
        enabled = on;
        clear();
    }

    /** Loads (misses computed), hits, and the weight held, for tests and the benchmark. */
    record Stats(long loads, long hits, long weightBytes, long maximumBytes) {}

    Stats stats() {
        if (cache == null) {
            return new Stats(0, 0, 0, 0);
        }
        var eviction = cache.policy().eviction().orElseThrow();
        return new Stats(cache.stats().loadCount(), cache.stats().hitCount(),
                eviction.weightedSize().orElse(0), eviction.getMaximum());
    }

    void clear() {
        if (cache != null) {
            cache.invalidateAll();
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
        for (var values : result.facets().values()) {
            total += 64L * (values.size() + 1);
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    private static int length(@Nullable String text) {
        return text == null ? 0 : text.length();
    }
}
