package no.alisportalen.account;

/** A new applicant registered (monitoring counts them into the latent demand). */
public record ApplicantRegistered(AccountId account) {}
