package no.alisportalen.account;

import org.springframework.security.access.AccessDeniedException;

/**
 * The account's address is not confirmed yet (only with SMTP configured): until it is, the account reaches no one
 * (no application, no round ranking, no couple), so nobody can act under another person's address (api-v1
 * "Security rules"). The API answers 403 {@code email-unconfirmed}.
 */
public final class EmailUnconfirmedException extends AccessDeniedException {

    public EmailUnconfirmedException() {
        super("The e-mail address is not confirmed");
    }
}
