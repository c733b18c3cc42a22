package no.alisportalen.position;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.alisportalen.account.PortalUser;
import no.alisportalen.base.ConflictException;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.NotFoundException;
import no.alisportalen.municipality.MunicipalityService;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Writing, publishing and reading ALIS positions. Municipality users write only their own municipality's
 * positions, admins any; drafts are visible to their owners, the region's ALIS office and admins only (others
 * get "not found", so a draft's existence does not leak).
 */
@Service
public class PositionService {

    private static final Logger log = LoggerFactory.getLogger(PositionService.class);
    static final String SYSTEM = "system";

    private final PositionRepository repository;
    private final MunicipalityService municipalities;
    private final MongoTemplate mongo;
    private final FeedSequencer sequencer;
    private final ChangeQueues queues;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ApplicationCounts> counts;
    private final ObjectProvider<AuditSource> auditSources;
    private final Clock clock;
    private final no.alisportalen.municipality.RecruitmentWeakness weakness;
    private final SchemeProperties scheme;

    PositionService(PositionRepository repository, MunicipalityService municipalities, MongoTemplate mongo,
            FeedSequencer sequencer, ChangeQueues queues, ApplicationEventPublisher events,
            ObjectProvider<ApplicationCounts> counts, ObjectProvider<AuditSource> auditSources, Clock clock,
            no.alisportalen.municipality.RecruitmentWeakness weakness, SchemeProperties scheme) {
        this.auditSources = auditSources;
        this.weakness = weakness;
        this.scheme = scheme;
        this.queues = queues;
        this.counts = counts;
        this.repository = repository;
        this.municipalities = municipalities;
        this.mongo = mongo;
        this.sequencer = sequencer;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a draft for the user's own municipality (any municipality for admins). */
    @PreAuthorize("hasAnyRole('MUNICIPALITY','ADMIN')")
    public Position create(PositionData data) {
        var user = requireUser();
        // Normalise first, authorise on the value that will be stored (security review finding 1).
        var clean = normalize(data);
        if (clean.municipalityNumber() != null && municipalities.exists(clean.municipalityNumber())
                && !user.actsFor(clean.municipalityNumber())) {
            throw new AccessDeniedException("Not this user's municipality");
        }
        List<FieldProblem> createProblems = new ArrayList<>(PositionRules.forSave(clean, municipalities::exists));
        createProblems.addAll(schemeProblems(clean));
        validate(createProblems);
        var municipality = municipalities.find(Objects.requireNonNull(clean.municipalityNumber())).orElseThrow();
        var now = Instant.now(clock);
        var document = new PositionDocument(new ObjectId().toHexString(), null, PositionStatus.DRAFT, clean,
                municipality.name(), municipality.countyName(), municipality.region(), municipality.centrality(), null,
                now, now, List.of(new AuditEntry(now, user.actor(), "CREATED", List.of())), List.of(), 0, true);
        var saved = repository.insert(document);
        queues.mark(ChangeQueues.INDEX, saved.id());
        events.publishEvent(new PositionEvent.PositionSaved(new PositionId(saved.id()), saved.currentVersion()));
        return saved.toPosition().withApplicationCount(0);
    }

    /**
     * Replaces a position's data, provided nobody changed it since {@code expectedVersion}.
     *
     * @throws ConflictException when the version is stale or the position is closed
     */
    @PreAuthorize("hasAnyRole('MUNICIPALITY','ADMIN')")
    public Position update(PositionId id, long expectedVersion, PositionData data) {
        var user = requireUser();
        var current = loadForWrite(id, user);
        requireVersion(current, expectedVersion);
        if (current.status() == PositionStatus.CLOSED || current.status() == PositionStatus.FILLED) {
            throw new ConflictException("conflict.position.notEditable");
        }
        var clean = normalize(data);
        List<FieldProblem> problems = new ArrayList<>(PositionRules.forSave(clean, municipalities::exists));
        problems.addAll(schemeProblems(clean));
        if (!Objects.equals(clean.municipalityNumber(), current.data().municipalityNumber())) {
            problems.add(FieldProblem.of("municipalityNumber", "validation.position.municipalityFixed"));
        }
        if (current.status() == PositionStatus.PUBLISHED) {
            problems.addAll(PositionRules.forPublish(clean, today()));
        }
        validate(problems);
        var changed = changedFields(current.data(), clean);
        if (changed.isEmpty()) {
            return withCounts(List.of(current)).getFirst();
        }
        var now = Instant.now(clock);
        boolean published = current.status() == PositionStatus.PUBLISHED;
        var next = current.with(current.status(), clean, now, current.publishedAt(),
                new AuditEntry(now, user.actor(), "UPDATED", changed), published ? FeedChangeType.UPDATED : null);
        var saved = save(next);
        events.publishEvent(published
                ? new PositionEvent.PositionUpdated(id, saved.currentVersion())
                : new PositionEvent.PositionSaved(id, saved.currentVersion()));
        return withCounts(List.of(saved)).getFirst();
    }

    /** DRAFT → PUBLISHED; needs a start date and a deadline that has not passed. */
    @PreAuthorize("hasAnyRole('MUNICIPALITY','ADMIN')")
    public Position publish(PositionId id, @Nullable Long expectedVersion) {
        var user = requireUser();
        var current = loadForWrite(id, user);
        if (expectedVersion != null) {
            requireVersion(current, expectedVersion);
        }
        if (current.status() != PositionStatus.DRAFT) {
            throw new ConflictException("conflict.position.notDraft");
        }
        // The municipality's weakness may have changed since the draft was saved: publish under today's rules.
        var data = withScheme(current.data());
        List<FieldProblem> problems = new ArrayList<>(PositionRules.forSave(data, municipalities::exists));
        problems.addAll(schemeProblems(data));
        problems.addAll(PositionRules.forPublish(data, today()));
        validate(problems);
        var now = Instant.now(clock);
        var saved = save(current.with(PositionStatus.PUBLISHED, data, now, now,
                new AuditEntry(now, user.actor(), "PUBLISHED", List.of()), FeedChangeType.PUBLISHED));
        events.publishEvent(new PositionEvent.PositionPublished(id, saved.currentVersion()));
        return withCounts(List.of(saved)).getFirst();
    }

    /** PUBLISHED → CLOSED: no more applications. */
    @PreAuthorize("hasAnyRole('MUNICIPALITY','ADMIN')")
    public Position close(PositionId id) {
        var user = requireUser();
        var current = loadForWrite(id, user);
        if (current.status() != PositionStatus.PUBLISHED) {
            throw new ConflictException("conflict.position.notPublished");
        }
        return withCounts(List.of(closeAs(current, PositionStatus.CLOSED, user.actor(), "CLOSED"))).getFirst();
    }

    /** PUBLISHED or CLOSED → FILLED: someone got the job. */
    @PreAuthorize("hasAnyRole('MUNICIPALITY','ADMIN')")
    public Position fill(PositionId id) {
        var user = requireUser();
        var current = loadForWrite(id, user);
        if (current.status() != PositionStatus.PUBLISHED && current.status() != PositionStatus.CLOSED) {
            throw new ConflictException("conflict.position.notPublished");
        }
        return withCounts(List.of(closeAs(current, PositionStatus.FILLED, user.actor(), "FILLED"))).getFirst();
    }

    /** Announces that a published position was opened, so it counts as a view (drafts and closed ones do not). */
    public void viewed(Position position) {
        if (position.status() == PositionStatus.PUBLISHED) {
            events.publishEvent(new PositionViewed(position.id()));
        }
    }

    /** Announces that a published position's apply button was used. */
    public void applyClicked(Position position) {
        if (position.status() == PositionStatus.PUBLISHED) {
            events.publishEvent(new PositionApplyClicked(position.id()));
        }
    }

    /** A position as the current user may see it; empty when it does not exist or is a draft they may not see. */
    public Optional<Position> find(PositionId id) {
        var user = PortalUser.current().orElse(null);
        return repository.findById(id.value()).filter(d -> canSee(d, user))
                .map(d -> mayReadApplicationCount(d, user) ? withCounts(List.of(d)).getFirst() : d.toPosition());
    }

    /** The municipality's own positions in every status, newest first; admins get every position. */
    @PreAuthorize("hasAnyRole('MUNICIPALITY','ADMIN')")
    public List<Position> mine() {
        var user = requireUser();
        var sort = Sort.by(Sort.Direction.DESC, "updatedAt");
        var documents = user.account().municipalityNumber() == null
                ? repository.findAll(sort)
                : repository.findByDataMunicipalityNumber(user.account().municipalityNumber(), sort);
        return withCounts(documents);
    }

    /**
     * Every position that was ever published (published, closed or filled), in one region or all, without
     * application counts; for monitoring, which adds its own figures.
     */
    public List<Position> publishedOrClosed(no.alisportalen.municipality.@Nullable Region region) {
        var criteria = Criteria.where("status").ne(PositionStatus.DRAFT);
        if (region != null) {
            criteria = criteria.and("region").is(region);
        }
        // Streamed in batches: one reply with every position would pass the driver's 48 MB limit near 40,000.
        try (var stream = mongo.stream(Query.query(criteria).cursorBatchSize(1_000), PositionDocument.class)) {
            return stream.map(PositionDocument::toPosition).toList();
        }
    }

    /** A position that was published (now published, closed or filled), without counts; for monitoring. */
    public Optional<Position> findForStatistics(PositionId id) {
        return repository.findById(id.value()).filter(d -> d.status() != PositionStatus.DRAFT)
                .map(PositionDocument::toPosition);
    }

    /**
     * Ids of positions closed or filled before the instant (by their last change, so never earlier than the
     * actual close); the applications feature anonymises their applications after the retention period.
     */
    public List<PositionId> closedBefore(Instant instant) {
        return mongo.find(Query.query(Criteria.where("status").in(PositionStatus.CLOSED, PositionStatus.FILLED)
                .and("updatedAt").lt(instant)), PositionDocument.class).stream()
                .map(d -> new PositionId(d.id())).toList();
    }

    /** Who changed what and when: for the owner, the region's ALIS office and admins. */
    @PreAuthorize("isAuthenticated()")
    public List<AuditEntry> audit(PositionId id) {
        var user = requireUser();
        var document = repository.findById(id.value()).filter(d -> canSee(d, user))
                .orElseThrow(() -> new NotFoundException("position"));
        if (!mayReadApplicationCount(document, user)) {
            throw new AccessDeniedException("Audit trail is for the owner, the ALIS office and admins");
        }
        var trail = new java.util.ArrayList<>(document.audit());
        auditSources.orderedStream().forEach(source -> trail.addAll(source.auditOf(id)));
        trail.sort(java.util.Comparator.comparing(AuditEntry::at)); // stable: the position's own order on ties
        return trail.reversed();
    }

    /** The data of an existing position as the start of a new draft: same facts, no dates. */
    @PreAuthorize("hasAnyRole('MUNICIPALITY','ADMIN')")
    public PositionData copyForNewDraft(PositionId id) {
        var user = requireUser();
        return loadForWrite(id, user).data().withDates(null, null);
    }

    /** Every published position (open or past its deadline but not yet closed by the job). */
    public List<Position> published() {
        return repository.findByStatus(PositionStatus.PUBLISHED).stream()
                .map(PositionDocument::toPosition).toList();
    }

    /**
     * The change feed after a cursor ({@code null} or empty: from the start).
     *
     * @throws InvalidInputException when the cursor or limit is invalid
     */
    public FeedPage feed(@Nullable String after, int limit) {
        long cursor;
        try {
            cursor = after == null || after.isBlank() ? 0 : Long.parseLong(after.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(FieldProblem.of("after", "validation.feed.cursor"));
        }
        if (cursor < 0) {
            throw new InvalidInputException(FieldProblem.of("after", "validation.feed.cursor"));
        }
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException(FieldProblem.of("limit", "validation.range", 1, 500));
        }
        var items = mongo.find(Query.query(Criteria.where("_id").gt(cursor))
                .with(Sort.by(Sort.Direction.ASC, "_id")).limit(limit), FeedEntryDocument.class)
                .stream().map(FeedEntryDocument::toItem).toList();
        var next = items.isEmpty() ? cursor : items.getLast().sequence();
        return new FeedPage(items, Long.toString(next));
    }

    /**
     * Closes published positions whose deadline has passed. Safe on several instances: each close is an
     * optimistic-locked update, and a position someone else closed first is simply skipped.
     */
    @Scheduled(initialDelay = 5_000, fixedDelay = 60_000)
    int closeExpired() {
        int closed = 0;
        if (no.alisportalen.base.Backdating.inProgress()) {
            return closed; // the demo's history closes its positions at their own past deadlines
        }
        for (var document : repository.findByStatusAndDataApplicationDeadlineBefore(PositionStatus.PUBLISHED, today())) {
            try {
                closeAs(document, PositionStatus.CLOSED, SYSTEM, "DEADLINE_PASSED");
                closed++;
            } catch (ConflictException e) {
                log.debug("Position {} changed while closing; the next run looks again", document.id());
            }
        }
        if (closed > 0) {
            log.info("Closed {} positions whose application deadline has passed", closed);
        }
        return closed;
    }

    private PositionDocument closeAs(PositionDocument current, PositionStatus status, String actor, String action) {
        var now = Instant.now(clock);
        boolean wasPublished = current.status() == PositionStatus.PUBLISHED;
        var saved = save(current.with(status, current.data(), now, current.publishedAt(),
                new AuditEntry(now, actor, action, List.of()), wasPublished ? FeedChangeType.CLOSED : null));
        events.publishEvent(new PositionEvent.PositionClosed(new PositionId(saved.id()), saved.currentVersion(), status));
        return saved;
    }

    private List<Position> withCounts(List<PositionDocument> documents) {
        var source = counts.getIfAvailable();
        var byId = source == null ? java.util.Map.<PositionId, Integer>of()
                : source.countFor(documents.stream().map(d -> new PositionId(d.id())).toList());
        return documents.stream().map(d -> d.toPosition()
                .withApplicationCount(byId.getOrDefault(new PositionId(d.id()), 0))).toList();
    }

    private PositionDocument save(PositionDocument next) {
        try {
            var saved = repository.save(next);
            // Hints for the consumers, written after the change they point to (see ChangeQueues).
            queues.mark(ChangeQueues.INDEX, saved.id());
            if (!saved.pendingFeed().isEmpty()) {
                queues.mark(ChangeQueues.FEED, saved.id());
                sequencer.nudge();
            }
            return saved;
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("conflict.position.stale");
        }
    }

    private PositionDocument loadForWrite(PositionId id, PortalUser user) {
        var document = repository.findById(id.value()).filter(d -> canSee(d, user))
                .orElseThrow(() -> new NotFoundException("position"));
        if (!user.actsFor(document.data().municipalityNumber())) {
            throw new AccessDeniedException("Not this user's municipality");
        }
        return document;
    }

    private static void requireVersion(PositionDocument current, long expectedVersion) {
        if (current.currentVersion() != expectedVersion) {
            throw new ConflictException("conflict.position.stale");
        }
    }

    private static boolean canSee(PositionDocument document, @Nullable PortalUser user) {
        return document.status() != PositionStatus.DRAFT || (user != null && mayReadApplicationCount(document, user));
    }

    private static boolean mayReadApplicationCount(PositionDocument document, @Nullable PortalUser user) {
        return user != null && (user.actsFor(document.data().municipalityNumber()) || user.oversees(document.region()));
    }

    private PositionData normalize(PositionData data) {
        // A number that does not normalise to a known municipality stays as sent, so validation names it.
        var number = municipalities.canonicalNumber(data.municipalityNumber()).orElse(strip(data.municipalityNumber()));
        var clean = new PositionData(number, strip(data.title()), data.description(),
                strip(data.workplace()), data.location(), data.employmentForm(), data.setting(), data.listLength(),
                data.annualSalaryNok(), data.introductionAgreement(), data.alisAgreement(),
                data.alisAgreementElements(), data.alisAgreementElementsNok(), data.recruitmentWeak(),
                data.incentives(), data.supervisorOnSite(),
                data.supervisionHoursPerMonth(), data.supervisionGroup(), data.onCallRotation(), data.onCallBackup(),
                data.startDate(), data.applicationDeadline(), data.openings(),
                new Contact(strip(data.contact().name()), strip(data.contact().email()), strip(data.contact().phone())),
                data.applicantList());
        var description = data.description() != null && data.description().length() > PositionRules.DESCRIPTION_MAX
                ? data.description() // too long: left as is so validation reports it
                : DescriptionSanitizer.clean(data.description());
        var location = data.location() != null ? data.location()
                : clean.municipalityNumber() == null ? null
                : municipalities.find(clean.municipalityNumber()).map(m -> m.location()).orElse(null);
        return withScheme(clean.withDescriptionAndLocation(description, location));
    }

    /** The scheme year a position follows: the year it starts (this year before it has a start date). */
    int schemeYear(PositionData data) {
        return data.startDate() != null ? data.startDate().getYear() : today().getYear();
    }

    /** The scheme's figures for the position's year. */
    public SchemeProperties.Year schemeFigures(PositionData data) {
        return scheme.forYear(schemeYear(data));
    }

    /**
     * The derived parts of the national ALIS scheme: whether the municipality is especially recruitment-weak
     * now, and the configured default for every offered standard element the municipality named no amount for.
     */
    PositionData withScheme(PositionData data) {
        boolean weak = data.municipalityNumber() != null && municipalities.exists(data.municipalityNumber())
                && weakness.isWeak(data.municipalityNumber());
        var year = scheme.forYear(schemeYear(data));
        var amounts = new java.util.EnumMap<AlisAgreementElement, Integer>(AlisAgreementElement.class);
        amounts.putAll(data.alisAgreementElementsNok());
        for (var element : data.alisAgreementElements()) {
            amounts.putIfAbsent(element, year.defaultFor(element));
        }
        return data.withScheme(weak, amounts);
    }

    /** Every problem that would block saving this data, as the service will see it (the form checks live). */
    public List<FieldProblem> check(PositionData data) {
        var derived = withScheme(data);
        List<FieldProblem> problems = new ArrayList<>(PositionRules.forSave(derived, municipalities::exists));
        problems.addAll(schemeProblems(derived));
        return problems;
    }

    private List<FieldProblem> schemeProblems(PositionData data) {
        int year = schemeYear(data);
        return PositionRules.forScheme(data, scheme.forYear(year), year, data.recruitmentWeak());
    }

    /**
     * A municipality became, or stopped being, especially recruitment-weak: its positions' derived flag follows
     * (audited as the system, in the feed for published positions, re-indexed). Scheme extra elements already
     * offered stay until the municipality next edits or publishes, when today's rules apply.
     */
    @org.springframework.context.event.EventListener
    void on(no.alisportalen.municipality.RecruitmentWeaknessChanged changed) {
        for (var document : repository.findByDataMunicipalityNumber(changed.municipalityNumber(), Sort.unsorted())) {
            for (int attempt = 0; attempt < 3; attempt++) {
                var current = repository.findById(document.id()).orElse(null);
                if (current == null || current.data().recruitmentWeak() == changed.recruitmentWeak()) {
                    break;
                }
                try {
                    rederive(current, "RECRUITMENT_WEAK_CHANGED", current.data().withScheme(changed.recruitmentWeak(),
                            current.data().alisAgreementElementsNok()));
                    break;
                } catch (ConflictException e) {
                    log.debug("Position {} changed meanwhile; trying again", document.id());
                }
            }
        }
    }

    /** A change the system makes to a position's derived data (no user): audited, fed and indexed. */
    void rederive(PositionDocument current, String action, PositionData data) {
        var now = Instant.now(clock);
        boolean published = current.status() == PositionStatus.PUBLISHED;
        var saved = save(current.with(current.status(), data, now, current.publishedAt(),
                new AuditEntry(now, SYSTEM, action, changedFields(current.data(), data)),
                published ? FeedChangeType.UPDATED : null));
        events.publishEvent(published ? new PositionEvent.PositionUpdated(new PositionId(saved.id()),
                saved.currentVersion()) : new PositionEvent.PositionSaved(new PositionId(saved.id()),
                saved.currentVersion()));
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void validate(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static PortalUser requireUser() {
        return PortalUser.current().orElseThrow(() -> new AccessDeniedException("Login required"));
    }

    static List<String> changedFields(PositionData before, PositionData after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : PositionData.class.getRecordComponents()) {
            try {
                var a = component.getAccessor().invoke(before);
                var b = component.getAccessor().invoke(after);
                if (!Objects.equals(a, b)) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }
}
