package no.alisportalen.monitoring;

import java.time.LocalDate;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionStatus;
import no.alisportalen.position.WorkSetting;
import org.jspecify.annotations.Nullable;

/**
 * One position's recruitment figures, as {@code GET /api/v1/stats/positions} returns them (the contract's fields
 * first, then extensions).
 *
 * @param matchingApplicants registered applicants whose hard constraints the position satisfies
 * @param impressions times shown on a page of search or match results since publication (one per viewer within
 *     ten minutes; bots and staff not counted), {@code views} pages opened, {@code applyClicks} apply buttons used
 * @param yearlyValue fixed salary (salaried), agreement elements and incentives, NOK per year
 * @param standardElementsNok, schemeExtrasNok what one agreement costs the national ALIS scheme a year
 * @param schemeYear the year the position's scheme figures follow (its start year)
 */
public record PositionStats(
        PositionId positionId,
        String title,
        String municipalityNumber,
        Region region,
        PositionStatus status,
        int applicationCount,
        long daysOpen,
        @Nullable LocalDate applicationDeadline,
        int matchingApplicants,
        long impressions,
        long views,
        long applyClicks,
        String municipalityName,
        int centrality,
        boolean recruitmentWeak,
        @Nullable EmploymentForm employmentForm,
        @Nullable WorkSetting setting,
        @Nullable Integer listLength,
        int incentivesTotalNok,
        int yearlyValue,
        int standardElementsNok,
        int schemeExtrasNok,
        int openings,
        int schemeYear) {}
