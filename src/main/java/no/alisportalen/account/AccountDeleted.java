package no.alisportalen.account;

/** An account and everything about it was deleted at its owner's request. */
public record AccountDeleted(AccountId account) {}
