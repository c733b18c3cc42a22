package no.alisportalen.account;

import java.util.Locale;

/**
 * Someone asked for a password reset for an existing account: the notification feature mails the single-use
 * link when SMTP is configured. The token is in the clear only here and in that e-mail; the store keeps its hash.
 */
public record PasswordResetRequested(String email, String name, String token, Locale locale) {}
