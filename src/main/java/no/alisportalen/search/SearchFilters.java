package no.alisportalen.search;

import java.time.LocalDate;
import java.util.function.Function;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionStatus;

/**
 * The structured filters of a search (everything but the free text) evaluated in Java, with the same semantics as
 * {@link SearchQueryBuilder}'s Elasticsearch filters. Alerts use it to test thousands of saved searches against a
 * burst of changed positions without a search request per saved search.
 */
final class SearchFilters {

    private SearchFilters() {}

    static boolean matches(SearchQuery q, Position p, LocalDate today, Function<String, String> countyOf) {
        var d = p.data();
        if (p.status() != PositionStatus.PUBLISHED || d.applicationDeadline() == null
                || d.applicationDeadline().isBefore(today)) {
            return false;
        }
        if (!q.municipalities().isEmpty() && !q.municipalities().contains(p.municipalityNumber())) {
            return false;
        }
        if (q.maxListLength() != null && d.listLength() != null && d.listLength() > q.maxListLength()) {
            return false;
        }
        if (q.minYearlyValue() != null && d.yearlyValue() < q.minYearlyValue()) {
            return false;
        }
        if (q.minSalary() != null && (d.annualSalaryNok() == null || d.annualSalaryNok() < q.minSalary())) {
            return false;
        }
        if (q.alisAgreement() != null && q.alisAgreement() != d.alisAgreement()
                || q.recruitmentWeak() != null && q.recruitmentWeak() != d.recruitmentWeak()
                || q.supervisorOnSite() != null && q.supervisorOnSite() != d.supervisorOnSite()
                || q.introductionAgreement() != null && q.introductionAgreement() != d.introductionAgreement()) {
            return false;
        }
        if (q.minOnCallRotation() != null && d.onCallRotation() != null && d.onCallRotation() < q.minOnCallRotation()) {
            return false;
        }
        if (q.centre() != null && q.radiusKm() != null
                && (d.location() == null || q.centre().distanceKm(d.location()) > q.radiusKm())) {
            return false;
        }
        if (!q.regions().isEmpty() && !q.regions().contains(p.region())
                || !q.counties().isEmpty() && !q.counties().contains(countyOf.apply(p.municipalityNumber()))
                || !q.employmentForms().isEmpty() && !q.employmentForms().contains(d.employmentForm())
                || !q.settings().isEmpty() && !q.settings().contains(d.setting())
                || !q.centralities().isEmpty() && !q.centralities().contains(p.centrality())) {
            return false;
        }
        return q.incentives().isEmpty() || d.incentives().stream().anyMatch(i -> q.incentives().contains(i.type()));
    }
}
