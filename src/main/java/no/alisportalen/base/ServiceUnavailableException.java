package no.alisportalen.base;

/** A dependency is down and there is no fallback; the API answers 503 with a clear detail. */
public class ServiceUnavailableException extends RuntimeException {

    private final String messageKey;

    public ServiceUnavailableException(String messageKey, Throwable cause) {
        super(messageKey, cause);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
