package no.alisportalen.round;

import java.util.List;

/** A round's result was published: each assigned applicant now has an offer for the assigned position. */
public record RoundPublished(String roundId, String roundName, List<RoundResult.Assignment> assignments) {

    public RoundPublished {
        assignments = List.copyOf(assignments);
    }
}
