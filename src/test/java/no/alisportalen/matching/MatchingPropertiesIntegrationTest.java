package no.alisportalen.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.TestUsers;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.Contact;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Incentive;
import no.alisportalen.position.IncentiveType;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.WorkSetting;
import no.alisportalen.search.PositionSearchService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Property tests of the matching guarantees in shared/docs/api-v1.md, over generated positions and generated
 * preferences, against {@link ReferenceMatcher}. Generation is seeded (override with -Dmatching.seed=...) and every
 * failure names the seed and the preferences, so a failing case can be replayed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingPropertiesIntegrationTest {

    static final long SEED = Long.getLong("matching.seed", 20261122L);
    static final int POSITIONS = 60;
    static final int CASES = 80;

    @Autowired
    MatchService matches;

    @Autowired
    PositionService positions;

    @Autowired
    PositionSearchService search;

    @Autowired
    MunicipalityService municipalityService;

    @Autowired
    UserDetailsService users;

    @Autowired
    no.alisportalen.exposure.ApplicantNeeds applicantNeeds;

    @Autowired
    no.alisportalen.application.ApplicationService applications;

    @Autowired
    no.alisportalen.account.AccountService accounts;

    @Autowired
    no.alisportalen.exposure.RecruitmentBoost boost;

    Map<String, Municipality> municipalities;
    List<Municipality> all;
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @BeforeAll
    void generatePositions() {
        all = municipalityService.all();
        municipalities = all.stream().collect(Collectors.toMap(Municipality::number, Function.identity()));
        var random = new Random(SEED);
        List<no.alisportalen.position.PositionId> published = new ArrayList<>();
        TestUsers.as(users, TestApi.ADMIN_EMAIL, () -> {
            for (int i = 0; i < POSITIONS; i++) {
                var created = positions.create(position(random, i));
                published.add(positions.publish(created.id(), created.version()).id());
            }
            return null;
        });
        // A third get two applications (enough for a new position: no boost); the rest need applicants.
        for (var email : List.of("egenskaper-1@test.no", "egenskaper-2@test.no")) {
            TestUsers.ensureApplicant(accounts, email, "Egenskap Søker");
            TestUsers.listable(users, accounts, email);
            TestUsers.as(users, email, () -> {
                for (int i = 0; i < POSITIONS; i += 3) {
                    applications.apply(published.get(i), "Hei");
                }
                return null;
            });
        }
        search.flush();
        applicantNeeds.recompute();
        search.flush();
    }

    private PositionData position(Random random, int i) {
        var m = all.get(random.nextInt(all.size()));
        var form = random.nextBoolean() ? EmploymentForm.SALARIED : EmploymentForm.SELF_EMPLOYED;
        var setting = WorkSetting.values()[random.nextInt(WorkSetting.values().length)];
        Integer list = random.nextInt(5) == 0 ? null : 200 + random.nextInt(1_800);
        Integer salary = form == EmploymentForm.SALARIED ? 800_000 + 10_000 * random.nextInt(80) : null;
        List<Incentive> incentives = new ArrayList<>();
        for (int k = random.nextInt(3); k > 0; k--) {
            incentives.add(new Incentive(IncentiveType.values()[random.nextInt(IncentiveType.values().length)],
                    10_000 * (1 + random.nextInt(20)), "Insentiv"));
        }
        Integer onCall = random.nextInt(5) == 0 ? null : 2 + random.nextInt(11);
        var start = today.plusDays(30 + random.nextInt(330));
        var deadline = today.plusDays(1 + random.nextInt(29));
        return new PositionData(m.number(), "Generert ALIS " + i + " i " + m.name(), null, null, null, form, setting,
                list, salary, random.nextBoolean(), true, Set.of(), false, incentives, random.nextBoolean(),
                2 + random.nextInt(7), false, onCall, random.nextBoolean(), start, deadline, 1,
                new Contact(null, null, null));
    }

    private Preferences preferences(Random random) {
        var b = Preferences.defaults().toBuilder();
        b.regions = subset(random, List.of(Region.values()), 2);
        b.counties = random.nextInt(4) == 0 ? Set.of(all.get(random.nextInt(all.size())).countyNumber()) : Set.of();
        b.municipalities = random.nextInt(4) == 0 ? Set.of(all.get(random.nextInt(all.size())).number()) : Set.of();
        b.locationRequired = (!b.regions.isEmpty() || !b.counties.isEmpty() || !b.municipalities.isEmpty())
                && random.nextInt(3) == 0;
        if (random.nextBoolean()) {
            b.homeMunicipality = all.get(random.nextInt(all.size())).number();
            b.maxDistanceKm = random.nextBoolean() ? 50 + random.nextInt(750) : null;
        }
        b.employmentForms = random.nextInt(5) < 2 ? Set.of() : subset(random, List.of(EmploymentForm.values()), 2);
        b.settings = random.nextBoolean() ? Set.of() : subset(random, List.of(WorkSetting.values()), 4);
        b.maxListLength = random.nextInt(5) < 2 ? 500 + random.nextInt(1_300) : null;
        b.minAnnualSalaryNok = random.nextInt(5) == 0 ? 900_000 + 10_000 * random.nextInt(40) : null;
        b.fixedSalary = Requirement.values()[random.nextInt(3)];
        b.introductionAgreement = Requirement.values()[random.nextInt(3)];
        b.supervisorOnSite = Requirement.values()[random.nextInt(3)];
        b.minOnCallRotation = random.nextInt(10) < 3 ? 2 + random.nextInt(7) : null;
        if (random.nextInt(5) == 0) {
            b.earliestStart = today.plusDays(random.nextInt(120));
            b.latestStart = b.earliestStart.plusDays(60 + random.nextInt(240));
        }
        b.incentivesPreferred = random.nextBoolean();
        b.weights = new Weights(random.nextInt(6), random.nextInt(6), random.nextInt(6), random.nextInt(6),
                random.nextInt(6), random.nextInt(6), random.nextInt(6), random.nextInt(6));
        return b.build();
    }

    private static <T> Set<T> subset(Random random, List<T> values, int max) {
        Set<T> chosen = new HashSet<>();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            chosen.add(values.get(random.nextInt(values.size())));
        }
        return chosen;
    }

    /** Every match for the preferences, page by page. */
    private List<Match> everyMatch(Preferences p) {
        List<Match> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = matches.match(p, page, 100, Locale.forLanguageTag("nb"));
            found.addAll(result.items());
            if (found.size() >= result.total() || result.items().isEmpty()) {
                assertThat((long) found.size()).isEqualTo(result.total());
                return found;
            }
        }
    }

    @Test
    void the_four_guarantees_hold_for_generated_preferences() {
        var random = new Random(SEED + 1);
        var open = positions.published();
        int withResults = 0;
        long boosted = 0;
        long lifted = 0;
        long notBoosted = 0;
        for (int c = 0; c < CASES; c++) {
            var p = preferences(random);
            var reference = new ReferenceMatcher(p, municipalities, today);
            var context = "seed " + SEED + ", case " + c + ", " + p;
            var found = everyMatch(p);
            withResults += found.isEmpty() ? 0 : 1;
            Map<String, Position> byId = new HashMap<>();
            found.forEach(m -> byId.put(m.position().id().value(), m.position()));

            // 1. Every returned position satisfies every hard constraint.
            for (var m : found) {
                assertThat(reference.eligible(m.position()) || reference.borderline(m.position()))
                        .as("returned but not eligible: %s; %s", m.position().id(), context).isTrue();
            }
            // 2. Every open position that satisfies them is returned.
            for (var position : open) {
                if (reference.eligible(position) && !reference.borderline(position)) {
                    assertThat(byId).as("eligible but missing: %s; %s", position.id(), context)
                            .containsKey(position.id().value());
                }
            }
            var javaScore = matches.preferenceScore(p);
            for (var m : found) {
                // The Java model (simulations use it) gives the same fit as Elasticsearch.
                assertThat(javaScore.applyAsDouble(m.position())).as("Java score of %s; %s", m.position().id(),
                        context).isCloseTo(m.score(), org.assertj.core.data.Offset.offset(0.51));
                // The score is the documented formula (within rounding).
                assertThat((double) m.score()).as("score of %s; %s", m.position().id(), context)
                        .isCloseTo(reference.score(m.position()), org.assertj.core.data.Offset.offset(1.01));
                // 4. Each criterion's outcome agrees with the position's facts.
                var soft = reference.soft(m.position());
                for (var criterion : m.criteria()) {
                    var ws = soft.get(criterion.criterion());
                    if (ws != null && ws[0] > 0) {
                        var expected = ws[1] >= 0.75 ? MatchOutcome.MET : ws[1] > 0 ? MatchOutcome.PARTIAL
                                : MatchOutcome.UNMET;
                        if (criterion.criterion() != MatchCriterion.DISTANCE || Math.abs(ws[1] - 0.75) > 0.01) {
                            assertThat(criterion.outcome()).as("%s of %s; %s", criterion, m.position().id(), context)
                                    .isEqualTo(expected);
                        }
                    } else {
                        assertThat(criterion.outcome()).as("hard %s of %s; %s", criterion, m.position().id(),
                                context).isEqualTo(MatchOutcome.MET);
                    }
                    assertFactsIn(criterion, m.position(), context);
                }
            }
            // 3. A position at least as good on every soft criterion never scores lower.
            for (var a : found) {
                for (var b : found) {
                    if (reference.dominates(a.position(), b.position())) {
                        assertThat(a.score()).as("%s dominates %s; %s", a.position().id(), b.position().id(), context)
                                .isGreaterThanOrEqualTo(b.score());
                    }
                }
            }
            // Best first by rank score; the recruitment boost is bounded: it lifts by at most the margin, only
            // positions that need applicants, and never above one that fits more than the margin better.
            int margin = boost.matchMargin();
            var needs = applicantNeeds.stored(found.stream().map(m -> m.position().id()).toList());
            for (int i = 0; i < found.size(); i++) {
                var m = found.get(i);
                var need = needs.get(m.position().id());
                assertThat(m.needsApplicants()).as(context).isEqualTo(need != null && need.needsApplicants());
                assertThat(m.rankScore() - m.score()).as(context).isBetween(0, m.needsApplicants() ? margin : 0);
                assertThat(m.needReasons().isEmpty()).as(context).isEqualTo(!m.needsApplicants());
                if (i > 0) {
                    assertThat(found.get(i - 1).rankScore()).as(context).isGreaterThanOrEqualTo(m.rankScore());
                }
                for (int j = i + 1; j < found.size(); j++) {
                    assertThat(found.get(j).score()).as("%s ranks below %s; %s", found.get(j).position().id(),
                            m.position().id(), context).isLessThanOrEqualTo(m.score() + margin);
                }
            }
            boosted += found.stream().filter(Match::needsApplicants).count();
            lifted += found.stream().filter(m -> m.rankScore() > m.score()).count();
            notBoosted += found.stream().filter(m -> !m.needsApplicants()).count();
        }
        assertThat(withResults).as("generated cases with at least one match").isGreaterThan(CASES / 4);
        // The generated cases exercise both sides of the boost.
        assertThat(boosted).as("boosted matches").isGreaterThan(50);
        assertThat(lifted).as("matches lifted by at least a point").isGreaterThan(50);
        assertThat(notBoosted).as("matches without boost").isGreaterThan(10);
    }

    @Test
    void without_the_boost_rank_score_is_the_score_and_nothing_is_labelled() {
        var random = new Random(SEED + 2);
        for (int c = 0; c < 20; c++) {
            var b = preferences(random).toBuilder();
            b.recruitmentBoost = false;
            var found = everyMatch(b.build());
            for (int i = 0; i < found.size(); i++) {
                var m = found.get(i);
                assertThat(m.needsApplicants()).isFalse();
                assertThat(m.rankScore()).isEqualTo(m.score());
                if (i > 0) {
                    assertThat(found.get(i - 1).score()).isGreaterThanOrEqualTo(m.score());
                }
            }
        }
    }

    /** The human-readable reason states the fact it is about. */
    private static void assertFactsIn(CriterionResult criterion, Position position, String context) {
        var d = position.data();
        var detail = criterion.detail();
        switch (criterion.criterion()) {
            case LIST_LENGTH -> assertThat(detail).as(context).contains(d.listLength() == null
                    ? "Ingen egen pasientliste" : "Listelengde " + d.listLength());
            case ON_CALL -> assertThat(detail).as(context).contains(d.onCallRotation() == null
                    ? "Ingen vaktplikt" : "Vakt 1:" + d.onCallRotation());
            case SALARY -> assertThat(detail).as(context).contains(d.employmentForm() == EmploymentForm.SALARIED
                    ? "Fastlønn" : "Næringsdrift");
            case INTRODUCTION_AGREEMENT -> assertThat(detail).as(context)
                    .isEqualTo(d.introductionAgreement() ? "Introduksjonsavtale." : "Ingen introduksjonsavtale.");
            case SUPERVISION -> assertThat(detail).as(context)
                    .isEqualTo(d.supervisorOnSite() ? "Veileder på stedet." : "Ingen veileder på stedet.");
            case INCENTIVES -> assertThat(detail).as(context).startsWith(d.incentives().isEmpty()
                    ? "Ingen ekstra" : "Ekstra insentiver");
            case LOCATION -> assertThat(detail).as(context).contains(position.municipalityName());
            default -> assertThat(detail).as(context).isNotBlank();
        }
    }
}
