package no.alisportalen.matching;

import co.elastic.clients.elasticsearch._types.GeoLocation;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScore;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import no.alisportalen.municipality.GeoPoint;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Position;
import org.jspecify.annotations.Nullable;

/**
 * One applicant's preferences as rules. Each rule carries its hard filter twice — as an Elasticsearch query and
 * as a Java predicate — and its soft satisfaction twice — as Elasticsearch score functions and as a Java function
 * with the same formula — so the ranking Elasticsearch computes and the explanation shown beside it come from one
 * definition and cannot disagree.
 *
 * <p>Score = 100 × Σ(weight × satisfaction) / Σ weight over the active soft preferences (100 when none is active).
 * Satisfactions: yes/no features 1 or 0; list length 1 up to {@value #LIST_IDEAL} patients, falling linearly to 0
 * at {@value #LIST_ZERO}; distance 1 at home, falling linearly to 0 at the maximum distance (or
 * {@value #DEFAULT_RADIUS_KM} km); on-call 1 for none or 1:{@value #ON_CALL_FULL} and rarer, ½ from
 * 1:{@value #ON_CALL_PARTIAL}, else 0.
 */
final class MatchModel {

    static final int LIST_IDEAL = 500;
    static final int LIST_ZERO = 1_500;
    static final int DEFAULT_RADIUS_KM = 500;
    static final int ON_CALL_PARTIAL = 5;
    static final int ON_CALL_FULL = 8;

    /** Localized texts for explanations. */
    interface Texts {
        String get(String key, Object... args);
    }

    /**
     * @param filter the hard constraint in Elasticsearch, or null when this rule has none
     * @param hard the same constraint in Java
     * @param weight the soft preference's weight, 0 when the rule is not a soft preference
     * @param satisfaction 0–1, the same formula as {@code functions}
     * @param functions Elasticsearch score functions given the normalized weight (share of 100)
     */
    record Rule(
            MatchCriterion criterion,
            @Nullable Query filter,
            Predicate<Position> hard,
            int weight,
            ToDoubleFunction<Position> satisfaction,
            Function<Double, List<FunctionScore>> functions,
            Explainer explainer) {}

    interface Explainer {
        String explain(Position position, double satisfaction, Texts texts);
    }

    private final Preferences preferences;
    private final @Nullable GeoPoint home;
    private final String homeName;
    private final Function<String, String> countyOf;
    private final List<Rule> rules = new ArrayList<>();

    /**
     * @param home the home municipality's coordinates (null when none is given)
     * @param countyOf county number of a municipality number
     */
    MatchModel(Preferences preferences, @Nullable GeoPoint home, String homeName, Function<String, String> countyOf) {
        this.preferences = preferences;
        this.home = home;
        this.homeName = homeName;
        this.countyOf = countyOf;
        location();
        distance();
        employmentForm();
        setting();
        listLength();
        salary();
        yesNo(MatchCriterion.INTRODUCTION_AGREEMENT, preferences.introductionAgreement(), "introductionAgreement",
                p -> p.data().introductionAgreement(), preferences.weights().introductionAgreement());
        yesNo(MatchCriterion.SUPERVISION, preferences.supervisorOnSite(), "supervisorOnSite",
                p -> p.data().supervisorOnSite(), preferences.weights().supervision());
        onCall();
        startDate();
        incentives();
    }

    List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** Every hard constraint as Elasticsearch filters (open and published are added by the search feature). */
    List<Query> filters() {
        return rules.stream().map(Rule::filter).filter(Objects::nonNull).toList();
    }

    /** A constant 1 for every position (so the no-function case is defined), plus each soft preference's share. */
    List<FunctionScore> functions() {
        List<FunctionScore> functions = new ArrayList<>();
        functions.add(FunctionScore.of(f -> f.weight(1.0)));
        int total = totalWeight();
        for (var rule : rules) {
            if (rule.weight() > 0) {
                functions.addAll(rule.functions().apply(100.0 * rule.weight() / total));
            }
        }
        return functions;
    }

    /** Elasticsearch's score for {@link #functions()} back to 0–100. */
    static int scoreFromElasticsearch(double score) {
        return (int) Math.max(0, Math.min(100, Math.round(score - 1)));
    }

