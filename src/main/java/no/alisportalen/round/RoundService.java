package no.alisportalen.round;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.alisportalen.account.AccountId;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.ApplicantStage;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import no.alisportalen.base.ConflictException;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.NotFoundException;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.PositionStatus;
import no.alisportalen.round.RoundDocuments.ApplicantRanking;
import no.alisportalen.round.RoundDocuments.AuditEntry;
import no.alisportalen.round.RoundDocuments.CoupleHalf;
import no.alisportalen.round.RoundDocuments.PositionEntry;
import no.alisportalen.round.RoundDocuments.PositionRanking;
import no.alisportalen.round.RoundDocuments.RoundDocument;
import no.alisportalen.round.RoundDocuments.Snapshot;
import no.alisportalen.round.RoundDocuments.StoredResult;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import no.alisportalen.application.ApplicationService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Match rounds: an ALIS office (or admin) opens a round on its region's published positions, applicants rank
 * the positions (alone or as a couple ranking pairs), municipalities rank the applicants who ranked theirs, the
 * office runs the match ({@link DeferredAcceptance}) and publishes it; each side then sees its own part.
 * Rankings can change until the match runs (409 afterwards).
 */
@Service
public class RoundService {

    static final int MAX_RANKED = 50;
    public static final int NAME_MAX = 120;

    /** A new round as the API and the office's form send it. */
    public record NewRound(@Nullable String name, @Nullable Region region, @Nullable List<String> positionIds,
            @Nullable LocalDate applicantRankingDeadline, @Nullable LocalDate municipalityRankingDeadline) {}

    /** A couple's pair: the caller's own position first. */
    public record Pair(@Nullable String positionId, @Nullable String partnerPositionId) {}

    /** The caller's side of a round as an applicant. */
    public record MyRanking(List<PositionId> positionIds, @Nullable String partnerEmail, boolean coupleFormed,
            List<Pair> pairs) {}

    /** Someone who ranked a municipality's position, with what the municipality may read of them. */
    public record Candidate(AccountId applicantId, String name, @Nullable ApplicantStage stage, String email,
            boolean inCouple) {}

    public record PositionRankingView(List<Candidate> candidates, List<AccountId> applicantIds) {}

    /** How far a round has come, for the office. */
    public record Progress(int applicantsRanked, int couplesFormed, List<PositionId> positionsUnranked) {}

    private final MongoTemplate mongo;
    private final PositionService positions;
    private final AccountService accounts;
    private final ApplicationService applications;
    private final Clock clock;

    RoundService(MongoTemplate mongo, PositionService positions, AccountService accounts,
            ApplicationService applications, Clock clock) {
        this.mongo = mongo;
        this.positions = positions;
        this.accounts = accounts;
        this.applications = applications;
        this.clock = clock;
    }

    // ---- the office's side

