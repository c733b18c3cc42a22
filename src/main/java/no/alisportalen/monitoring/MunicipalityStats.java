package no.alisportalen.monitoring;

import java.util.Map;
import no.alisportalen.application.ApplicationStatus;

/**
 * One municipality's figures in a summary.
 *
 * @param recruitmentWeak at least one of its positions is marked as offered by a recruitment-weak municipality
 */
public record MunicipalityStats(
        String municipalityNumber,
        String municipalityName,
        int centrality,
        boolean recruitmentWeak,
        long publishedPositions,
        long positionsWithZeroApplications,
        long applications,
        Map<ApplicationStatus, Long> applicationsByStatus,
        long matchingApplicants,
        long impressions,
        long views,
        long applyClicks) {

    public MunicipalityStats {
        applicationsByStatus = Map.copyOf(applicationsByStatus);
    }
}