    /** The same preference fit as {@link #functions()} give in Elasticsearch, 0–100, computed here. */
    double score(Position position) {
        int total = totalWeight();
        if (total == 0) {
            return 0;
        }
        double score = 0;
        for (var rule : rules) {
            if (rule.weight() > 0) {
                score += 100.0 * rule.weight() / total * rule.satisfaction().applyAsDouble(position);
            }
        }
        return score;
    }

    boolean passesHard(Position position) {
        return rules.stream().allMatch(r -> r.hard().test(position));
    }

    List<CriterionResult> explain(Position position, Texts texts) {
        List<CriterionResult> results = new ArrayList<>();
        for (var rule : rules) {
            double satisfaction = rule.weight() > 0 ? rule.satisfaction().applyAsDouble(position)
                    : rule.hard().test(position) ? 1 : 0;
            results.add(new CriterionResult(rule.criterion(), MatchOutcome.of(satisfaction),
                    rule.explainer().explain(position, satisfaction, texts)));
        }
        return results;
    }

    @Nullable Double distanceKm(Position position) {
        return home == null || position.data().location() == null ? null
                : Math.round(home.distanceKm(position.data().location()) * 10) / 10.0;
    }

    private int totalWeight() {
        return rules.stream().mapToInt(Rule::weight).sum();
    }

    // --- the rules ---

    private void location() {
        if (!preferences.hasLocations()) {
            return;
        }
        Predicate<Position> inArea = p -> preferences.regions().contains(p.region())
                || preferences.counties().contains(countyOf.apply(p.municipalityNumber()))
                || preferences.municipalities().contains(p.municipalityNumber());
        List<Query> any = new ArrayList<>();
        if (!preferences.regions().isEmpty()) {
            any.add(terms("region", preferences.regions().stream().map(Enum::name).toList()));
        }
        if (!preferences.counties().isEmpty()) {
            any.add(terms("countyNumber", preferences.counties()));
        }
        if (!preferences.municipalities().isEmpty()) {
            any.add(terms("municipalityNumber", preferences.municipalities()));
        }
        var query = Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
        boolean required = preferences.locationRequired();
        rules.add(new Rule(MatchCriterion.LOCATION, required ? query : null, required ? inArea : p -> true,
                required ? 0 : preferences.weights().location(), p -> inArea.test(p) ? 1 : 0,
                w -> List.of(FunctionScore.of(f -> f.filter(query).weight(w))),
                (p, s, t) -> t.get(s > 0 ? "match.location.in" : "match.location.out",
                        p.municipalityName() + ", " + p.countyName())));
    }

    private void distance() {
        var origin = home;
        if (origin == null) {
            return;
        }
        var max = preferences.maxDistanceKm();
        double radius = max != null ? max : DEFAULT_RADIUS_KM;
        var filter = max == null ? null : Query.of(q -> q.geoDistance(g -> g.field("location")
                .distance(max + "km").location(l -> l.latlon(ll -> ll.lat(origin.lat()).lon(origin.lon())))));
        ToDoubleFunction<Position> km = p -> p.data().location() == null ? 0 : origin.distanceKm(p.data().location());
        // Elasticsearch's linear decay reaches 0 at scale / (1 - decay): scale = radius / 2 with decay 0.5.
        rules.add(new Rule(MatchCriterion.DISTANCE, filter, p -> max == null || km.applyAsDouble(p) <= max,
                preferences.weights().distance(), p -> Math.max(0, (radius - km.applyAsDouble(p)) / radius),
                w -> List.of(FunctionScore.of(f -> f.linear(d -> d.geo(g -> g.field("location").placement(pl -> pl
                        .origin(GeoLocation.of(l -> l.latlon(ll -> ll.lat(origin.lat()).lon(origin.lon()))))
                        .scale((radius / 2) + "km").offset("0km").decay(0.5)))).weight(w))),
                (p, s, t) -> max == null
                        ? t.get("match.distance", Math.round(km.applyAsDouble(p)), homeName)
                        : t.get("match.distance.max", Math.round(km.applyAsDouble(p)), homeName, max)));
    }

