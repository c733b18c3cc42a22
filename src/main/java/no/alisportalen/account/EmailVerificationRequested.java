package no.alisportalen.account;

import java.util.Locale;

/**
 * A self-registered applicant must confirm the address before the portal mails it anything else: the
 * notification feature sends this link (the only mail an unconfirmed address gets).
 */
public record EmailVerificationRequested(String email, String name, String token, Locale locale) {}