    @PreAuthorize("hasAnyRole('ALIS_OFFICE','ADMIN')")
    public Round create(NewRound input) {
        var user = requireUser();
        List<FieldProblem> problems = new ArrayList<>();
        var name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            problems.add(FieldProblem.of("name", "validation.round.name", NAME_MAX));
        }
        var region = input.region();
        if (region == null) {
            problems.add(FieldProblem.of("region", "validation.required"));
        } else if (!user.oversees(region)) {
            throw new AccessDeniedException("Not this office's region");
        }
        var ids = input.positionIds() == null ? List.<String>of() : input.positionIds();
        List<PositionEntry> entries = new ArrayList<>();
        if (ids.isEmpty()) {
            problems.add(FieldProblem.of("positionIds", "validation.round.positions"));
        } else if (new HashSet<>(ids).size() != ids.size()) {
            problems.add(FieldProblem.of("positionIds", "validation.round.repeated"));
        } else if (ids.size() > 500) {
            problems.add(FieldProblem.of("positionIds", "validation.round.tooMany", 500));
        } else {
            for (var id : ids) {
                var position = id == null ? Optional.<no.alisportalen.position.Position>empty()
                        : positions.find(new PositionId(id));
                if (position.isEmpty() || position.get().status() != PositionStatus.PUBLISHED
                        || (region != null && position.get().region() != region)) {
                    problems.add(FieldProblem.of("positionIds", "validation.round.position", String.valueOf(id)));
                    break;
                }
                var p = position.get();
                entries.add(new PositionEntry(p.id().value(), Math.max(1, Objects.requireNonNullElse(
                        p.data().openings(), 1)), Objects.requireNonNullElse(p.data().title(), ""),
                        p.municipalityNumber(), p.municipalityName()));
            }
        }
        var today = LocalDate.now(clock);
        var applicantDeadline = input.applicantRankingDeadline();
        var municipalityDeadline = input.municipalityRankingDeadline();
        if (applicantDeadline == null || applicantDeadline.isBefore(today)) {
            problems.add(FieldProblem.of("applicantRankingDeadline", "validation.round.deadline"));
        }
        if (municipalityDeadline == null || (applicantDeadline != null
                && municipalityDeadline.isBefore(applicantDeadline))) {
            problems.add(FieldProblem.of("municipalityRankingDeadline", "validation.round.municipalityDeadline"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var now = Instant.now(clock);
        var document = new RoundDocument(new ObjectId().toHexString(), null, name, Objects.requireNonNull(region),
                RoundStatus.OPEN, entries, Objects.requireNonNull(applicantDeadline),
                Objects.requireNonNull(municipalityDeadline), new java.security.SecureRandom().nextLong(), now,
                user.actor(), null, null, null, null, List.of(new AuditEntry(now, user.actor(), "CREATED",
                        entries.size() + " positions")), List.of(), null);
        return mongo.insert(document).toRound();
    }

    /** Rounds of a region (all regions when null): OPEN and PUBLISHED for anyone, all for its office and admins. */
    public List<Round> list(@Nullable Region region) {
        var user = PortalUser.current();
        var query = region == null ? new Query() : Query.query(Criteria.where("region").is(region));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt")), RoundDocument.class).stream()
                .filter(d -> visible(d, user.orElse(null))).map(RoundDocument::toRound).toList();
    }

    public Optional<Round> find(String id) {
        return load(id).map(RoundDocument::toRound);
    }

    /** One round, if the caller may see it (as {@link #list} would show it). */
    public Optional<Round> findVisible(String id) {
        return load(id).filter(d -> visible(d, PortalUser.current().orElse(null))).map(RoundDocument::toRound);
    }

    @PreAuthorize("hasAnyRole('ALIS_OFFICE','ADMIN')")
    public Progress progress(String id) {
        var round = overseen(id);
        var rankings = mongo.find(Query.query(Criteria.where("roundId").is(id)), ApplicantRanking.class);
        var formed = formedCouples(id);
        Set<String> ranked = new HashSet<>();
        mongo.find(Query.query(Criteria.where("roundId").is(id)), PositionRanking.class)
                .forEach(r -> ranked.add(r.positionId()));
        var unranked = round.positions().stream().map(PositionEntry::positionId).filter(p -> !ranked.contains(p))
                .map(PositionId::new).toList();
        return new Progress((int) rankings.stream().filter(r -> !r.positionIds().isEmpty()).count(),
                formed.size(), unranked);
    }

    @PreAuthorize("hasAnyRole('ALIS_OFFICE','ADMIN')")
    public RoundResult match(String id) {
        var round = overseen(id);
        requireStatus(round, RoundStatus.OPEN, "conflict.round.notOpen");
        var snapshot = snapshot(round);
        var input = toInput(snapshot);
        var engineResult = DeferredAcceptance.match(input, round.seed());
        var stored = store(snapshot, input, engineResult);
        var now = Instant.now(clock);
        var user = requireUser();
        save(new RoundDocument(round.id(), round.version(), round.name(), round.region(), RoundStatus.MATCHED,
                round.positions(), round.applicantRankingDeadline(), round.municipalityRankingDeadline(),
                round.seed(), round.createdAt(), round.createdBy(), now, null, snapshot, stored,
                with(round.audit(), new AuditEntry(now, user.actor(), "MATCHED", stored.assignments().size()
                        + " assigned, stable " + stored.stable())), round.remindersSent(), null));
        return toResult(stored);
    }

    @PreAuthorize("hasAnyRole('ALIS_OFFICE','ADMIN')")
    public Round publish(String id) {
        var round = overseen(id);
        requireStatus(round, RoundStatus.MATCHED, "conflict.round.notMatched");
        var now = Instant.now(clock);
        var saved = save(new RoundDocument(round.id(), round.version(), round.name(), round.region(),
                RoundStatus.PUBLISHED, round.positions(), round.applicantRankingDeadline(),
                round.municipalityRankingDeadline(), round.seed(), round.createdAt(), round.createdBy(),
                round.matchedAt(), now, round.snapshot(), round.result(), with(round.audit(),
                        new AuditEntry(now, requireUser().actor(), "PUBLISHED", "")), round.remindersSent(), null));
        // Each assignment becomes an offer in the applicant's applications (the application feature's rules).
        for (var assignment : toResult(Objects.requireNonNull(round.result())).assignments()) {
            applications.offerFromRound(assignment.positionId(), assignment.applicantId(), round.name());
        }
        return saved.toRound();
    }

    @PreAuthorize("hasAnyRole('ALIS_OFFICE','ADMIN')")
    public Round cancel(String id) {
        var round = overseen(id);
        if (round.status() != RoundStatus.OPEN && round.status() != RoundStatus.MATCHED) {
            throw new ConflictException("conflict.round.notOpen");
        }
        var now = Instant.now(clock);
        return save(new RoundDocument(round.id(), round.version(), round.name(), round.region(),
                RoundStatus.CANCELLED, round.positions(), round.applicantRankingDeadline(),
                round.municipalityRankingDeadline(), round.seed(), round.createdAt(), round.createdBy(),
                round.matchedAt(), null, round.snapshot(), round.result(), with(round.audit(),
                        new AuditEntry(now, requireUser().actor(), "CANCELLED", "")), round.remindersSent(), null))
                .toRound();
    }

    /** The office sees everything; after publication a municipality its positions, an applicant its own. */
    public RoundResult result(String id) {
        var user = requireUser();
        var round = load(id).filter(d -> takesPart(d, user)).orElseThrow(() -> new NotFoundException("round"));
        if (round.result() == null) {
            throw new ConflictException("conflict.round.notMatched");
        }
        var all = toResult(round.result());
        if (user.oversees(round.region())) {
            return all;
        }
        if (round.status() != RoundStatus.PUBLISHED) {
            throw new ConflictException("conflict.round.notPublished");
        }
        if (user.role() == Role.MUNICIPALITY) {
            Set<String> mine = new HashSet<>();
            round.positions().stream().filter(p -> user.actsFor(p.municipalityNumber()))
                    .forEach(p -> mine.add(p.positionId()));
            return new RoundResult(all.assignments().stream().filter(a -> mine.contains(a.positionId().value()))
                    .toList(), List.of(), all.unfilledPositions().stream()
                    .filter(u -> mine.contains(u.positionId().value())).toList(), all.stable(), all.algorithm());
        }
        return new RoundResult(all.assignments().stream().filter(a -> a.applicantId().equals(user.id())).toList(),
                all.unmatchedApplicants().stream().filter(user.id()::equals).toList(), List.of(), all.stable(),
                all.algorithm());
    }

    // ---- the applicant's side

    @PreAuthorize("hasRole('APPLICANT')")
    public MyRanking myRanking(String id) {
        var user = requireUser();
        var round = load(id).filter(d -> takesPart(d, user)).orElseThrow(() -> new NotFoundException("round"));
        var ranking = mongo.findById(RoundDocuments.key(round.id(), user.id().value()), ApplicantRanking.class);
        var half = mongo.findById(RoundDocuments.key(round.id(), user.id().value()), CoupleHalf.class);
        boolean formed = half != null && formedCouples(round.id()).stream()
                .anyMatch(c -> c.contains(user.id().value()));
        var pairs = half == null ? List.<Pair>of()
                : pairsOf(round.id(), user.id().value()).stream().map(p -> new Pair(p.get(0), p.get(1))).toList();
        return new MyRanking(ranking == null ? List.of() : ranking.positionIds().stream().map(PositionId::new).toList(),
                half == null ? null : half.partnerEmail(), formed, pairs);
    }

    /** A single applicant's ranking, best first: the round's positions only, no repeats, at most 50. */
    @PreAuthorize("hasRole('APPLICANT')")
    public MyRanking rankPositions(String id, @Nullable List<String> positionIds) {
        var user = requireUser();
        accounts.requireConfirmed(user.id());
        var round = openForApplicants(id);
        if (formedCouples(id).stream().anyMatch(c -> c.contains(user.id().value()))) {
            throw new ConflictException("conflict.round.coupleRanksPairs");
        }
        var ids = checkedPositions(round, positionIds, "positionIds");
        var now = Instant.now(clock);
        var key = RoundDocuments.key(id, user.id().value());
        var before = mongo.findById(key, ApplicantRanking.class);
        mongo.save(new ApplicantRanking(key, id, user.id().value(), ids, now, RoundDocuments.append(
                before == null ? null : before.history(), new RoundDocuments.Ranked(now, user.actor(), ids))));
        return myRanking(id);
    }

    /**
     * Names the partner; the couple exists once the partner names the caller too. The answer is the same whether
     * the address is unknown, not an applicant's or an applicant's (api-v1 "Security rules"): naming cannot probe
     * for accounts. Only a confirmed applicant can be the other half of a couple.
     */
    @PreAuthorize("hasRole('APPLICANT')")
    public MyRanking couple(String id, @Nullable String partnerEmail) {
        var user = requireUser();
        accounts.requireConfirmed(user.id());
        openForApplicants(id);
        var email = partnerEmail == null ? "" : partnerEmail.strip().toLowerCase(java.util.Locale.ROOT);
        // Refused alike for everyone: no address, one too long to be one, or the caller's own.
        if (email.isEmpty() || email.length() > 254 || email.equals(user.account().email())) {
            throw new InvalidInputException(FieldProblem.of("partnerEmail", "validation.round.partner"));
        }
        var partnerId = accounts.findByEmail(email)
                .filter(a -> a.role() == Role.APPLICANT && a.emailVerified()).map(a -> a.id().value()).orElse(null);
        var key = RoundDocuments.key(id, user.id().value());
        var existing = mongo.findById(key, CoupleHalf.class);
        var pairs = existing != null && partnerId != null && partnerId.equals(existing.partnerId()) ? existing.pairs()
                : List.<List<String>>of();
        mongo.save(new CoupleHalf(key, id, user.id().value(), email, partnerId, pairs, Instant.now(clock)));
        return myRanking(id);
    }

    /** A couple's ranking of pairs, best first, own position first; the last submission of either stands. */
    @PreAuthorize("hasRole('APPLICANT')")
    public MyRanking rankPairs(String id, @Nullable List<Pair> pairs) {
        var user = requireUser();
        accounts.requireConfirmed(user.id());
        var round = openForApplicants(id);
        var couple = formedCouples(id).stream().filter(c -> c.contains(user.id().value())).findFirst()
                .orElseThrow(() -> new ConflictException("conflict.round.notInCouple"));
        var list = pairs == null ? List.<Pair>of() : pairs;
        if (list.size() > MAX_RANKED) {
            throw new InvalidInputException(FieldProblem.of("pairs", "validation.round.tooMany", MAX_RANKED));
        }
        Set<String> inRound = new HashSet<>();
        round.positions().forEach(p -> inRound.add(p.positionId()));
        Set<List<String>> seen = new HashSet<>();
        List<List<String>> own = new ArrayList<>();
        for (var pair : list) {
            if (pair == null || !inRound.contains(pair.positionId()) || !inRound.contains(pair.partnerPositionId())) {
                throw new InvalidInputException(FieldProblem.of("pairs", "validation.round.unknownPosition"));
            }
            var entry = List.of(Objects.requireNonNull(pair.positionId()),
                    Objects.requireNonNull(pair.partnerPositionId()));
            if (!seen.add(entry)) {
                throw new InvalidInputException(FieldProblem.of("pairs", "validation.round.repeated"));
            }
            own.add(entry);
        }
        var partner = couple.first().equals(user.id().value()) ? couple.second() : couple.first();
        var now = Instant.now(clock);
        var mine = Objects.requireNonNull(mongo.findById(RoundDocuments.key(id, user.id().value()), CoupleHalf.class));
        var theirs = Objects.requireNonNull(mongo.findById(RoundDocuments.key(id, partner), CoupleHalf.class));
        mongo.save(new CoupleHalf(mine.id(), id, mine.applicantId(), mine.partnerEmail(), mine.partnerId(), own, now));
        mongo.save(new CoupleHalf(theirs.id(), id, theirs.applicantId(), theirs.partnerEmail(), theirs.partnerId(),
                own.stream().map(p -> List.of(p.get(1), p.get(0))).toList(), now));
        return myRanking(id);
    }

    // ---- the municipality's side

    @PreAuthorize("hasAnyRole('MUNICIPALITY','ADMIN')")
    public PositionRankingView positionRanking(String id, String positionId) {
        var round = ownedPosition(id, positionId);
        var candidates = candidates(round.id(), positionId);
        var ranking = mongo.findById(RoundDocuments.key(id, positionId), PositionRanking.class);
        return new PositionRankingView(candidates, ranking == null ? List.of()
                : ranking.applicantIds().stream().map(AccountId::new).toList());
    }

    /** The municipality's ranking of the candidates, best first; candidates left out are not acceptable. */
    @PreAuthorize("hasAnyRole('MUNICIPALITY','ADMIN')")
    public PositionRankingView rankCandidates(String id, String positionId, @Nullable List<String> applicantIds) {
        var round = ownedPosition(id, positionId);
        requireStatus(round, RoundStatus.OPEN, "conflict.round.notOpen");
        if (LocalDate.now(clock).isAfter(round.municipalityRankingDeadline())) {
            throw new ConflictException("conflict.round.deadlinePassed");
        }
        var ids = applicantIds == null ? List.<String>of() : applicantIds;
        Set<String> candidates = new HashSet<>();
        candidates(id, positionId).forEach(c -> candidates.add(c.applicantId().value()));
        if (ids.size() != new HashSet<>(ids).size()) {
            throw new InvalidInputException(FieldProblem.of("applicantIds", "validation.round.repeated"));
        }
        if (!candidates.containsAll(ids)) {
            throw new InvalidInputException(FieldProblem.of("applicantIds", "validation.round.unknownCandidate"));
        }
        var user = requireUser();
        var now = Instant.now(clock);
        var before = mongo.findById(RoundDocuments.key(id, positionId), PositionRanking.class);
        mongo.save(new PositionRanking(RoundDocuments.key(id, positionId), id, positionId, List.copyOf(ids), now,
                user.actor(), RoundDocuments.append(before == null ? null : before.history(),
                        new RoundDocuments.Ranked(now, user.actor(), List.copyOf(ids)))));
        appendAudit(round, new AuditEntry(now, user.actor(), "POSITION_RANKED", positionId + ": " + ids.size()));
        return positionRanking(id, positionId);
    }

    // ---- personal data

    List<Object> export(AccountId applicant) {
        List<Object> out = new ArrayList<>();
        out.addAll(mongo.find(Query.query(Criteria.where("applicantId").is(applicant.value())), ApplicantRanking.class));
        out.addAll(mongo.find(Query.query(Criteria.where("applicantId").is(applicant.value())), CoupleHalf.class));
        return out;
    }

    void erase(AccountId applicant) {
        var own = Query.query(Criteria.where("applicantId").is(applicant.value()));
        mongo.remove(own, ApplicantRanking.class);
        mongo.remove(own, CoupleHalf.class);
        // Municipalities' rankings of this applicant lose the entry; results keep only the opaque id.
        for (var ranking : mongo.find(Query.query(Criteria.where("applicantIds").is(applicant.value())),
                PositionRanking.class)) {
            mongo.save(new PositionRanking(ranking.id(), ranking.roundId(), ranking.positionId(),
                    ranking.applicantIds().stream().filter(a -> !a.equals(applicant.value())).toList(),
                    ranking.updatedAt(), ranking.rankedBy(), ranking.history() == null ? null
                            : ranking.history().stream().map(r -> new RoundDocuments.Ranked(r.at(), r.by(),
                                    r.ids().stream().filter(a -> !a.equals(applicant.value())).toList())).toList()));
        }
    }

    // ---- internals

    private record Couple(String first, String second) {
        boolean contains(String applicant) {
            return first.equals(applicant) || second.equals(applicant);
        }
    }

    /** Couples where both halves named each other; first is the smaller id. */
    private List<Couple> formedCouples(String roundId) {
        var halves = mongo.find(Query.query(Criteria.where("roundId").is(roundId)), CoupleHalf.class);
        Map<String, String> named = new HashMap<>();
        halves.forEach(h -> named.put(h.applicantId(), h.partnerId()));
        Set<Couple> couples = new TreeSet<>(Comparator.comparing(Couple::first).thenComparing(Couple::second));
        for (var half : halves) {
            var partner = half.partnerId();
            if (partner != null && half.applicantId().equals(named.get(partner))) {
                var a = half.applicantId();
                couples.add(a.compareTo(partner) < 0 ? new Couple(a, partner) : new Couple(partner, a));
            }
        }
        return List.copyOf(couples);
    }

    /** The couple's pairs as the applicant's half holds them (own position first). */
    private List<List<String>> pairsOf(String roundId, String applicant) {
        var half = mongo.findById(RoundDocuments.key(roundId, applicant), CoupleHalf.class);
        return half == null ? List.of() : half.pairs();
    }

    private List<Candidate> candidates(String roundId, String positionId) {
        var formed = formedCouples(roundId);
        Set<String> ids = new TreeSet<>();
        mongo.find(Query.query(Criteria.where("roundId").is(roundId).and("positionIds").is(positionId)),
                ApplicantRanking.class).stream()
                .filter(r -> formed.stream().noneMatch(c -> c.contains(r.applicantId())))
                .forEach(r -> ids.add(r.applicantId()));
        Set<String> coupled = new HashSet<>();
        for (var couple : formed) {
            for (var pair : pairsOf(roundId, couple.first())) {
                if (pair.get(0).equals(positionId)) {
                    ids.add(couple.first());
                    coupled.add(couple.first());
                }
                if (pair.get(1).equals(positionId)) {
                    ids.add(couple.second());
                    coupled.add(couple.second());
                }
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (var id : ids) {
            accounts.find(new AccountId(id)).ifPresent(a -> out.add(new Candidate(a.id(), a.name(), a.stage(),
                    a.email(), coupled.contains(id))));
        }
        return out;
    }

    private Snapshot snapshot(RoundDocument round) {
        var formed = formedCouples(round.id());
        Set<String> inCouples = new HashSet<>();
        formed.forEach(c -> {
            inCouples.add(c.first());
            inCouples.add(c.second());
        });
        Map<String, List<String>> singles = new java.util.TreeMap<>();
        for (var ranking : mongo.find(Query.query(Criteria.where("roundId").is(round.id())), ApplicantRanking.class)) {
            if (!inCouples.contains(ranking.applicantId()) && !ranking.positionIds().isEmpty()) {
                singles.put(ranking.applicantId(), ranking.positionIds());
            }
        }
        List<List<String>> couples = new ArrayList<>();
        List<List<List<String>>> coupleRanks = new ArrayList<>();
        for (var couple : formed) {
            var pairs = pairsOf(round.id(), couple.first());
            if (!pairs.isEmpty()) {
                couples.add(List.of(couple.first(), couple.second()));
                coupleRanks.add(pairs);
            }
        }
        Set<String> applicants = new TreeSet<>(singles.keySet());
        couples.forEach(applicants::addAll);
        var positionIds = round.positions().stream().map(PositionEntry::positionId).toList();
        Map<String, List<String>> byPosition = new HashMap<>();
        mongo.find(Query.query(Criteria.where("roundId").is(round.id())), PositionRanking.class)
                .forEach(r -> byPosition.put(r.positionId(), r.applicantIds().stream()
                        .filter(applicants::contains).toList()));
        var applicantList = List.copyOf(applicants);
        return new Snapshot(applicantList, positionIds, round.positions().stream().map(PositionEntry::capacity)
                .toList(), applicantList.stream().map(a -> singles.getOrDefault(a, List.of())).toList(),
                positionIds.stream().map(p -> byPosition.getOrDefault(p, List.of())).toList(), couples, coupleRanks);
    }

    static MatchInput toInput(Snapshot snapshot) {
        Map<String, Integer> applicant = new HashMap<>();
        for (int i = 0; i < snapshot.applicants().size(); i++) {
            applicant.put(snapshot.applicants().get(i), i);
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < snapshot.positions().size(); i++) {
            position.put(snapshot.positions().get(i), i);
        }
        var capacity = snapshot.capacity().stream().mapToInt(Integer::intValue).toArray();
        var applicantRanks = snapshot.applicantRanks().stream()
                .map(list -> list.stream().filter(position::containsKey).mapToInt(position::get).toArray())
                .toArray(int[][]::new);
        var positionRanks = snapshot.positionRanks().stream()
                .map(list -> list.stream().filter(applicant::containsKey).mapToInt(applicant::get).toArray())
                .toArray(int[][]::new);
        var couples = snapshot.couples().stream()
                .map(c -> new int[] {applicant.get(c.get(0)), applicant.get(c.get(1))}).toArray(int[][]::new);
        var coupleRanks = snapshot.coupleRanks().stream().map(pairs -> pairs.stream()
                .filter(p -> position.containsKey(p.get(0)) && position.containsKey(p.get(1)))
                .map(p -> new int[] {position.get(p.get(0)), position.get(p.get(1))}).toArray(int[][]::new))
                .toArray(int[][][]::new);
        return new MatchInput(capacity, applicantRanks, positionRanks, couples, coupleRanks);
    }

    private static StoredResult store(Snapshot snapshot, MatchInput input, MatchResult result) {
        List<List<String>> assignments = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        int[] filled = new int[input.positions()];
        for (int a = 0; a < input.applicants(); a++) {
            int p = result.assignment()[a];
            if (p >= 0) {
                assignments.add(List.of(snapshot.applicants().get(a), snapshot.positions().get(p)));
                filled[p]++;
            } else {
                unmatched.add(snapshot.applicants().get(a));
            }
        }
        List<List<String>> unfilled = new ArrayList<>();
        for (int p = 0; p < input.positions(); p++) {
            if (filled[p] < input.capacity()[p]) {
                unfilled.add(List.of(snapshot.positions().get(p), Integer.toString(input.capacity()[p] - filled[p])));
            }
        }
        return new StoredResult(assignments, unmatched, unfilled, result.stable(), result.algorithm(),
                result.passes());
    }

    private static RoundResult toResult(StoredResult stored) {
        return new RoundResult(stored.assignments().stream().map(a -> new RoundResult.Assignment(
                new AccountId(a.get(0)), new PositionId(a.get(1)))).toList(),
                stored.unmatched().stream().map(AccountId::new).toList(),
                stored.unfilled().stream().map(u -> new RoundResult.Unfilled(new PositionId(u.get(0)),
                        Integer.parseInt(u.get(1)))).toList(), stored.stable(), stored.algorithm());
    }

    private List<String> checkedPositions(RoundDocument round, @Nullable List<String> positionIds, String field) {
        var ids = positionIds == null ? List.<String>of() : positionIds;
        if (ids.size() > MAX_RANKED) {
            throw new InvalidInputException(FieldProblem.of(field, "validation.round.tooMany", MAX_RANKED));
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new InvalidInputException(FieldProblem.of(field, "validation.round.repeated"));
        }
        Set<String> inRound = new HashSet<>();
        round.positions().forEach(p -> inRound.add(p.positionId()));
        if (!inRound.containsAll(ids)) {
            throw new InvalidInputException(FieldProblem.of(field, "validation.round.unknownPosition"));
        }
        return List.copyOf(ids);
    }

    private RoundDocument openForApplicants(String id) {
        var user = requireUser();
        var round = load(id).filter(d -> takesPart(d, user)).orElseThrow(() -> new NotFoundException("round"));
        requireStatus(round, RoundStatus.OPEN, "conflict.round.notOpen");
        if (LocalDate.now(clock).isAfter(round.applicantRankingDeadline())) {
            throw new ConflictException("conflict.round.deadlinePassed");
        }
        return round;
    }

    private RoundDocument ownedPosition(String id, String positionId) {
        var user = requireUser();
        var round = load(id).filter(d -> takesPart(d, user)).orElseThrow(() -> new NotFoundException("round"));
        var position = round.positions().stream().filter(p -> p.positionId().equals(positionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("position"));
        if (!user.actsFor(position.municipalityNumber())) {
            throw new AccessDeniedException("Not this municipality's position");
        }
        return round;
    }

    private RoundDocument overseen(String id) {
        var user = requireUser();
        var round = load(id).filter(d -> visible(d, user)).orElseThrow(() -> new NotFoundException("round"));
        if (!user.oversees(round.region())) {
            throw new AccessDeniedException("Not this office's region");
        }
        return round;
    }

    private Optional<RoundDocument> load(String id) {
        return id.matches("[0-9a-f]{24}") ? Optional.ofNullable(mongo.findById(id, RoundDocument.class))
                : Optional.empty();
    }

    /** Who takes part sees the round until it is cancelled, so late rankings get 409, not 404. */
    private static boolean takesPart(RoundDocument round, PortalUser user) {
        return round.status() != RoundStatus.CANCELLED || user.oversees(round.region());
    }

    private static boolean visible(RoundDocument round, @Nullable PortalUser user) {
        return round.status() == RoundStatus.OPEN || round.status() == RoundStatus.PUBLISHED
                || (user != null && user.oversees(round.region()));
    }

    private static void requireStatus(RoundDocument round, RoundStatus status, String message) {
        if (round.status() != status) {
            throw new ConflictException(message);
        }
    }

    private RoundDocument save(RoundDocument next) {
        try {
            return mongo.save(next);
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("conflict.round.stale");
        }
    }

    /** Appends to the round's audit trail in place (one document update). */
    private void appendAudit(RoundDocument round, AuditEntry entry) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(round.id())),
                // The version moves too: a concurrent whole-document save (match, publish) then fails instead of dropping it.
                new org.springframework.data.mongodb.core.query.Update().push("audit", entry).inc("version", 1),
                RoundDocument.class);
    }

    private static List<AuditEntry> with(List<AuditEntry> audit, AuditEntry entry) {
        var next = new ArrayList<>(audit);
        next.add(entry);
        return next;
    }

    private static PortalUser requireUser() {
        return PortalUser.current().orElseThrow(() -> new AccessDeniedException("Login required"));
    }
}