    private void employmentForm() {
        // A fixed-salary requirement is the SALARY rule's; this one is the list of acceptable forms.
        var chosen = List.copyOf(preferences.employmentForms());
        if (chosen.isEmpty() || chosen.size() == EmploymentForm.values().length) {
            return;
        }
        rules.add(hardOnly(MatchCriterion.EMPLOYMENT_FORM, terms("employmentForm", chosen.stream().map(Enum::name)
                .toList()), p -> p.data().employmentForm() != null && chosen.contains(p.data().employmentForm()),
                (p, s, t) -> t.get(s > 0 ? "match.employmentForm" : "match.employmentForm.not",
                        t.get("employmentForm." + p.data().employmentForm()))));
    }

    private void setting() {
        var settings = preferences.settings();
        if (settings.isEmpty() || settings.size() == no.alisportalen.position.WorkSetting.values().length) {
            return;
        }
        rules.add(hardOnly(MatchCriterion.SETTING, terms("setting", settings.stream().map(Enum::name).toList()),
                p -> p.data().setting() != null && settings.contains(p.data().setting()),
                (p, s, t) -> t.get(s > 0 ? "match.setting" : "match.setting.not",
                        t.get("setting." + p.data().setting()))));
    }

    private void listLength() {
        var max = preferences.maxListLength();
        var filter = max == null ? null : orMissing("listLength", Query.of(q -> q.range(r -> r.number(n -> n
                .field("listLength").lte(max.doubleValue())))));
        ToDoubleFunction<Position> satisfaction = p -> p.data().listLength() == null ? 1
                : Math.max(0, (double) (LIST_ZERO - LIST_IDEAL - Math.max(0, p.data().listLength() - LIST_IDEAL))
                        / (LIST_ZERO - LIST_IDEAL));
        int spread = (LIST_ZERO - LIST_IDEAL) / 2;
        rules.add(new Rule(MatchCriterion.LIST_LENGTH, filter,
                p -> max == null || p.data().listLength() == null || p.data().listLength() <= max,
                preferences.weights().listLength(), satisfaction,
                w -> List.of(FunctionScore.of(f -> f.linear(d -> d.numeric(n -> n.field("listLength").placement(pl -> pl
                        .origin(0.0).offset((double) LIST_IDEAL).scale((double) spread).decay(0.5)))).weight(w))),
                (p, s, t) -> p.data().listLength() == null ? t.get("match.list.none")
                        : max == null ? t.get("match.list", p.data().listLength())
                        : t.get("match.list.max", p.data().listLength(), max)));
    }

    private void salary() {
        var min = preferences.minAnnualSalaryNok();
        boolean required = preferences.fixedSalary() == Requirement.REQUIRED || min != null;
        boolean preferred = preferences.fixedSalary() == Requirement.PREFERRED && !required;
        if (!required && !preferred) {
            return;
        }
        Predicate<Position> salaried = p -> p.data().employmentForm() == EmploymentForm.SALARIED;
        Predicate<Position> hard = min == null ? salaried
                : salaried.and(p -> p.data().annualSalaryNok() != null && p.data().annualSalaryNok() >= min);
        var salariedQuery = terms("employmentForm", List.of(EmploymentForm.SALARIED.name()));
        var filter = !required ? null : min == null ? salariedQuery : Query.of(q -> q.bool(b -> b.filter(salariedQuery)
                .filter(Query.of(x -> x.range(r -> r.number(n -> n.field("annualSalaryNok")
                        .gte(min.doubleValue())))))));
        rules.add(new Rule(MatchCriterion.SALARY, filter, required ? hard : p -> true,
                preferred ? preferences.weights().salary() : 0, p -> salaried.test(p) ? 1 : 0,
                w -> List.of(FunctionScore.of(f -> f.filter(salariedQuery).weight(w))),
                (p, s, t) -> !salaried.test(p) ? t.get("match.salary.selfEmployed")
                        : p.data().annualSalaryNok() == null ? t.get("match.salary.fixed")
                        : min == null ? t.get("match.salary.amount", p.data().annualSalaryNok())
                        : t.get("match.salary.min", p.data().annualSalaryNok(), min)));
    }

