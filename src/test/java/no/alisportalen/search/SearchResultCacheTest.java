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

/** Which API pages the result cache keeps: those asked again, and no others. */
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
    void a_page_asked_once_is_sent_and_not_kept_and_one_asked_again_later_is_kept_and_compressed() {
        for (int question = 1; question <= 50; question++) {
            assertThat(new String(ask(question).json(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("{\"q\":" + question + "}");
        }
        assertThat(computed).hasValue(50);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> cache.stats().weightBytes() == 0);

        ask(7);
        assertThat(computed).as("asked before: computed again, now kept").hasValue(51);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ask(7).gzipped());
        assertThat(computed).as("then answered from the cache").hasValue(51);
        assertThat(cache.stats().weightBytes()).isPositive();
    }

    @Test
    void a_page_asked_again_while_held_is_kept_and_compressed() {
        ask(8);
        ask(8);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ask(8).gzipped());
        assertThat(computed).as("computed once, or twice if the second ask came after it expired").hasValueBetween(1, 2);
        int before = computed.get();
        ask(8);
        assertThat(computed).as("kept").hasValue(before);
    }

    @Test
    void concurrent_first_asks_of_one_question_compute_it_once() throws Exception {
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
            // All seven blocked on the computation in progress, in the cache's map (a late one would find the page
            // gone, and compute it again).
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waiting.size() == 7 && waiting.stream().allMatch(t -> t.getState()
                    == Thread.State.BLOCKED && java.util.Arrays.stream(t.getStackTrace()).anyMatch(frame -> frame
                            .getClassName().equals(java.util.concurrent.ConcurrentHashMap.class.getName()))));
            release.countDown();
            for (var page : pages) {
                assertThat(page.get().json()).containsExactly('{', '}');
            }
        }
        assertThat(computed).hasValue(1);
    }

    @Test
    void the_doorkeeper_remembers_a_question_until_another_takes_its_slot() {
        var doorkeeper = new SearchResultCache.Doorkeeper(4);
        assertThat(doorkeeper.askedBefore(key(1))).isFalse();
        assertThat(doorkeeper.askedBefore(key(1))).isTrue();
        assertThat(doorkeeper.askedBefore(key(1))).isTrue();
        // Four slots: of the next questions, one soon lands on the first one's slot and takes it.
        int question = 2;
        while (doorkeeper.askedBefore(key(1))) {
            doorkeeper.askedBefore(key(question++));
        }
        assertThat(question).isLessThan(100);
        assertThat(doorkeeper.askedBefore(key(1))).as("remembered again").isTrue();
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
