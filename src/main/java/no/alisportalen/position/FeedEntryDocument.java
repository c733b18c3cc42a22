package no.alisportalen.position;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One sequenced feed entry; the unique change id makes re-sequencing after a crash harmless. */
@Document("position_feed")
record FeedEntryDocument(
        @Id long sequence,
        @Indexed(unique = true) String changeId,
        FeedChangeType changeType,
        Instant changedAt,
        Position position) {

    FeedItem toItem() {
        return new FeedItem(sequence, changeType, changedAt, position);
    }
}
