package no.alisportalen.matching;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionStatus;

/**
 * A small, independent statement of the matching rules in shared/docs/api-v1.md and MatchModel's documented
 * formulas, written straight from the text without the portal's model, to check the Elasticsearch results against.
 */
final class ReferenceMatcher {

    private final Preferences p;
    private final Map<String, Municipality> municipalities;
    private final LocalDate today;

    ReferenceMatcher(Preferences p, Map<String, Municipality> municipalities, LocalDate today) {
        this.p = p;
        this.municipalities = municipalities;
        this.today = today;
    }

    double km(Position x) {
        var home = municipalities.get(p.homeMunicipality()).location();
        var to = x.data().location();
        double r = 6371.0;
        double dLat = Math.toRadians(to.lat() - home.lat());
        double dLon = Math.toRadians(to.lon() - home.lon());
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(home.lat())) * Math.cos(Math.toRadians(to.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }

    boolean inArea(Position x) {
        var m = municipalities.get(x.municipalityNumber());
        return p.regions().contains(m.region()) || p.counties().contains(m.countyNumber())
                || p.municipalities().contains(m.number());
    }

    /** Within a kilometre of the distance limit, where two correct great-circle formulas may disagree. */
    boolean borderline(Position x) {
        return p.maxDistanceKm() != null && p.homeMunicipality() != null
                && Math.abs(km(x) - p.maxDistanceKm()) < 1.0;
    }

    boolean eligible(Position x) {
        var d = x.data();
        if (x.status() != PositionStatus.PUBLISHED || d.applicationDeadline().isBefore(today)) {
            return false;
        }
        if (!p.employmentForms().isEmpty() && !p.employmentForms().contains(d.employmentForm())) {
            return false;
        }
        if (!p.settings().isEmpty() && !p.settings().contains(d.setting())) {
            return false;
        }
        if (p.maxListLength() != null && d.listLength() != null && d.listLength() > p.maxListLength()) {
            return false;
        }
        boolean salaried = d.employmentForm() == EmploymentForm.SALARIED;
        if (p.minAnnualSalaryNok() != null && (!salaried || d.annualSalaryNok() < p.minAnnualSalaryNok())) {
            return false;
        }
        if (p.fixedSalary() == Requirement.REQUIRED && !salaried) {
            return false;
        }
        if (p.maxDistanceKm() != null && km(x) > p.maxDistanceKm()) {
            return false;
        }
        if (p.minOnCallRotation() != null && d.onCallRotation() != null && d.onCallRotation() < p.minOnCallRotation()) {
            return false;
        }
        if (p.earliestStart() != null && d.startDate().isBefore(p.earliestStart())) {
            return false;
        }
        if (p.latestStart() != null && d.startDate().isAfter(p.latestStart())) {
            return false;
        }
        if (p.introductionAgreement() == Requirement.REQUIRED && !d.introductionAgreement()) {
            return false;
        }
        if (p.supervisorOnSite() == Requirement.REQUIRED && !d.supervisorOnSite()) {
            return false;
        }
        return !p.locationRequired() || inArea(x);
    }

    /** Satisfaction 0–1 of each active soft preference, with its weight. */
    Map<MatchCriterion, double[]> soft(Position x) {
        var d = x.data();
        var w = p.weights();
        Map<MatchCriterion, double[]> s = new LinkedHashMap<>();
        boolean anyArea = !p.regions().isEmpty() || !p.counties().isEmpty() || !p.municipalities().isEmpty();
        if (anyArea && !p.locationRequired()) {
            s.put(MatchCriterion.LOCATION, new double[] {w.location(), inArea(x) ? 1 : 0});
        }
        if (p.homeMunicipality() != null) {
            double radius = p.maxDistanceKm() != null ? p.maxDistanceKm() : 500;
            s.put(MatchCriterion.DISTANCE, new double[] {w.distance(), Math.max(0, 1 - km(x) / radius)});
        }
        double list = d.listLength() == null || d.listLength() <= 500 ? 1 : Math.max(0, 1 - (d.listLength() - 500) / 1000.0);
        s.put(MatchCriterion.LIST_LENGTH, new double[] {w.listLength(), list});
        boolean salaryRequired = p.fixedSalary() == Requirement.REQUIRED || p.minAnnualSalaryNok() != null;
        if (p.fixedSalary() == Requirement.PREFERRED && !salaryRequired) {
            s.put(MatchCriterion.SALARY, new double[] {w.salary(), d.employmentForm() == EmploymentForm.SALARIED ? 1 : 0});
        }
        if (p.introductionAgreement() == Requirement.PREFERRED) {
            s.put(MatchCriterion.INTRODUCTION_AGREEMENT, new double[] {w.introductionAgreement(),
                    d.introductionAgreement() ? 1 : 0});
        }
        if (p.supervisorOnSite() == Requirement.PREFERRED) {
            s.put(MatchCriterion.SUPERVISION, new double[] {w.supervision(), d.supervisorOnSite() ? 1 : 0});
        }
        var rotation = d.onCallRotation();
        s.put(MatchCriterion.ON_CALL, new double[] {w.onCall(),
                rotation == null || rotation >= 8 ? 1 : rotation >= 5 ? 0.5 : 0});
        if (p.incentivesPreferred()) {
            s.put(MatchCriterion.INCENTIVES, new double[] {w.incentives(), d.incentives().isEmpty() ? 0 : 1});
        }
        return s;
    }

    double score(Position x) {
        double total = 0;
        double sum = 0;
        for (var ws : soft(x).values()) {
            total += ws[0];
            sum += ws[0] * ws[1];
        }
        return total == 0 ? 100 : 100 * sum / total;
    }

    /** A is at least as good as B on every soft criterion. */
    boolean dominates(Position a, Position b) {
        var sa = soft(a);
        var sb = soft(b);
        return sa.keySet().stream().allMatch(c -> sa.get(c)[1] >= sb.get(c)[1] - 1e-9);
    }
}
