package no.alisportalen.municipality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.NotFoundException;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Which municipalities are especially recruitment-weak under the national ALIS scheme: by default those in the
 * configured SSB centrality classes (5 and 6); an admin may override a municipality either way with a reason
 * and a decision date. Every decision is kept (the audit trail); positions follow through
 * {@link RecruitmentWeaknessChanged}.
 */
@Service
public class RecruitmentWeakness {

    static final String COLLECTION = "recruitment_weak_overrides";
    static final int REASON_MIN = 5;
    static final int REASON_MAX = 500;

    private final MunicipalityService municipalities;
    private final MunicipalityProperties properties;
    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecruitmentWeakness(MunicipalityService municipalities, MunicipalityProperties properties, MongoTemplate mongo,
            ApplicationEventPublisher events, Clock clock) {
        this.municipalities = municipalities;
        this.properties = properties;
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the municipality is especially recruitment-weak now; false for an unknown number. */
    public boolean isWeak(String municipalityNumber) {
        return weak(municipalityNumber, mongo.findById(municipalityNumber, Document.class, COLLECTION));
    }

    /** The override where there is one, else the centrality rule. */
    private boolean weak(String municipalityNumber, @Nullable Document override) {
        if (override != null && override.get("recruitmentWeak") instanceof Boolean weak) {
            return weak;
        }
        return municipalities.find(municipalityNumber)
                .map(m -> properties.recruitmentWeakCentralities().contains(m.centrality())).orElse(false);
    }

    /** Every municipality's flag, in one read (lists, dashboards). */
    public Map<String, Boolean> all() {
        Map<String, Boolean> flags = new HashMap<>();
        for (var m : municipalities.all()) {
            flags.put(m.number(), properties.recruitmentWeakCentralities().contains(m.centrality()));
        }
        for (var override : mongo.findAll(Document.class, COLLECTION)) {
            if (override.get("recruitmentWeak") instanceof Boolean weak) {
                flags.put(String.valueOf(override.get("_id")), weak);
            }
        }
        return flags;
    }

    /** The flag with its source and every decision. */
    public RecruitmentStatus status(String municipalityNumber) {
        var municipality = municipalities.find(municipalityNumber)
                .orElseThrow(() -> new NotFoundException("municipality " + municipalityNumber));
        var override = mongo.findById(municipality.number(), Document.class, COLLECTION);
        List<RecruitmentStatus.Decision> history = new ArrayList<>();
        if (override != null && override.get("history") instanceof List<?> entries) {
            for (var entry : entries) {
                if (entry instanceof Document d) {
                    history.add(new RecruitmentStatus.Decision(d.getDate("at").toInstant(), d.getString("by"),
                            d.get("recruitmentWeak") instanceof Boolean b ? b : null, d.getString("reason"),
                            LocalDate.parse(d.getString("decidedOn"))));
                }
            }
        }
        history.sort((a, b) -> b.at().compareTo(a.at()));
        boolean overridden = override != null && override.get("recruitmentWeak") instanceof Boolean;
        var latest = overridden && !history.isEmpty() ? history.getFirst() : null;
        return new RecruitmentStatus(municipality.number(), weak(municipality.number(), override),
                overridden ? RecruitmentStatus.Source.OVERRIDE : RecruitmentStatus.Source.CENTRALITY,
                latest == null ? null : latest.reason(), latest == null ? null : latest.decidedOn(),
                latest == null ? null : latest.by(), List.copyOf(history));
    }

    /**
     * Overrides the centrality rule for one municipality (ADMIN), or removes the override with
     * {@code recruitmentWeak == null}. The decision is kept with who made it, why and when.
     *
     * @throws InvalidInputException without a reason (5-500 characters) or with a decision date in the future
     */
    @PreAuthorize("hasRole('ADMIN')")
    public RecruitmentStatus decide(String municipalityNumber, @Nullable Boolean recruitmentWeak,
            @Nullable String reason, @Nullable LocalDate decidedOn, String decidedBy) {
        var number = municipalities.canonicalNumber(municipalityNumber)
                .orElseThrow(() -> new NotFoundException("municipality " + municipalityNumber));
        List<FieldProblem> problems = new ArrayList<>();
        var why = reason == null ? "" : reason.strip();
        if (why.length() < REASON_MIN || why.length() > REASON_MAX) {
            problems.add(FieldProblem.of("reason", "validation.recruitmentWeak.reason", REASON_MIN, REASON_MAX));
        }
        var today = LocalDate.now(clock);
        var date = decidedOn == null ? today : decidedOn;
        if (date.isAfter(today)) {
            problems.add(FieldProblem.of("decidedOn", "validation.recruitmentWeak.date"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean before = isWeak(number);
        var decision = new Document("at", java.util.Date.from(Instant.now(clock))).append("by", decidedBy)
                .append("recruitmentWeak", recruitmentWeak).append("reason", why).append("decidedOn", date.toString());
        var update = new Update().push("history", decision);
        if (recruitmentWeak == null) {
            update.unset("recruitmentWeak");
        } else {
            update.set("recruitmentWeak", recruitmentWeak);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(number)), update, COLLECTION);
        boolean after = isWeak(number);
        if (before != after) {
            events.publishEvent(new RecruitmentWeaknessChanged(number, after));
        }
        return status(Objects.requireNonNull(number));
    }
}
