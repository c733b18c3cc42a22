package no.alisportalen.round;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.PositionId;
import org.jspecify.annotations.Nullable;

/** A match round as the API and the views show it. */
public record Round(String id, long version, String name, Region region, RoundStatus status,
        List<RoundPosition> positions, LocalDate applicantRankingDeadline, LocalDate municipalityRankingDeadline,
        Instant createdAt, @Nullable Instant matchedAt, @Nullable Instant publishedAt) {

    public Round {
        positions = List.copyOf(positions);
    }

    /** A position of the round; {@code capacity} is its openings when the round was created. */
    public record RoundPosition(PositionId positionId, int capacity, String title, String municipalityNumber,
            String municipalityName) {}
}
