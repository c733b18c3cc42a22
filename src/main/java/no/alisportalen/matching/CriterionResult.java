package no.alisportalen.matching;

/** One line of a match's explanation; {@code detail} is in the reader's language. */
public record CriterionResult(MatchCriterion criterion, MatchOutcome outcome, String detail) {}
