package no.alisportalen.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.alisportalen.account.AccountId;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import no.alisportalen.base.ConflictException;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.NotFoundException;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.position.ApplicationCounts;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.PositionStatus;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Applying, withdrawing and processing applications. Applicants see only their own; the owning municipality and
 * admins see a position's applications with cover letters; ALIS offices see counts only (through positions).
 */
@Service
public class ApplicationService implements ApplicationCounts {

    public static final int COVER_LETTER_MAX = 5_000;
    public static final int NOTE_MAX = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "submittedAt");

    private final ApplicationRepository repository;
    private final MongoTemplate mongo;
    private final PositionService positions;
    private final AccountService accounts;
    private final MunicipalityService municipalities;
    private final ApplicationEventPublisher events;
    private final ApplicationProperties properties;
    private final ApplicantListService lists;
    private final ApplicantListProperties listProperties;
    private final Clock clock;

    ApplicationService(ApplicationRepository repository, MongoTemplate mongo, PositionService positions,
            AccountService accounts, MunicipalityService municipalities, ApplicationEventPublisher events,
            ApplicationProperties properties, ApplicantListService lists, ApplicantListProperties listProperties,
            Clock clock) {
        this.lists = lists;
        this.listProperties = listProperties;
        this.municipalities = municipalities;
        this.repository = repository;
        this.mongo = mongo;
        this.positions = positions;
        this.accounts = accounts;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Applies to an open position with the applicant's profile and a cover letter.
     *
     * @throws ConflictException when the position is not open or the applicant already has an active application
     */
    @PreAuthorize("hasRole('APPLICANT')")
    public Application apply(PositionId positionId, @Nullable String coverLetter) {
        return apply(positionId, coverLetter, null);
    }

    /**
     * Applies, optionally asking not to stand on the public applicant list (api-v1 "Applicant lists"). A position
     * with a list needs the applicant's birth date, gender and home municipality: one field error each otherwise.
     *
     * @param exemptionReason the reason for leaving the applicant off the public list, or null for no request
     */
    @PreAuthorize("hasRole('APPLICANT')")
    public Application apply(PositionId positionId, @Nullable String coverLetter, @Nullable String exemptionReason) {
        var user = requireUser();
        var letter = coverLetter == null ? "" : coverLetter.strip();
        if (letter.isEmpty()) {
            throw new InvalidInputException(FieldProblem.of("coverLetter", "validation.required"));
        }
        if (letter.length() > COVER_LETTER_MAX) {
            throw new InvalidInputException(FieldProblem.of("coverLetter", "validation.text.max", COVER_LETTER_MAX));
        }
        var position = positions.find(positionId).orElseThrow(() -> new NotFoundException("position"));
        requireOpen(position);
        var account = accounts.find(user.id()).orElseThrow(() -> new AccessDeniedException("Account is gone"));
        if (!account.emailVerified()) {
            throw new no.alisportalen.account.EmailUnconfirmedException();
        }
        var details = account.applicantDetails();
        var problems = new ArrayList<FieldProblem>();
        if (position.data().listsApplicants()) {
            // What offentleglova § 25 puts on the list (age, municipality) and its gender count.
            if (details.birthDate() == null) {
                problems.add(FieldProblem.of("birthDate", "validation.applicantList.required"));
            }
            if (details.gender() == null) {
                problems.add(FieldProblem.of("gender", "validation.applicantList.required"));
            }
            if (account.homeMunicipality() == null) {
                problems.add(FieldProblem.of("homeMunicipality", "validation.applicantList.required"));
            }
        }
        @Nullable Exemption exemption = null;
        if (exemptionReason != null) {
            if (!position.data().listsApplicants()) {
                problems.add(FieldProblem.of("exemptionRequest", "validation.exemption.noList"));
            } else {
                var reason = checkedText("exemptionRequest.reason", exemptionReason, problems);
                exemption = reason == null ? null : Exemption.requested(reason, Instant.now(clock));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var snapshot = snapshot(account);
        var home = account.homeMunicipality() == null ? null
                : municipalities.find(account.homeMunicipality()).map(m -> m.name()).orElse(null);
        var now = Instant.now(clock);
        var id = new ObjectId().toHexString();
        var document = new ApplicationDocument(id, null, positionId.value(),
                Objects.requireNonNullElse(position.data().title(), ""), position.municipalityNumber(),
                position.municipalityName(), position.region(), account.id().value(), account.name(), account.email(),
                account.stage(), account.graduationYear(), home, letter,
                ApplicationStatus.RECEIVED, List.of(new StatusChange(now, ApplicationStatus.RECEIVED, Role.APPLICANT)),
                null, now, now, ApplicationDocument.activeKey(account.id().value(), positionId.value()), null,
                snapshot, exemption);
        try {
            var saved = repository.insert(document);
            if (exemption != null) {
                lists.audit(positionId, now, ApplicantListService.APPLICANT, "EXEMPTION_REQUESTED", List.of(id));
            }
            events.publishEvent(new ApplicationEvent.ApplicationSubmitted(new ApplicationId(id), positionId,
                    position.municipalityNumber()));
            return saved.toApplication().withoutInternalNote();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("conflict.application.duplicate");
        }
    }

    /** The current applicant's applications, newest first. */
    @PreAuthorize("hasRole('APPLICANT')")
    public List<Application> mine() {
        return repository.findByApplicantId(requireUser().id().value(), NEWEST_FIRST).stream()
                .map(d -> d.toApplication().withoutInternalNote()).toList();
    }

    /** The current applicant's active application for the position, if any. */
    @PreAuthorize("hasRole('APPLICANT')")
    public Optional<Application> myActive(PositionId positionId) {
        var key = ApplicationDocument.activeKey(requireUser().id().value(), positionId.value());
        return Optional.ofNullable(mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                Criteria.where("activeKey").is(key)), ApplicationDocument.class))
                .map(d -> d.toApplication().withoutInternalNote());
    }

    /**
     * Withdraws the applicant's own application until it is accepted or rejected.
     *
     * @throws NotFoundException when it is not theirs
     */
    @PreAuthorize("hasRole('APPLICANT')")
    public Application withdraw(ApplicationId id) {
        var user = requireUser();
        var current = repository.findById(id.value()).filter(d -> user.id().value().equals(d.applicantId()))
                .orElseThrow(() -> new NotFoundException("application"));
        if (current.status().isFinal()) {
            throw new ConflictException("conflict.application.notWithdrawable");
        }
        var saved = save(current.moved(ApplicationStatus.WITHDRAWN, Role.APPLICANT, current.internalNote(),
                Instant.now(clock)));
        events.publishEvent(new ApplicationEvent.ApplicationWithdrawn(id, new PositionId(saved.positionId()),
                saved.municipalityNumber()));
        lists.advance(new PositionId(saved.positionId())); // a refused applicant who withdrew holds nothing back
        return saved.toApplication().withoutInternalNote();
    }

    /**
     * Asks, after applying, not to stand on the public applicant list; replaces an undecided request's reason.
     *
     * @throws ConflictException once the list is published, the request was decided, or the application withdrawn
     */
    @PreAuthorize("hasRole('APPLICANT')")
    public Application requestExemption(ApplicationId id, @Nullable String reason) {
        var current = own(id);
        var problems = new ArrayList<FieldProblem>();
        var clean = checkedText("reason", reason, problems);
        if (clean == null) {
            throw new InvalidInputException(problems);
        }
        requireListNotPublished(current);
        if (current.status() == ApplicationStatus.WITHDRAWN) {
            throw new ConflictException("conflict.exemption.withdrawn");
        }
        if (current.exemption() != null && current.exemption().state() != ExemptionState.REQUESTED) {
            throw new ConflictException("conflict.exemption.decided");
        }
        var now = Instant.now(clock);
        var saved = save(current.withExemption(Exemption.requested(clean, now), now));
        lists.audit(new PositionId(saved.positionId()), now, ApplicantListService.APPLICANT, "EXEMPTION_REQUESTED",
                List.of(saved.id()));
        return saved.toApplication().withoutInternalNote();
    }

    /** Takes back a request not to be listed (whatever its state) until the list is published. */
    @PreAuthorize("hasRole('APPLICANT')")
    public Application withdrawExemptionRequest(ApplicationId id) {
        var current = own(id);
        requireListNotPublished(current);
        if (current.exemption() == null) {
            throw new ConflictException("conflict.exemption.none");
        }
        var now = Instant.now(clock);
        var saved = save(current.withExemption(null, now));
        lists.audit(new PositionId(saved.positionId()), now, ApplicantListService.APPLICANT, "EXEMPTION_WITHDRAWN",
                List.of(saved.id()));
        lists.advance(new PositionId(saved.positionId()));
        return saved.toApplication().withoutInternalNote();
    }

    /** After a refusal: the applicant accepts being listed rather than withdrawing. */
    @PreAuthorize("hasRole('APPLICANT')")
    public Application acceptListing(ApplicationId id) {
        var current = own(id);
        requireListNotPublished(current);
        var exemption = current.exemption();
        if (exemption == null || exemption.state() != ExemptionState.REFUSED || exemption.acceptedAt() != null
                || current.status() == ApplicationStatus.WITHDRAWN) {
            throw new ConflictException("conflict.exemption.notRefused");
        }
        var now = Instant.now(clock);
        var saved = save(current.withExemption(exemption.accepted(now), now));
        lists.audit(new PositionId(saved.positionId()), now, ApplicantListService.APPLICANT, "LISTING_ACCEPTED",
                List.of(saved.id()));
        lists.advance(new PositionId(saved.positionId()));
        return saved.toApplication().withoutInternalNote();
    }

    /**
     * The municipality decides one request on its own merits, with a justification. A refusal tells the applicant,
     * who may withdraw or accept within {@code portal.applicant-lists.reply-days}.
     *
     * @throws ConflictException when no request is pending
     */
    @PreAuthorize("hasAnyRole('MUNICIPALITY','ADMIN')")
    public Application decideExemption(ApplicationId id, @Nullable Boolean granted, @Nullable String justification) {
        var user = requireUser();
        var current = repository.findById(id.value()).filter(d -> user.actsFor(d.municipalityNumber()))
                .orElseThrow(() -> new NotFoundException("application"));
        var problems = new ArrayList<FieldProblem>();
        if (granted == null) {
            problems.add(FieldProblem.of("granted", "validation.required"));
        }
        var clean = checkedText("justification", justification, problems);
        if (!problems.isEmpty() || clean == null || granted == null) {
            throw new InvalidInputException(problems);
        }
        var exemption = current.exemption();
        if (exemption == null || exemption.state() != ExemptionState.REQUESTED
                || current.status() == ApplicationStatus.WITHDRAWN) {
            throw new ConflictException("conflict.exemption.notPending");
        }
        var now = Instant.now(clock);
        var answerBy = now.plus(java.time.Duration.ofDays(listProperties.replyDays()));
        var saved = save(current.withExemption(exemption.decided(granted, clean, now, answerBy), now));
        var positionId = new PositionId(saved.positionId());
        lists.audit(positionId, now, user.actor(), granted ? "EXEMPTION_GRANTED" : "EXEMPTION_REFUSED",
                List.of(saved.id()));
        if (!granted && saved.applicantId() != null) {
            events.publishEvent(new ApplicationEvent.ExemptionRefused(id, Objects.requireNonNull(saved.version()),
                    positionId, saved.positionTitle(), new AccountId(saved.applicantId()), answerBy));
        }
        lists.advance(positionId);
        return saved.toApplication();
    }

    private ApplicationDocument own(ApplicationId id) {
        var user = requireUser();
        return repository.findById(id.value()).filter(d -> user.id().value().equals(d.applicantId()))
                .orElseThrow(() -> new NotFoundException("application"));
    }

    private void requireListNotPublished(ApplicationDocument application) {
        var positionId = new PositionId(application.positionId());
        var position = positions.findForStatistics(positionId).orElseThrow(() -> new NotFoundException("position"));
        if (!position.data().listsApplicants()) {
            throw new ConflictException("conflict.exemption.noList");
        }
        if (lists.published(positionId)) {
            throw new ConflictException("conflict.exemption.published");
        }
    }

    /** A reason or justification: 10–1,000 characters; null (with a problem added) otherwise. */
    private static @Nullable String checkedText(String field, @Nullable String text, List<FieldProblem> problems) {
        var clean = text == null ? "" : text.strip();
        if (clean.length() < Exemption.REASON_MIN || clean.length() > Exemption.TEXT_MAX) {
            problems.add(FieldProblem.of(field, "validation.text.between", Exemption.REASON_MIN, Exemption.TEXT_MAX));
            return null;
        }
        return clean;
    }

    /** The applicant accepts an offer: OFFERED → ACCEPTED (declining is withdrawing). */
    @PreAuthorize("hasRole('APPLICANT')")
    public Application acceptOffer(ApplicationId id) {
        var user = requireUser();
        var current = repository.findById(id.value()).filter(d -> user.id().value().equals(d.applicantId()))
                .orElseThrow(() -> new NotFoundException("application"));
        if (current.status() != ApplicationStatus.OFFERED) {
            throw new ConflictException("conflict.application.notOffered");
        }
        return save(current.moved(ApplicationStatus.ACCEPTED, Role.APPLICANT, current.internalNote(),
                Instant.now(clock))).toApplication().withoutInternalNote();
    }

    /**
     * A match round assigned the applicant to the position: their application there becomes OFFERED, or one is
     * made for them, offered at once. The round feature calls it when the office publishes the round.
     */
    @PreAuthorize("hasAnyRole('ALIS_OFFICE','ADMIN')")
    public void offerFromRound(PositionId positionId, AccountId applicantId, String roundName) {
        var by = requireUser().role();
        var now = Instant.now(clock);
        var active = repository.findByActiveKey(ApplicationDocument.activeKey(applicantId.value(), positionId.value()));
        ApplicationDocument saved;
        if (active.isPresent()) {
            if (active.get().status().isFinal() || active.get().status() == ApplicationStatus.OFFERED) {
                return;
            }
            saved = save(active.get().moved(ApplicationStatus.OFFERED, by, active.get().internalNote(), now));
        } else {
            var position = positions.findForStatistics(positionId).orElse(null);
            var account = accounts.find(applicantId).orElse(null);
            if (position == null || account == null) {
                return; // the position or the account went away since the match; nothing to offer
            }
            var home = account.homeMunicipality() == null ? null
                    : municipalities.find(account.homeMunicipality()).map(m -> m.name()).orElse(null);
            var id = new ObjectId().toHexString();
            saved = repository.insert(new ApplicationDocument(id, null, positionId.value(),
                    Objects.requireNonNullElse(position.data().title(), ""), position.municipalityNumber(),
                    position.municipalityName(), position.region(), account.id().value(), account.name(),
                    account.email(), account.stage(), account.graduationYear(), home,
                    // Stands where the applicant's letter would: the application came from the round, not a letter.
                    "Tildelt gjennom matcherunden «" + roundName + "».",
                    ApplicationStatus.OFFERED, List.of(new StatusChange(now, ApplicationStatus.OFFERED, by)), null,
                    now, now, ApplicationDocument.activeKey(account.id().value(), positionId.value()), null,
                    snapshot(account), null));
        }
        events.publishEvent(new ApplicationEvent.ApplicationStatusChanged(new ApplicationId(saved.id()),
                Objects.requireNonNull(saved.version()), positionId, saved.positionTitle(), applicantId,
                ApplicationStatus.OFFERED));
    }

    /**
     * A position's applications, newest first, for its municipality and admins.
     *
     * @throws NotFoundException when the position does not exist (or is a draft the user may not see)
     * @throws AccessDeniedException for anyone else, ALIS offices included (they see counts only)
     */
    @PreAuthorize("hasAnyRole('MUNICIPALITY','ADMIN')")
    public List<Application> forPosition(PositionId positionId) {
        var user = requireUser();
        var position = positions.find(positionId).orElseThrow(() -> new NotFoundException("position"));
        if (!user.actsFor(position.municipalityNumber())) {
            throw new AccessDeniedException("Not this user's municipality");
        }
        return repository.findByPositionId(positionId.value(), NEWEST_FIRST).stream()
                .map(ApplicationDocument::toApplication).toList();
    }

    /**
     * Moves an application along the pipeline, with an optional internal note; the applicant is notified.
     *
     * @param expectedVersion when given, the change is refused (409) if someone changed the application since
     * @throws ConflictException for a move the pipeline does not allow, or a stale version
     */
    @PreAuthorize("hasAnyRole('MUNICIPALITY','ADMIN')")
    public Application changeStatus(ApplicationId id, ApplicationStatus next, @Nullable String note,
            @Nullable Long expectedVersion) {
        var user = requireUser();
        var current = repository.findById(id.value()).filter(d -> user.actsFor(d.municipalityNumber()))
                .orElseThrow(() -> new NotFoundException("application"));
        if (expectedVersion != null && !expectedVersion.equals(current.version())) {
            throw new ConflictException("conflict.application.stale");
        }
        var cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > NOTE_MAX) {
            throw new InvalidInputException(FieldProblem.of("note", "validation.text.max", NOTE_MAX));
        }
        if (next == ApplicationStatus.WITHDRAWN) {
            throw new InvalidInputException(FieldProblem.of("status", "validation.application.onlyApplicantWithdraws"));
        }
        boolean moves = next != current.status();
        if (moves && !current.status().municipalityMayMoveTo(next)) {
            throw new ConflictException(current.status().isFinal() ? "conflict.application.final"
                    : "conflict.application.offerFirst");
        }
        if (!moves && Objects.equals(cleanNote, current.internalNote())) {
            return current.toApplication();
        }
        var saved = save(current.moved(next, user.role(), cleanNote, Instant.now(clock)));
        if (moves && saved.applicantId() != null) {
            events.publishEvent(new ApplicationEvent.ApplicationStatusChanged(id,
                    Objects.requireNonNull(saved.version()), new PositionId(saved.positionId()),
                    saved.positionTitle(), new AccountId(saved.applicantId()), next));
        }
        return saved.toApplication();
    }

    /**
     * Filling a position ends the process for everyone else (api-v1 "The end of the process"): every application
     * there that is not final becomes REJECTED and its applicant is told the position was filled.
     */
    @org.springframework.context.event.EventListener
    void on(no.alisportalen.position.PositionEvent.PositionClosed event) {
        if (event.status() == PositionStatus.FILLED) {
            int rejected = rejectOpen(event.id());
            log.debug("Position {} filled: {} open applications rejected", event.id(), rejected);
        }
    }

    /** Rejects the position's open applications; returns how many. A concurrent change is re-read and retried. */
    int rejectOpen(PositionId positionId) {
        var by = PortalUser.current().map(PortalUser::role).orElse(Role.MUNICIPALITY);
        var now = Instant.now(clock);
        int done = 0;
        for (var document : repository.findByPositionId(positionId.value(), NEWEST_FIRST)) {
            @Nullable ApplicationDocument current = document;
            for (int attempt = 0; attempt < 3 && current != null && !current.status().isFinal(); attempt++) {
                try {
                    var saved = repository.save(current.moved(ApplicationStatus.REJECTED, by, current.internalNote(),
                            now));
                    done++;
                    if (saved.applicantId() != null) {
                        events.publishEvent(new ApplicationEvent.ApplicationRejectedAsFilled(
                                new ApplicationId(saved.id()), Objects.requireNonNull(saved.version()), positionId,
                                saved.positionTitle(), new AccountId(saved.applicantId())));
                    }
                    break;
                } catch (OptimisticLockingFailureException e) {
                    current = repository.findById(current.id()).orElse(null); // withdrawn or moved meanwhile
                }
            }
        }
        return done;
    }

    @Override
    public Map<PositionId, Integer> countFor(Collection<PositionId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("positionId").in(ids.stream().map(PositionId::value).toList())
                        .and("status").ne(ApplicationStatus.WITHDRAWN.name())),
                Aggregation.group("positionId").count().as("count"));
        Map<PositionId, Integer> counts = new HashMap<>();
        for (var row : mongo.aggregate(aggregation, "applications", Document.class)) {
            counts.put(new PositionId(String.valueOf(row.get("_id"))), ((Number) row.get("count")).intValue());
        }
        return counts;
    }

    /** Status and submission time of every application to the positions (no personal data); for monitoring. */
    public List<ApplicationFact> facts(Collection<PositionId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var query = org.springframework.data.mongodb.core.query.Query.query(Criteria.where("positionId")
                .in(ids.stream().map(PositionId::value).toList()));
        query.fields().include("positionId", "status", "submittedAt");
        return mongo.find(query, Document.class, "applications").stream()
                .map(d -> new ApplicationFact(new PositionId(d.getString("positionId")),
                        ApplicationStatus.valueOf(d.getString("status")), d.getDate("submittedAt").toInstant()))
                .toList();
    }

    /** Removes every application of an account (the applicant deleted their account). */
    public long eraseApplicant(AccountId applicant) {
        return repository.deleteByApplicantId(applicant.value());
    }

    /** Daily: anonymises applications whose position closed longer ago than the retention period. */
    @Scheduled(cron = "${portal.applications.retention-cron:0 17 3 * * *}", zone = "Europe/Oslo")
    void anonymiseExpired() {
        var cutoff = LocalDate.now(clock).minus(properties.retention()).atStartOfDay(ZoneId.of("Europe/Oslo"))
                .toInstant();
        int done = anonymiseClosedBefore(cutoff);
        if (done > 0) {
            log.info("Anonymised {} applications of positions closed before {}", done, cutoff);
        }
    }

    /** Anonymises the applications of positions closed before the instant; returns how many it changed. */
    int anonymiseClosedBefore(Instant cutoff) {
        var closed = positions.closedBefore(cutoff).stream().map(PositionId::value).toList();
        if (closed.isEmpty()) {
            return 0;
        }
        int done = 0;
        var now = Instant.now(clock);
        for (var document : repository.findByPositionIdInAndAnonymisedAtIsNull(closed)) {
            try {
                repository.save(document.anonymised(now));
                done++;
            } catch (OptimisticLockingFailureException e) {
                log.debug("Application {} changed while anonymising; the next run takes it", document.id());
            }
        }
        return done;
    }

    /** The profile's details as the application keeps them: the list title derived from the stage when unset. */
    private static no.alisportalen.account.ApplicantDetails snapshot(no.alisportalen.account.Account account) {
        var details = account.applicantDetails();
        return new no.alisportalen.account.ApplicantDetails(details.birthDate(), details.gender(),
                ApplicantListService.title(details.title(), account.stage()), details.phone(), details.education(),
                details.experience());
    }

    private void requireOpen(Position position) {
        if (position.status() != PositionStatus.PUBLISHED) {
            throw new ConflictException("conflict.application.positionClosed");
        }
        if (!position.isOpen(LocalDate.now(clock))) {
            throw new ConflictException("conflict.application.deadlinePassed");
        }
    }

    private ApplicationDocument save(ApplicationDocument next) {
        try {
            return repository.save(next);
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("conflict.application.stale");
        } catch (DuplicateKeyException e) {
            throw new ConflictException("conflict.application.duplicate");
        }
    }

    private static PortalUser requireUser() {
        return PortalUser.current().orElseThrow(() -> new AccessDeniedException("Login required"));
    }
}
