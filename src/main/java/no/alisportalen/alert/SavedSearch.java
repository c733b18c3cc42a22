package no.alisportalen.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import no.alisportalen.matching.Preferences;
import org.jspecify.annotations.Nullable;

/**
 * A saved search as its owner sees it.
 *
 * @param query for SEARCH: the search's URL parameters, as in {@code GET /api/v1/positions}
 * @param preferences for PREFERENCES: the preferences whose hard constraints a position must meet
 * @param email whether matches are also e-mailed (when the portal has SMTP)
 */
public record SavedSearch(
        String id,
        String name,
        SavedSearchKind kind,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String query,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Preferences preferences,
        boolean email,
        Instant createdAt) {}
