package no.alisportalen.security;

import org.springframework.security.authentication.LockedException;

/** Too many failed logins for one account; the API answers 429, the login view explains it. */
class LoginThrottledException extends LockedException {

    LoginThrottledException() {
        super("Too many failed login attempts");
    }
}
