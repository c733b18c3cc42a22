package no.alisportalen.monitoring;

import java.util.List;
import java.util.Map;
import no.alisportalen.application.ApplicationStatus;
import no.alisportalen.municipality.Region;
import org.jspecify.annotations.Nullable;

/**
 * Totals for a region (or the country), as {@code GET /api/v1/stats/summary}: published positions, positions with
 * zero applications, applications by status, and the same per municipality; plus the dashboard's extra figures.
 *
 * @param region null for the whole country
 * @param closingSoonWithFewApplications published positions whose deadline is within 14 days with fewer than two
 *     applications
 * @param medianDaysOpen over the published positions
 */
public record Summary(
        @Nullable Region region,
        long publishedPositions,
        long positionsWithZeroApplications,
        long applications,
        Map<ApplicationStatus, Long> applicationsByStatus,
        long closingSoonWithFewApplications,
        double medianDaysOpen,
        long salariedPositions,
        long selfEmployedPositions,
        List<MunicipalityStats> municipalities) {

    public Summary {
        applicationsByStatus = Map.copyOf(applicationsByStatus);
        municipalities = List.copyOf(municipalities);
    }
}
