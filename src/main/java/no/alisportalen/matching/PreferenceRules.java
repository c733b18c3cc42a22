package no.alisportalen.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import no.alisportalen.base.FieldProblem;

/** Validation of preferences, shared by the API and the preferences editor. */
public final class PreferenceRules {

    public static final int MAX_DISTANCE_KM = 3_000;
    public static final int MAX_LIST_LENGTH = 5_000;
    public static final int MAX_SALARY_NOK = 5_000_000;
    public static final int MAX_ON_CALL_ROTATION = 30;

    private PreferenceRules() {}

    /**
     * @param municipalityExists whether a municipality number exists
     * @param countyExists whether a county number exists
     */
    public static List<FieldProblem> check(Preferences p, Predicate<String> municipalityExists,
            Predicate<String> countyExists) {
        List<FieldProblem> problems = new ArrayList<>();
        p.municipalities().stream().filter(m -> !municipalityExists.test(m)).findFirst()
                .ifPresent(m -> problems.add(FieldProblem.of("municipalities", "validation.municipality.unknown")));
        p.counties().stream().filter(c -> !countyExists.test(c)).findFirst()
                .ifPresent(c -> problems.add(FieldProblem.of("counties", "validation.county.unknown")));
        if (p.homeMunicipality() != null && !municipalityExists.test(p.homeMunicipality())) {
            problems.add(FieldProblem.of("homeMunicipality", "validation.municipality.unknown"));
        }
        if (p.locationRequired() && !p.hasLocations()) {
            problems.add(FieldProblem.of("locationRequired", "validation.preferences.locationRequired"));
        }
        range(problems, "maxDistanceKm", p.maxDistanceKm(), 1, MAX_DISTANCE_KM);
        if (p.maxDistanceKm() != null && p.homeMunicipality() == null) {
            problems.add(FieldProblem.of("homeMunicipality", "validation.preferences.homeForDistance"));
        }
        range(problems, "maxListLength", p.maxListLength(), 0, MAX_LIST_LENGTH);
        range(problems, "minAnnualSalaryNok", p.minAnnualSalaryNok(), 0, MAX_SALARY_NOK);
        range(problems, "minOnCallRotation", p.minOnCallRotation(), 1, MAX_ON_CALL_ROTATION);
        if (p.earliestStart() != null && p.latestStart() != null && p.latestStart().isBefore(p.earliestStart())) {
            problems.add(FieldProblem.of("latestStart", "validation.preferences.startWindow"));
        }
        var w = p.weights();
        for (var entry : java.util.Map.of("weights.location", w.location(), "weights.distance", w.distance(),
                "weights.listLength", w.listLength(), "weights.salary", w.salary(),
                "weights.introductionAgreement", w.introductionAgreement(), "weights.supervision", w.supervision(),
                "weights.onCall", w.onCall(), "weights.incentives", w.incentives()).entrySet()) {
            range(problems, entry.getKey(), entry.getValue(), 0, Weights.MAX);
        }
        problems.sort(java.util.Comparator.comparing(FieldProblem::field));
        return problems;
    }

    private static void range(List<FieldProblem> problems, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.add(FieldProblem.of(field, "validation.range", min, max));
        }
    }
}
