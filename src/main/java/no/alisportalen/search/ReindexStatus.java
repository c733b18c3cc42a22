package no.alisportalen.search;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Progress of a full rebuild of the search index. */
public record ReindexStatus(
        boolean running,
        long total,
        long done,
        @Nullable String index,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String error) {

    static ReindexStatus idle() {
        return new ReindexStatus(false, 0, 0, null, null, null, null);
    }

    public int percent() {
        return total == 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
    }
}