    private void yesNo(MatchCriterion criterion, Requirement requirement, String field, Predicate<Position> has,
            int weight) {
        if (requirement == Requirement.ANY) {
            return;
        }
        var query = Query.of(q -> q.term(t -> t.field(field).value(true)));
        boolean required = requirement == Requirement.REQUIRED;
        var key = "match." + field;
        rules.add(new Rule(criterion, required ? query : null, required ? has : p -> true, required ? 0 : weight,
                p -> has.test(p) ? 1 : 0, w -> List.of(FunctionScore.of(f -> f.filter(query).weight(w))),
                (p, s, t) -> t.get(has.test(p) ? key + ".yes" : key + ".no")));
    }

    private void onCall() {
        var min = preferences.minOnCallRotation();
        var filter = min == null ? null : orMissing("onCallRotation", atLeast("onCallRotation", min));
        ToDoubleFunction<Position> satisfaction = p -> {
            var rotation = p.data().onCallRotation();
            return rotation == null || rotation >= ON_CALL_FULL ? 1 : rotation >= ON_CALL_PARTIAL ? 0.5 : 0;
        };
        rules.add(new Rule(MatchCriterion.ON_CALL, filter,
                p -> min == null || p.data().onCallRotation() == null || p.data().onCallRotation() >= min,
                preferences.weights().onCall(), satisfaction,
                w -> List.of(
                        FunctionScore.of(f -> f.filter(orMissing("onCallRotation",
                                atLeast("onCallRotation", ON_CALL_PARTIAL))).weight(w / 2)),
                        FunctionScore.of(f -> f.filter(orMissing("onCallRotation",
                                atLeast("onCallRotation", ON_CALL_FULL))).weight(w / 2))),
                (p, s, t) -> p.data().onCallRotation() == null ? t.get("match.onCall.none")
                        : min == null ? t.get("match.onCall", p.data().onCallRotation())
                        : t.get("match.onCall.min", p.data().onCallRotation(), min)));
    }

    private void startDate() {
        var earliest = preferences.earliestStart();
        var latest = preferences.latestStart();
        if (earliest == null && latest == null) {
            return;
        }
        var filter = Query.of(q -> q.range(r -> r.date(d -> {
            d.field("startDate");
            if (earliest != null) {
                d.gte(earliest.toString());
            }
            if (latest != null) {
                d.lte(latest.toString());
            }
            return d;
        })));
        rules.add(hardOnly(MatchCriterion.START_DATE, filter, p -> {
            var start = p.data().startDate();
            return start != null && (earliest == null || !start.isBefore(earliest))
                    && (latest == null || !start.isAfter(latest));
        }, (p, s, t) -> t.get("match.start", String.valueOf(p.data().startDate()))));
    }

    private void incentives() {
        if (!preferences.incentivesPreferred()) {
            return;
        }
        var query = Query.of(q -> q.exists(e -> e.field("incentiveTypes")));
        Predicate<Position> has = p -> p.data().incentives().stream().anyMatch(i -> i.type() != null);
        rules.add(new Rule(MatchCriterion.INCENTIVES, null, p -> true, preferences.weights().incentives(),
                p -> has.test(p) ? 1 : 0, w -> List.of(FunctionScore.of(f -> f.filter(query).weight(w))),
                (p, s, t) -> has.test(p) ? t.get("match.incentives.yes", p.data().totalIncentivesNok())
                        : t.get("match.incentives.no")));
    }

    private static Rule hardOnly(MatchCriterion criterion, Query filter, Predicate<Position> hard,
            Explainer explainer) {
        return new Rule(criterion, filter, hard, 0, p -> hard.test(p) ? 1 : 0, w -> List.of(), explainer);
    }

    private static Query terms(String field, Collection<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream()
                .map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList()))));
    }

    private static Query atLeast(String field, int value) {
        return Query.of(q -> q.range(r -> r.number(n -> n.field(field).gte((double) value))));
    }

    private static Query orMissing(String field, Query condition) {
        return Query.of(q -> q.bool(b -> b.should(condition)
                .should(s -> s.bool(x -> x.mustNot(m -> m.exists(e -> e.field(field))))).minimumShouldMatch("1")));
    }
}
