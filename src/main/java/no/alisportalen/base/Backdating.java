package no.alisportalen.base;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Lets one thread act at a past instant through the portal's own services, so that every timestamp they write
 * (published, applied, moved, notified, audited) tells a history. Only the demo loader uses it (DD015): a demo
 * with four months of history, written through the same rules and events as real use, instead of documents
 * forged in the store.
 *
 * <p>The portal's {@link Clock} bean is a {@link #clock(Clock) backdatable clock}: it answers the thread's
 * backdated instant while {@link #at} runs, the real time otherwise and on every other thread. Background jobs
 * whose result depends on the order of time (alert evaluation) pause while {@link #inProgress()}.
 */
public final class Backdating {

    private static final ThreadLocal<@Nullable Instant> AT = new ThreadLocal<>();
    private static final AtomicInteger ACTIVE = new AtomicInteger();

    private Backdating() {}

    /** Runs {@code work} on this thread as if it were {@code instant}. */
    public static <T> T at(Instant instant, Supplier<T> work) {
        var previous = AT.get();
        AT.set(instant);
        ACTIVE.incrementAndGet();
        try {
            return work.get();
        } finally {
            ACTIVE.decrementAndGet();
            if (previous == null) {
                AT.remove();
            } else {
                AT.set(previous);
            }
        }
    }

    /** Marks a stretch of backdated work (several {@link #at} calls) so time-ordered jobs wait for its end. */
    public static <T> T during(Supplier<T> work) {
        ACTIVE.incrementAndGet();
        try {
            return work.get();
        } finally {
            ACTIVE.decrementAndGet();
        }
    }

    /** Whether some thread is writing history right now. */
    public static boolean inProgress() {
        return ACTIVE.get() > 0;
    }

    /** A clock that answers the calling thread's backdated instant, if any, and {@code base} otherwise. */
    public static Clock clock(Clock base) {
        return new BackdatableClock(base);
    }

    private static final class BackdatableClock extends Clock {
        private final Clock base;

        BackdatableClock(Clock base) {
            this.base = base;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new BackdatableClock(base.withZone(zone));
        }

        @Override
        public Instant instant() {
            var at = AT.get();
            return at != null ? at : base.instant();
        }

        @Override
        public long millis() {
            return instant().toEpochMilli();
        }
    }
}
