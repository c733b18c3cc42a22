package no.alisportalen.application;

import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.alisportalen.account.ApplicantStage;
import no.alisportalen.account.Gender;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import no.alisportalen.base.NotFoundException;
import no.alisportalen.position.AuditEntry;
import no.alisportalen.position.AuditSource;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionEvent;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.PositionStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Applicant lists under offentleglova § 25 (api-v1 "Applicant lists"). A list follows its position while
 * applications may come; when the period ends a job (every minute, and at once after any change that may unblock
 * it) moves it to PENDING and, once no request is undecided and no refused applicant may still answer, publishes a
 * snapshot. The state lives in MongoDB, so a restart resumes where it stood, and each move is an optimistic-locked
 * update, so several nodes publish a list once.
 */
@Service
public class ApplicantListService implements AuditSource {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Logger log = LoggerFactory.getLogger(ApplicantListService.class);
    private static final String AUDIT = "position_audit";
    /** The audit actor for what an applicant did: the trail is read by the ALIS office, which sees no names. */
    static final String APPLICANT = "applicant";

    private final MongoTemplate mongo;
    private final ApplicationRepository applications;
    private final PositionService positions;
    private final Clock clock;
    private volatile boolean caughtUp;

    ApplicantListService(MongoTemplate mongo, ApplicationRepository applications, PositionService positions,
            Clock clock) {
        this.mongo = mongo;
        this.applications = applications;
        this.positions = positions;
        this.clock = clock;
    }

