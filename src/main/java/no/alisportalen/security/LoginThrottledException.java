package no.alisportalen.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** Too many failed logins; the API answers 429 with Retry-After, the login view explains it. */
class LoginThrottledException extends LockedException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed login attempts");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
