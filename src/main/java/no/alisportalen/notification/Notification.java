package no.alisportalen.notification;

import java.time.Instant;
import java.util.List;
import no.alisportalen.position.PositionId;
import org.jspecify.annotations.Nullable;

/**
 * A notification as its recipient reads it, with the message in the reader's language.
 *
 * @param otherPositionIds a saved-search digest's further positions (extension; empty for single notices)
 */
public record Notification(
        String id,
        NotificationKind kind,
        PositionId positionId,
        String positionTitle,
        String message,
        Instant createdAt,
        boolean read,
        @Nullable String savedSearchId,
        List<PositionId> otherPositionIds) {

    public Notification {
        otherPositionIds = List.copyOf(otherPositionIds);
    }
}
