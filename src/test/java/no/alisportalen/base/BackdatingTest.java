package no.alisportalen.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BackdatingTest {

    private final Clock clock = Backdating.clock(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));
    private final Instant past = Instant.parse("2026-08-03T09:15:00Z");

    @Test
    void only_the_backdating_thread_sees_the_past_and_only_while_it_backdates() throws Exception {
        var elsewhere = new CompletableFuture<Instant>();
        var inside = Backdating.at(past, () -> {
            assertThat(Backdating.inProgress()).isTrue();
            new Thread(() -> elsewhere.complete(clock.instant())).start();
            return clock.instant();
        });
        assertThat(inside).isEqualTo(past);
        assertThat(elsewhere.get()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(Backdating.inProgress()).isFalse();
    }

    @Test
    void nested_backdating_restores_the_outer_instant_even_after_a_failure() {
        var later = past.plusSeconds(3600);
        Backdating.at(past, () -> {
            try {
                Backdating.at(later, () -> {
                    assertThat(clock.instant()).isEqualTo(later);
                    throw new IllegalStateException("step failed");
                });
            } catch (IllegalStateException expected) {
                // the outer step goes on at its own instant
            }
            assertThat(clock.instant()).isEqualTo(past);
            return null;
        });
        assertThat(Backdating.inProgress()).isFalse();
    }

    @Test
    void a_zone_change_keeps_the_clock_backdatable() {
        var oslo = clock.withZone(java.time.ZoneId.of("Europe/Oslo"));
        assertThat(Backdating.at(past, oslo::instant)).isEqualTo(past);
        assertThat(oslo.millis()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z").toEpochMilli());
    }
}
