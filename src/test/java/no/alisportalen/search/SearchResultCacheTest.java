package no.alisportalen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The API's pages in the result cache: identical misses at the same time share one computation. */
class SearchResultCacheTest {

    private final SearchResultCache cache = new SearchResultCache(8, null);
    private final AtomicInteger computed = new AtomicInteger();

    private static SearchResultCache.Key key(int question) {
        return new SearchResultCache.Key(1, LocalDate.of(2026, 12, 3), false, SearchQuery.all().withPage(0, question));
    }

    private RenderedPage ask(int question) {
        return cache.rendered(key(question), () -> {
            computed.incrementAndGet();
            return RenderedPage.of(("{\"q\":" + question + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    List.of());
        });
    }

    @Test
    void concurrent_identical_misses_compute_the_page_once() throws Exception {
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        List<Future<RenderedPage>> pages = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            pages.add(pool.submit(() -> cache.rendered(key(3), () -> {
                started.countDown();
                computed.incrementAndGet();
                await(release);
                return RenderedPage.of(new byte[] {'{', '}'}, List.of());
            })));
            await(started);
            List<Thread> waiting = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int i = 0; i < 7; i++) {
                pages.add(pool.submit(() -> {
                    waiting.add(Thread.currentThread());
                    return ask(3);
                }));
            }
            // All seven blocked on the computation in progress, in the cache's map: truly at the same time.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waiting.size() == 7
                    && waiting.stream().allMatch(t -> t.getState() == Thread.State.BLOCKED
                            && java.util.Arrays.stream(t.getStackTrace()).anyMatch(frame -> frame.getClassName()
                                    .equals(java.util.concurrent.ConcurrentHashMap.class.getName()))));
            release.countDown();
            for (var page : pages) {
                assertThat(page.get().json()).containsExactly('{', '}');
            }
        }
        assertThat(computed).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
