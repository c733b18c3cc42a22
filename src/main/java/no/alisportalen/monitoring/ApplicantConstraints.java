package no.alisportalen.monitoring;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.alisportalen.matching.Preferences;
import no.alisportalen.matching.Requirement;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Position;

/**
 * Applicants' hard constraints as index documents, and a position as the query that counts the applicants whose
 * constraints it satisfies — the reverse of matching, with the same rules as the matching model's hard
 * constraints (checked against it in the tests). The distance constraint varies per applicant; it becomes one
 * clause per home municipality: "home is m and maxDistanceKm ≥ distance(m, position)", with the distance
 * computed in Java exactly as the matching model does.
 */
final class ApplicantConstraints {

    static final String ANY = "ANY";

    private ApplicantConstraints() {}

    static Map<String, Object> document(Preferences p, MunicipalityService municipalities) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("forms", p.employmentForms().isEmpty() ? List.of(ANY)
                : p.employmentForms().stream().map(Enum::name).toList());
        doc.put("settings", p.settings().isEmpty() ? List.of(ANY) : p.settings().stream().map(Enum::name).toList());
        doc.put("maxListLength", p.maxListLength());
        doc.put("salaryRequired", p.fixedSalary() == Requirement.REQUIRED || p.minAnnualSalaryNok() != null);
        doc.put("minSalary", p.minAnnualSalaryNok());
        doc.put("introRequired", p.introductionAgreement() == Requirement.REQUIRED);
        doc.put("supervisorRequired", p.supervisorOnSite() == Requirement.REQUIRED);
        doc.put("minOnCall", p.minOnCallRotation());
        doc.put("earliestStart", p.earliestStart() == null ? null : p.earliestStart().toString());
        doc.put("latestStart", p.latestStart() == null ? null : p.latestStart().toString());
        doc.put("locationRequired", p.locationRequired());
        doc.put("regions", p.regions().stream().map(Enum::name).toList());
        doc.put("counties", List.copyOf(p.counties()));
        doc.put("municipalities", List.copyOf(p.municipalities()));
        var home = p.homeMunicipality() == null ? null : municipalities.find(p.homeMunicipality()).orElse(null);
        if (home != null && p.maxDistanceKm() != null) {
            doc.put("home", home.number());
            doc.put("maxDistanceKm", p.maxDistanceKm());
            // Every municipality whose centre is within reach: a position at its municipality's centre (the
            // default location) is then one term lookup instead of one clause per home municipality.
            int max = p.maxDistanceKm();
            doc.put("reach", municipalities.all().stream()
                    .filter(m -> home.location().distanceKm(m.location()) <= max).map(m -> m.number()).toList());
        }
        return doc;
    }

    /**
     * Applicants whose hard constraints the position satisfies.
     *
     * @param homes the home municipalities that applicants with a distance limit have
     */
    static Query satisfiedBy(Position position, Collection<String> homes, MunicipalityService municipalities) {
        var d = position.data();
        List<Query> filters = new ArrayList<>();
        filters.add(terms("forms", List.of(d.employmentForm() == null ? "-" : d.employmentForm().name(), ANY)));
        filters.add(terms("settings", List.of(d.setting() == null ? "-" : d.setting().name(), ANY)));
        if (d.listLength() != null) {
            filters.add(missingOr("maxListLength", range("maxListLength", d.listLength(), true)));
        }
        if (d.employmentForm() != EmploymentForm.SALARIED || d.annualSalaryNok() == null) {
            filters.add(isFalse("salaryRequired"));
        } else {
            filters.add(missingOr("minSalary", range("minSalary", d.annualSalaryNok(), false)));
        }
        if (!d.introductionAgreement()) {
            filters.add(isFalse("introRequired"));
        }
        if (!d.supervisorOnSite()) {
            filters.add(isFalse("supervisorRequired"));
        }
        if (d.onCallRotation() != null) {
            filters.add(missingOr("minOnCall", range("minOnCall", d.onCallRotation(), false)));
        }
        if (d.startDate() == null) {
            filters.add(missing("earliestStart"));
            filters.add(missing("latestStart"));
        } else {
            var start = d.startDate().toString();
            filters.add(missingOr("earliestStart", Query.of(q -> q.range(r -> r.date(x -> x.field("earliestStart")
                    .lte(start))))));
            filters.add(missingOr("latestStart", Query.of(q -> q.range(r -> r.date(x -> x.field("latestStart")
                    .gte(start))))));
        }
        var county = municipalities.find(position.municipalityNumber()).map(m -> m.countyNumber()).orElse("-");
        filters.add(Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(isFalse("locationRequired"))
                .should(terms("regions", List.of(position.region().name())))
                .should(terms("counties", List.of(county)))
                .should(terms("municipalities", List.of(position.municipalityNumber()))))));
        var location = d.location();
        var own = municipalities.find(position.municipalityNumber()).orElse(null);
        if (location != null && own != null && location.equals(own.location())) {
            filters.add(missingOr("maxDistanceKm", terms("reach", List.of(own.number()))));
        } else if (location != null) {
            List<Query> reach = new ArrayList<>();
            reach.add(missing("maxDistanceKm"));
            for (var home : homes) {
                municipalities.find(home).ifPresent(m -> {
                    double km = m.location().distanceKm(location);
                    reach.add(Query.of(q -> q.bool(b -> b.filter(terms("home", List.of(home)))
                            .filter(f -> f.range(r -> r.number(n -> n.field("maxDistanceKm").gte(km)))))));
                });
            }
            filters.add(Query.of(q -> q.bool(b -> b.should(reach).minimumShouldMatch("1"))));
        }
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of)
                .toList()))));
    }

    private static Query isFalse(String field) {
        return Query.of(q -> q.term(t -> t.field(field).value(false)));
    }

    private static Query missing(String field) {
        return Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field(field)))));
    }

    private static Query missingOr(String field, Query condition) {
        return Query.of(q -> q.bool(b -> b.should(missing(field)).should(condition).minimumShouldMatch("1")));
    }

    /** {@code field ≥ value} when atLeast, else {@code field ≤ value}. */
    private static Query range(String field, int value, boolean atLeast) {
        return Query.of(q -> q.range(r -> r.number(n -> atLeast ? n.field(field).gte((double) value)
                : n.field(field).lte((double) value))));
    }
}
