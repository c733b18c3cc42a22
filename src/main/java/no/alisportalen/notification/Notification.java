package no.alisportalen.notification;

import java.time.Instant;
import no.alisportalen.position.PositionId;
import org.jspecify.annotations.Nullable;

/** A notification as its recipient reads it, with the message in the reader's language. */
public record Notification(
        String id,
        NotificationKind kind,
        PositionId positionId,
        String positionTitle,
        String message,
        Instant createdAt,
        boolean read,
        @Nullable String savedSearchId) {}
