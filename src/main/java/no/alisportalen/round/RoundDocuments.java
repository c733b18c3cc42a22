package no.alisportalen.round;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.alisportalen.municipality.Region;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** What the round feature stores: one document per round, per applicant's ranking, per couple, per position. */
final class RoundDocuments {

    private RoundDocuments() {}

    /**
     * @param seed breaks the only ties there are (the order couples enter), recorded so a match can be re-run
     * @param snapshot the rankings the match ran on, so the result can be re-computed and checked
     * @param purgedAt when the rankings and the snapshot were deleted after the retention period
     */
    @Document("rounds")
    record RoundDocument(@Id String id, @Version @Nullable Long version, String name, Region region,
            RoundStatus status, List<PositionEntry> positions, LocalDate applicantRankingDeadline,
            LocalDate municipalityRankingDeadline, long seed, Instant createdAt, String createdBy,
            @Nullable Instant matchedAt, @Nullable Instant publishedAt, @Nullable Snapshot snapshot,
            @Nullable StoredResult result, List<AuditEntry> audit, List<String> remindersSent,
            @Nullable Instant purgedAt) {

        Round toRound() {
            return new Round(id, version == null ? 0 : version, name, region, status,
                    positions.stream().map(p -> new Round.RoundPosition(new no.alisportalen.position.PositionId(
                            p.positionId()), p.capacity(), p.title(), p.municipalityNumber(), p.municipalityName()))
                            .toList(),
                    applicantRankingDeadline, municipalityRankingDeadline, createdAt, matchedAt, publishedAt);
        }
    }

    record PositionEntry(String positionId, int capacity, String title, String municipalityNumber,
            String municipalityName) {}

    record AuditEntry(Instant at, String actor, String action, String detail) {}

    /** The match's input in ids: singles' lists, couples' pair lists, positions' lists, capacities. */
    record Snapshot(List<String> applicants, List<String> positions, List<Integer> capacity,
            List<List<String>> applicantRanks, List<List<String>> positionRanks, List<List<String>> couples,
            List<List<List<String>>> coupleRanks) {}

    record StoredResult(List<List<String>> assignments, List<String> unmatched, List<List<String>> unfilled,
            boolean stable, String algorithm, int passes) {}

    /** An applicant's ranking of the round's positions (singles), with every earlier version — personal data. */
    @Document("round_applicant_rankings")
    record ApplicantRanking(@Id String id, String roundId, String applicantId, List<String> positionIds,
            Instant updatedAt, @Nullable List<Ranked> history) {}

    /** One submitted ranking: when, by whom (an actor as the audit trail writes it), what. */
    record Ranked(Instant at, String by, List<String> ids) {}

    /**
     * One half of a couple: who this applicant named as partner. The couple exists when both named each other.
     * The couple's pair ranking is kept on both halves, oriented to the half's owner (own position first).
     */
    @Document("round_couples")
    record CoupleHalf(@Id String id, String roundId, String applicantId, String partnerEmail,
            @Nullable String partnerId, List<List<String>> pairs, Instant updatedAt) {}

    /** A municipality's ranking of the candidates for one of its positions; those left out are unacceptable. */
    @Document("round_position_rankings")
    record PositionRanking(@Id String id, String roundId, String positionId, List<String> applicantIds,
            Instant updatedAt, String rankedBy, @Nullable List<Ranked> history) {}

    static List<Ranked> append(@Nullable List<Ranked> history, Ranked next) {
        var list = new java.util.ArrayList<Ranked>(history == null ? List.of() : history);
        list.add(next);
        return list;
    }

    static String key(String roundId, String other) {
        return roundId + ":" + other;
    }
}
