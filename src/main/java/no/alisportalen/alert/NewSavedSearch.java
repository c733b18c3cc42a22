package no.alisportalen.alert;

import no.alisportalen.matching.Preferences;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/me/saved-searches}: a name and either {@code query} (search URL parameters, e.g.
 * {@code region=NORD&q=fastlønn}) or {@code preferences}; with neither, the applicant's stored preferences.
 */
public record NewSavedSearch(
        @Nullable String name,
        @Nullable String query,
        @Nullable Preferences preferences,
        @Nullable Boolean email) {}
