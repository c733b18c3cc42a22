package no.alisportalen.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.alisportalen.account.AccountId;
import no.alisportalen.account.PortalUser;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.Messages;
import no.alisportalen.exposure.RecruitmentBoost;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Position;
import no.alisportalen.position.WorkSetting;
import no.alisportalen.search.PositionSearchService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Ranked, explained matches for preferences; stores each applicant's preferences. */
@Service
public class MatchService {

    public static final int MAX_PAGE_SIZE = 100;

    private final PositionSearchService search;
    private final MunicipalityService municipalities;
    private final MongoTemplate mongo;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RecruitmentBoost boost;

    MatchService(PositionSearchService search, MunicipalityService municipalities, MongoTemplate mongo,
            Messages messages, ApplicationEventPublisher events, Clock clock, RecruitmentBoost boost) {
        this.boost = boost;
        this.search = search;
        this.municipalities = municipalities;
        this.mongo = mongo;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Open positions meeting every hard constraint, best first, each with its reasons, and what relaxing each
     * hard constraint would add.
     *
     * @throws InvalidInputException for invalid preferences or paging
     * @throws no.alisportalen.base.ServiceUnavailableException when search is down
     */
    public MatchResult match(Preferences preferences, int page, int size, Locale locale) {
        validate(preferences);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException(FieldProblem.of(page < 0 ? "page" : "size", "validation.range",
                    page < 0 ? 0 : 1, page < 0 ? 10_000 / Math.max(size, 1) : MAX_PAGE_SIZE));
        }
        if (((long) page + 1) * size > 10_000) {
            throw new InvalidInputException(FieldProblem.of("page", "validation.search.window"));
        }
        var model = model(preferences);
        // The boost is a score function of its own, so the order is exact across pages; it is taken back out
        // of each score to report the preference fit apart from it.
        int margin = preferences.recruitmentBoost() && boost.enabled() ? boost.matchMargin() : 0;
        var result = search.scored(model.filters(), model.functions(), margin, page * size, size);
        MatchModel.Texts texts = (key, args) -> messages.get(key, locale, args);
        var items = result.items().stream().map(s -> {
            double lift = margin * s.need().need();
            int score = MatchModel.scoreFromElasticsearch(s.score() - lift);
            int rankScore = Math.max(score, Math.min(score + margin, (int) Math.round(s.score() - 1)));
            boolean lifted = margin > 0 && s.need().needsApplicants();
            return new Match(s.position(), score, lifted ? rankScore : score, lifted,
                    lifted ? s.need().reasons() : List.of(), model.explain(s.position(), texts),
                    model.distanceKm(s.position()));
        }).toList();
        return new MatchResult(result.total(), page, size, items, whatIf(preferences, result.total(), locale));
    }

    /** Why a position fits the logged-in applicant's stored preferences or not, criterion by criterion. */
    @PreAuthorize("hasRole('APPLICANT')")
    public List<CriterionResult> explain(Position position, Locale locale) {
        MatchModel.Texts texts = (key, args) -> messages.get(key, locale, args);
        return model(preferences()).explain(position, texts);
    }

    /** The logged-in applicant's matches under their stored preferences. */
    @PreAuthorize("hasRole('APPLICANT')")
    public MatchResult myMatches(int page, int size, Locale locale) {
        return match(preferences(), page, size, locale);
    }

    /** The logged-in applicant's preferences, or the defaults when they have saved none. */
    @PreAuthorize("hasRole('APPLICANT')")
    public Preferences preferences() {
        return preferencesOf(currentId()).orElseGet(Preferences::defaults);
    }

    @PreAuthorize("hasRole('APPLICANT')")
    public Preferences savePreferences(Preferences preferences) {
        validate(preferences);
        var id = currentId();
        mongo.save(new PreferencesDocument(id.value(), preferences, Instant.now(clock)));
        events.publishEvent(new PreferencesChanged(id));
        return preferences;
    }

    public Optional<Preferences> preferencesOf(AccountId applicant) {
        return Optional.ofNullable(mongo.findById(applicant.value(), PreferencesDocument.class))
                .map(PreferencesDocument::preferences);
    }

    /** Every stored preference set with its applicant (for monitoring and alerts). */
    public List<StoredPreferences> allPreferences() {
        // Streamed in batches: tens of thousands of preference sets in one reply would pass the 48 MB limit.
        try (var stream = mongo.stream(new org.springframework.data.mongodb.core.query.Query().cursorBatchSize(2_000),
                PreferencesDocument.class)) {
            return stream.map(d -> new StoredPreferences(new AccountId(d.id()), d.preferences())).toList();
        }
    }

    /** Preferences with the applicant they belong to. */
    public record StoredPreferences(AccountId applicant, Preferences preferences) {}

    /**
     * The hard constraints of the preferences as a Java test (same model as the ranking); build it once and test
     * many positions with it.
     */
    public java.util.function.Predicate<Position> hardConstraints(Preferences preferences) {
        return model(preferences)::passesHard;
    }

    /**
     * The preference fit (0–100, before rounding) of positions under the preferences, computed in Java with the
     * same model the ranking uses; for simulations that rank many positions for many applicants.
     */
    public java.util.function.ToDoubleFunction<Position> preferenceScore(Preferences preferences) {
        return model(preferences)::score;
    }

