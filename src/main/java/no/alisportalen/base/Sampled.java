package no.alisportalen.base;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from the store at most once per period, for gauges: a scrape every few seconds from several
 * Prometheus servers costs one query per period, and no query at all while nobody scrapes.
 */
public final class Sampled<T> implements Supplier<T> {

    private final LoadingCache<Boolean, T> cache;

    public Sampled(Duration period, Supplier<T> source) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(period).build(k -> source.get());
    }

    @Override
    public T get() {
        return cache.get(Boolean.TRUE);
    }
}
