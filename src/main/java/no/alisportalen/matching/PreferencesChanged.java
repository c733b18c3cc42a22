package no.alisportalen.matching;

import no.alisportalen.account.AccountId;

/** An applicant saved new preferences (monitoring recounts latent demand, alerts may follow). */
public record PreferencesChanged(AccountId applicant) {}