    public void erase(AccountId applicant) {
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(applicant.value())),
                PreferencesDocument.class);
    }

    /** @throws InvalidInputException listing every problem */
    public void validate(Preferences preferences) {
        var problems = PreferenceRules.check(preferences, municipalities::exists,
                c -> municipalities.counties().stream().anyMatch(x -> x.number().equals(c)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    MatchModel model(Preferences preferences) {
        var home = preferences.homeMunicipality() == null ? null
                : municipalities.find(preferences.homeMunicipality()).orElse(null);
        return new MatchModel(preferences, home == null ? null : home.location(), home == null ? "" : home.name(),
                number -> municipalities.find(number).map(m -> m.countyNumber()).orElse(""));
    }

    private List<WhatIf> whatIf(Preferences p, long total, Locale locale) {
        record Relaxation(MatchCriterion criterion, Preferences relaxed, String description) {}
        List<Relaxation> relaxations = new ArrayList<>();
        if (p.locationRequired()) {
            var b = p.toBuilder();
            b.locationRequired = false;
            relaxations.add(new Relaxation(MatchCriterion.LOCATION, b.build(), text(locale, "whatIf.location")));
        }
        if (p.maxDistanceKm() != null) {
            var b = p.toBuilder();
            b.maxDistanceKm = Math.min(PreferenceRules.MAX_DISTANCE_KM,
                    (int) (Math.ceil((p.maxDistanceKm() + Math.max(100, p.maxDistanceKm() / 2.0)) / 50.0) * 50));
            relaxations.add(new Relaxation(MatchCriterion.DISTANCE, b.build(),
                    text(locale, "whatIf.distance", b.maxDistanceKm)));
        }
        if (!p.employmentForms().isEmpty() && p.employmentForms().size() < EmploymentForm.values().length) {
            var b = p.toBuilder();
            b.employmentForms = EnumSet.allOf(EmploymentForm.class);
            relaxations.add(new Relaxation(MatchCriterion.EMPLOYMENT_FORM, b.build(),
                    text(locale, "whatIf.employmentForm")));
        }
        if (!p.settings().isEmpty() && p.settings().size() < WorkSetting.values().length) {
            var b = p.toBuilder();
            b.settings = EnumSet.allOf(WorkSetting.class);
            relaxations.add(new Relaxation(MatchCriterion.SETTING, b.build(), text(locale, "whatIf.setting")));
        }
        if (p.maxListLength() != null) {
            var b = p.toBuilder();
            b.maxListLength = p.maxListLength() + 200;
            relaxations.add(new Relaxation(MatchCriterion.LIST_LENGTH, b.build(),
                    text(locale, "whatIf.listLength", b.maxListLength)));
        }
        if (p.minAnnualSalaryNok() != null) {
            var b = p.toBuilder();
            int lower = p.minAnnualSalaryNok() - 100_000;
            b.minAnnualSalaryNok = lower > 0 ? lower : null;
            relaxations.add(new Relaxation(MatchCriterion.SALARY, b.build(), lower > 0
                    ? text(locale, "whatIf.salary", lower) : text(locale, "whatIf.salaryAny")));
        } else if (p.fixedSalary() == Requirement.REQUIRED) {
            var b = p.toBuilder();
            b.fixedSalary = Requirement.PREFERRED;
            relaxations.add(new Relaxation(MatchCriterion.SALARY, b.build(), text(locale, "whatIf.selfEmployed")));
        }
        if (p.introductionAgreement() == Requirement.REQUIRED) {
            var b = p.toBuilder();
            b.introductionAgreement = Requirement.PREFERRED;
            relaxations.add(new Relaxation(MatchCriterion.INTRODUCTION_AGREEMENT, b.build(),
                    text(locale, "whatIf.introductionAgreement")));
        }
        if (p.supervisorOnSite() == Requirement.REQUIRED) {
            var b = p.toBuilder();
            b.supervisorOnSite = Requirement.PREFERRED;
            relaxations.add(new Relaxation(MatchCriterion.SUPERVISION, b.build(), text(locale, "whatIf.supervision")));
        }
        if (p.minOnCallRotation() != null && p.minOnCallRotation() > 1) {
            var b = p.toBuilder();
            b.minOnCallRotation = p.minOnCallRotation() - 1;
            relaxations.add(new Relaxation(MatchCriterion.ON_CALL, b.build(),
                    text(locale, "whatIf.onCall", b.minOnCallRotation)));
        }
        if (p.earliestStart() != null || p.latestStart() != null) {
            var b = p.toBuilder();
            b.earliestStart = null;
            b.latestStart = null;
            relaxations.add(new Relaxation(MatchCriterion.START_DATE, b.build(), text(locale, "whatIf.start")));
        }
        if (relaxations.isEmpty()) {
            return List.of();
        }
        var counts = search.counts(relaxations.stream().map(r -> model(r.relaxed()).filters()).toList());
        List<WhatIf> result = new ArrayList<>();
        for (int i = 0; i < relaxations.size(); i++) {
            long more = counts.get(i) - total;
            if (more > 0) {
                var r = relaxations.get(i);
                result.add(new WhatIf(r.criterion(), r.description(), more));
            }
        }
        result.sort(Comparator.comparingLong(WhatIf::additional).reversed());
        return result;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.get("match." + key, locale, args);
    }

    private static AccountId currentId() {
        return PortalUser.current().orElseThrow(() -> new AccessDeniedException("Login required")).id();
    }
}
