package no.alisportalen.notification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored notification; {@code id} is the recipient plus the change's key, so duplicates cannot be stored. */
@Document("notifications")
record NotificationDocument(
        @Id String id,
        @Indexed String recipient,
        NotificationKind kind,
        String positionId,
        String positionTitle,
        List<String> args,
        @Nullable String savedSearchId,
        @Nullable String unsubscribeToken,
        Instant createdAt,
        boolean read,
        @Nullable List<String> otherPositionIds) {

    NotificationDocument {
        args = args == null ? List.of() : List.copyOf(args);
        otherPositionIds = otherPositionIds == null ? List.of() : List.copyOf(otherPositionIds);
    }
}
