package no.alisportalen.account;

import java.util.Locale;

/**
 * Someone asked for a password reset for an existing account: the notification feature mails the single-use
 * link when SMTP is configured. The token is in the clear only here and in that e-mail; the store keeps its hash.
 */
/**
 * @param registration the link answers a registration with an address whose account was never confirmed: the mail
 *     then explains that choosing a password takes the account over and confirms the address
 */
public record PasswordResetRequested(String email, String name, String token, Locale locale, boolean registration) {}
