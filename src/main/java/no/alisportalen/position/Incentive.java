package no.alisportalen.position;

import org.jspecify.annotations.Nullable;

/** One extra incentive; the amount is whole NOK per year where it has one. */
public record Incentive(@Nullable IncentiveType type, @Nullable Integer annualAmountNok, @Nullable String description) {}
