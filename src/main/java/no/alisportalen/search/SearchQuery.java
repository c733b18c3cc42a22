package no.alisportalen.search;

import java.util.List;
import no.alisportalen.municipality.GeoPoint;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.IncentiveType;
import no.alisportalen.position.WorkSetting;
import org.jspecify.annotations.Nullable;

/**
 * Everything a search can ask, as in {@code GET /api/v1/positions}. Empty lists mean "any".
 * {@code maxListLength} passes positions without a patient list; {@code minOnCallRotation} passes positions
 * without on-call duty; {@code minSalary} fails positions without a fixed salary.
 *
 * @param centre the point distances are measured from (from {@code near} or {@code nearMunicipality})
 * @param minYearlyValue the least yearly value (salary, agreement elements and incentives, NOK)
 */
public record SearchQuery(
        @Nullable String text,
        List<Region> regions,
        List<String> counties,
        List<String> municipalities,
        List<EmploymentForm> employmentForms,
        List<WorkSetting> settings,
        @Nullable Integer maxListLength,
        @Nullable Integer minSalary,
        @Nullable Boolean introductionAgreement,
        @Nullable Boolean alisAgreement,
        @Nullable Boolean recruitmentWeak,
        @Nullable Boolean supervisorOnSite,
        @Nullable Integer minOnCallRotation,
        List<IncentiveType> incentives,
        List<Integer> centralities,
        @Nullable GeoPoint centre,
        @Nullable Double radiusKm,
        SearchSort sort,
        int page,
        int size,
        @Nullable Integer minYearlyValue) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_WINDOW = 10_000;
    /** Free text longer than this is refused (API) or cut (the search box has the same limit). */
    public static final int MAX_TEXT = 200;

    public SearchQuery {
        regions = List.copyOf(regions);
        counties = List.copyOf(counties);
        municipalities = List.copyOf(municipalities);
        employmentForms = List.copyOf(employmentForms);
        settings = List.copyOf(settings);
        incentives = List.copyOf(incentives);
        centralities = List.copyOf(centralities);
    }

    /** Without a yearly-value floor. */
    public SearchQuery(@Nullable String text, List<Region> regions, List<String> counties, List<String> municipalities,
            List<EmploymentForm> employmentForms, List<WorkSetting> settings, @Nullable Integer maxListLength,
            @Nullable Integer minSalary, @Nullable Boolean introductionAgreement, @Nullable Boolean alisAgreement,
            @Nullable Boolean recruitmentWeak, @Nullable Boolean supervisorOnSite, @Nullable Integer minOnCallRotation,
            List<IncentiveType> incentives, List<Integer> centralities, @Nullable GeoPoint centre,
            @Nullable Double radiusKm, SearchSort sort, int page, int size) {
        this(text, regions, counties, municipalities, employmentForms, settings, maxListLength, minSalary,
                introductionAgreement, alisAgreement, recruitmentWeak, supervisorOnSite, minOnCallRotation, incentives,
                centralities, centre, radiusKm, sort, page, size, null);
    }

    public SearchQuery withMinYearlyValue(@Nullable Integer value) {
        return new SearchQuery(text, regions, counties, municipalities, employmentForms, settings, maxListLength,
                minSalary, introductionAgreement, alisAgreement, recruitmentWeak, supervisorOnSite, minOnCallRotation,
                incentives, centralities, centre, radiusKm, sort, page, size, value);
    }

    /** Everything open, newest first. */
    public static SearchQuery all() {
        return new SearchQuery(null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, null,
                null, null, null, List.of(), List.of(), null, null, SearchSort.RELEVANCE, 0, 20);
    }

    /**
     * The same question in one spelling, for the result cache: text trimmed, single-spaced and in lower case
     * (blank is none; matching ignores case anyway), every list sorted without repeats (order means nothing).
     */
    public SearchQuery normalized() {
        var normalText = text == null ? null : text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        return new SearchQuery(normalText == null || normalText.isEmpty() ? null : normalText, sorted(regions),
                sorted(counties), sorted(municipalities), sorted(employmentForms), sorted(settings), maxListLength,
                minSalary, introductionAgreement, alisAgreement, recruitmentWeak, supervisorOnSite, minOnCallRotation,
                sorted(incentives), sorted(centralities), centre, radiusKm, sort, page, size, minYearlyValue);
    }

    private static <T extends Comparable<? super T>> List<T> sorted(List<T> values) {
        return values.stream().distinct().sorted().toList();
    }

    /**
     * What the facet counts depend on, and nothing else: without page, size and order, and with the centre only
     * where a radius makes it a filter. Questions that differ in those alone share their counts.
     */
    SearchQuery facetQuestion() {
        return new SearchQuery(text, regions, counties, municipalities, employmentForms, settings, maxListLength,
                minSalary, introductionAgreement, alisAgreement, recruitmentWeak, supervisorOnSite, minOnCallRotation,
                incentives, centralities, radiusKm == null ? null : centre, radiusKm, SearchSort.RELEVANCE, 0, 0,
                minYearlyValue);
    }

    public SearchQuery withPage(int newPage, int newSize) {
        return new SearchQuery(text, regions, counties, municipalities, employmentForms, settings, maxListLength,
                minSalary, introductionAgreement, alisAgreement, recruitmentWeak, supervisorOnSite, minOnCallRotation,
                incentives, centralities, centre, radiusKm, sort, newPage, newSize, minYearlyValue);
    }
}
