package no.alisportalen.base;

import java.time.Duration;

/** The client has used up an allowance (registrations per address, requests per key); the API answers 429. */
public class TooManyRequestsException extends RuntimeException {

    private final String messageKey;
    private final Duration retryAfter;

    public TooManyRequestsException(String messageKey, Duration retryAfter) {
        super(messageKey);
        this.messageKey = messageKey;
        this.retryAfter = retryAfter;
    }

    public String messageKey() {
        return messageKey;
    }

    /** When the client may try again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
