package no.alisportalen.alert;

import java.time.Instant;
import no.alisportalen.matching.Preferences;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored saved search; {@code unsubscribeToken} is the secret of the e-mails' one-click unsubscribe link. */
@Document("saved_searches")
record SavedSearchDocument(
        @Id String id,
        @Indexed String owner,
        String name,
        SavedSearchKind kind,
        @Nullable String query,
        @Nullable Preferences preferences,
        boolean email,
        @Indexed(unique = true) String unsubscribeToken,
        Instant createdAt) {

    SavedSearch toSavedSearch() {
        return new SavedSearch(id, name, kind, query, preferences, email, createdAt);
    }

    SavedSearchDocument withEmail(boolean on) {
        return new SavedSearchDocument(id, owner, name, kind, query, preferences, on, unsubscribeToken, createdAt);
    }
}
