package no.alisportalen.round;

import java.util.List;
import no.alisportalen.account.AccountId;
import no.alisportalen.position.PositionId;

/**
 * A match's outcome (shared/docs/api-v1.md, "Match rounds"); each side sees only its own part of it.
 *
 * @param stable the independent stability checker's verdict on this assignment
 */
public record RoundResult(List<Assignment> assignments, List<AccountId> unmatchedApplicants,
        List<Unfilled> unfilledPositions, boolean stable, String algorithm) {

    public RoundResult {
        assignments = List.copyOf(assignments);
        unmatchedApplicants = List.copyOf(unmatchedApplicants);
        unfilledPositions = List.copyOf(unfilledPositions);
    }

    public record Assignment(AccountId applicantId, PositionId positionId) {}

    public record Unfilled(PositionId positionId, int vacancies) {}
}
