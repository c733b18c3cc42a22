package no.alisportalen.matching;

/**
 * What relaxing one hard constraint would add.
 *
 * @param constraint which one (a {@link MatchCriterion} name)
 * @param description the relaxation in the reader's language, e.g. "if you accept on-call 1:4"
 * @param additional how many more open positions it would let through
 */
public record WhatIf(MatchCriterion constraint, String description, long additional) {}