    /** The title a list shows when the applicant gave none: derived from the stage (api-v1 "Applicant profile"). */
    static @Nullable String title(@Nullable String given, @Nullable ApplicantStage stage) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        return stage == null ? null : switch (stage) {
            case MEDICAL_STUDENT -> "Medisinstudent";
            case LIS1 -> "Lege i spesialisering (LIS1)";
            case DOCTOR -> "Lege";
        };
    }

    /** The public list, or the owner's full view; empty before the period has ended or without a list. */
    public Optional<ApplicantList> find(PositionId id) {
        var position = positions.find(id).orElse(null);
        var document = mongo.findById(id.value(), ApplicantListDocument.class);
        if (position == null || document == null || document.state() == ApplicantListStatus.OPEN
                || !position.data().listsApplicants()) {
            return Optional.empty();
        }
        boolean owner = PortalUser.current().map(u -> u.actsFor(document.municipalityNumber())).orElse(false);
        var listed = document.state() == ApplicantListStatus.PUBLISHED ? document.entries()
                : owner ? live(document, document.periodEndsAt()) : List.<ApplicantListDocument.Listed>of();
        var shown = listed.stream().filter(l -> owner || !l.withheld())
                .map(l -> new ApplicantList.Entry(l.name(), l.age(), l.title(), l.municipality(),
                        owner ? l.withheld() : null, owner ? l.exemption() : null, owner ? l.applicationId() : null))
                .toList();
        boolean counted = owner || document.state() == ApplicantListStatus.PUBLISHED;
        Map<Gender, Integer> gender = new EnumMap<>(Gender.class);
        for (var g : Gender.values()) {
            gender.put(g, (int) listed.stream().filter(l -> (l.gender() == null ? Gender.UNSPECIFIED : l.gender()) == g)
                    .count());
        }
        return Optional.of(new ApplicantList(document.id(), document.title(), document.municipalityName(),
                document.state(), document.periodEndsAt(), document.publishedAt(), counted ? listed.size() : null,
                counted ? gender : null,
                counted ? (int) listed.stream().filter(ApplicantListDocument.Listed::withheld).count() : null, shown));
    }

    /**
     * The extended list for the parties: the owning municipality, admins and every applicant of the position.
     *
     * @throws AccessDeniedException for anyone else
     * @throws NotFoundException before publication
     */
    public ApplicantList.Extended extended(PositionId id) {
        var user = PortalUser.current().orElseThrow(() -> new AccessDeniedException("Login required"));
        var document = Optional.ofNullable(mongo.findById(id.value(), ApplicantListDocument.class))
                .filter(d -> positions.find(id).isPresent()).orElseThrow(() -> new NotFoundException("applicantList"));
        boolean party = user.actsFor(document.municipalityNumber()) || (user.role() == Role.APPLICANT
                && mongo.exists(Query.query(Criteria.where("positionId").is(id.value())
                        .and("applicantId").is(user.id().value())), ApplicationDocument.class));
        if (!party) {
            throw new AccessDeniedException("The extended list is for the parties");
        }
        if (document.state() != ApplicantListStatus.PUBLISHED) {
            throw new NotFoundException("applicantList");
        }
        return new ApplicantList.Extended(document.id(), document.title(), document.entries().stream()
                .map(l -> new ApplicantList.ExtendedEntry(l.name(), l.age(), l.title(), l.municipality(),
                        l.education(), l.experience())).toList());
    }

    /** The list's state, for views that say where a position's list stands; empty without a list. */
    public Optional<ApplicantListStatus> status(PositionId id) {
        return Optional.ofNullable(mongo.findById(id.value(), ApplicantListDocument.class))
                .map(ApplicantListDocument::state);
    }

    /**
     * Where each position's list stands, for the ALIS office's overview.
     *
     * @param undecided requests not yet decided, counted only once the period has ended (they then hold it back)
     */
    public record Standing(ApplicantListStatus status, int undecided) {}

    /** The standing of each position's list; positions without one are absent. Two queries whatever the count. */
    public Map<PositionId, Standing> standings(java.util.Collection<PositionId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var documents = mongo.find(Query.query(Criteria.where("_id").in(ids.stream().map(PositionId::value)
                .toList())), ApplicantListDocument.class);
        var pending = documents.stream().filter(d -> d.state() == ApplicantListStatus.PENDING)
                .map(ApplicantListDocument::id).toList();
        var undecided = new java.util.HashMap<String, Integer>();
        if (!pending.isEmpty()) {
            mongo.find(Query.query(Criteria.where("positionId").in(pending).and("exemption.state")
                    .is(ExemptionState.REQUESTED.name()).and("status").ne(ApplicationStatus.WITHDRAWN.name())),
                    ApplicationDocument.class).forEach(a -> undecided.merge(a.positionId(), 1, Integer::sum));
        }
        var result = new java.util.HashMap<PositionId, Standing>();
        documents.forEach(d -> result.put(new PositionId(d.id()), new Standing(d.state(),
                undecided.getOrDefault(d.id(), 0))));
        return result;
    }

    /** Whether the list is already published, after which requests may no longer be made or taken back. */
    boolean published(PositionId id) {
        return status(id).orElse(null) == ApplicantListStatus.PUBLISHED;
    }

    @EventListener
    void on(PositionEvent event) {
        if (event instanceof PositionEvent.PositionPublished || event instanceof PositionEvent.PositionUpdated
                || event instanceof PositionEvent.PositionClosed) {
            positions.findForStatistics(event.id()).ifPresent(this::track);
        }
    }

    /** Keeps the list's period in step with its position, and moves it on when the period has ended. */
    void track(Position position) {
        for (int attempt = 0; attempt < 3; attempt++) {
            var existing = mongo.findById(position.id().value(), ApplicantListDocument.class);
            if (existing != null && existing.state() != ApplicantListStatus.OPEN) {
                return; // the period has ended: a later change to the position does not reopen it
            }
            var endsAt = periodEnd(position);
            try {
                if (!position.data().listsApplicants() || endsAt == null) {
                    if (existing != null) {
                        mongo.remove(existing);
                    }
                    return;
                }
                var title = Objects.requireNonNullElse(position.data().title(), "");
                mongo.save(existing == null
                        ? new ApplicantListDocument(position.id().value(), null, position.municipalityNumber(), title,
                                position.municipalityName(), endsAt, ApplicantListStatus.OPEN, null, List.of())
                        : existing.following(title, position.municipalityName(), endsAt));
                break;
            } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                log.debug("Applicant list of {} changed meanwhile; read again", position.id());
            }
        }
        advance(position.id());
    }

    /** The end of the deadline day in Oslo, or the close when that came first; null without a deadline. */
    static @Nullable Instant periodEnd(Position position) {
        var deadline = position.data().applicationDeadline();
        if (deadline == null) {
            return null;
        }
        var end = deadline.plusDays(1).atStartOfDay(OSLO).toInstant();
        boolean closed = position.status() == PositionStatus.CLOSED || position.status() == PositionStatus.FILLED;
        return closed && position.updatedAt().isBefore(end) ? position.updatedAt() : end;
    }

    /** Moves this position's list on if its period has ended; a change that may unblock it calls this. */
    void advance(PositionId id) {
        var document = mongo.findById(id.value(), ApplicantListDocument.class);
        var now = Instant.now(clock);
        if (document != null && document.state() != ApplicantListStatus.PUBLISHED
                && !document.periodEndsAt().isAfter(now)) {
            advance(document, now);
        }
    }

    /** Every minute, and once at start: lists whose period has ended move on; returns how many were published. */
    @Scheduled(initialDelay = 3_000, fixedDelay = 60_000)
    int advanceDue() {
        if (!caughtUp) {
            catchUp();
        }
        return advanceDue(Instant.now(clock));
    }

    int advanceDue(Instant now) {
        var due = mongo.find(Query.query(Criteria.where("state").ne(ApplicantListStatus.PUBLISHED)
                .and("periodEndsAt").lte(now)), ApplicantListDocument.class);
        int published = 0;
        for (var document : due) {
            if (advance(document, now)) {
                published++;
            }
        }
        return published;
    }

    /** Positions published before lists existed, or while a node was down, get theirs. */
    private void catchUp() {
        var known = new HashSet<String>();
        var ids = new Query();
        ids.fields().include("_id");
        mongo.find(ids, org.bson.Document.class, "applicant_lists").forEach(d -> known.add(String.valueOf(d.get("_id"))));
        positions.publishedOrClosed(null).stream().filter(p -> !known.contains(p.id().value())).forEach(this::track);
        caughtUp = true;
    }

    private boolean advance(ApplicantListDocument document, Instant now) {
        try {
            var current = document.state() == ApplicantListStatus.OPEN ? mongo.save(document.pending()) : document;
            var open = applications.findByPositionId(current.id(), Sort.by("submittedAt")).stream()
                    .filter(a -> a.status() != ApplicationStatus.WITHDRAWN).toList();
            boolean blocked = open.stream().anyMatch(a -> a.exemption() != null
                    && (a.exemption().state() == ExemptionState.REQUESTED || a.exemption().awaitsAnswer(now)));
            if (blocked) {
                return false;
            }
            mongo.save(current.published(now, listed(open, current.periodEndsAt())));
            audit(new PositionId(current.id()), now, "system", "APPLICANT_LIST_PUBLISHED", List.of());
            return true;
        } catch (OptimisticLockingFailureException e) {
            return false; // another node moved it first; it is that node's to publish
        }
    }

    /** The list as it stands now, for the owner while it is pending. */
    private List<ApplicantListDocument.Listed> live(ApplicantListDocument document, Instant periodEnd) {
        return listed(applications.findByPositionId(document.id(), Sort.by("submittedAt")).stream()
                .filter(a -> a.status() != ApplicationStatus.WITHDRAWN).toList(), periodEnd);
    }

    private static List<ApplicantListDocument.Listed> listed(List<ApplicationDocument> open, Instant periodEnd) {
        var endDate = LocalDate.ofInstant(periodEnd, OSLO);
        var collator = Collator.getInstance(Locale.of("nb", "NO"));
        var entries = new ArrayList<ApplicantListDocument.Listed>();
        for (var a : open) {
            var details = a.details();
            Integer age = details == null || details.birthDate() == null ? null
                    : Period.between(details.birthDate(), endDate).getYears();
            entries.add(new ApplicantListDocument.Listed(a.id(), a.applicantName(), age,
                    title(details == null ? null : details.title(), a.stage()), a.homeMunicipality(),
                    details == null ? null : details.education(), details == null ? null : details.experience(),
                    details == null ? null : details.gender(),
                    a.exemption() == null ? null : a.exemption().state()));
        }
        entries.sort(Comparator.comparing((ApplicantListDocument.Listed l) -> Objects.requireNonNullElse(l.name(), ""),
                collator));
        return entries;
    }

    /** One entry in the position's audit trail; insert-only, so it never races the list or the application. */
    void audit(PositionId position, Instant at, String actor, String action, List<String> fields) {
        mongo.insert(new org.bson.Document("positionId", position.value()).append("at", java.util.Date.from(at))
                .append("actor", actor).append("action", action).append("fields", fields), AUDIT);
    }

    @Override
    public List<AuditEntry> auditOf(PositionId position) {
        return mongo.find(Query.query(Criteria.where("positionId").is(position.value())), org.bson.Document.class,
                AUDIT).stream().map(d -> new AuditEntry(d.getDate("at").toInstant(), d.getString("actor"),
                        d.getString("action"), d.getList("fields", String.class))).toList();
    }
}
