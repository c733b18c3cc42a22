package no.alisportalen.application;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An applicant's request not to stand on the public applicant list, and the municipality's decision on it.
 *
 * @param reason the applicant's reason; null once the application has been anonymised
 * @param answerBy after a refusal: until when the applicant may withdraw or accept before being listed anyway
 * @param acceptedAt when the applicant accepted being listed after a refusal
 */
public record Exemption(
        @Nullable String reason,
        ExemptionState state,
        @Nullable String justification,
        Instant requestedAt,
        @Nullable Instant decidedAt,
        @Nullable Instant answerBy,
        @Nullable Instant acceptedAt) {

    public static final int REASON_MIN = 10;
    public static final int TEXT_MAX = 1_000;

    static Exemption requested(String reason, Instant now) {
        return new Exemption(reason, ExemptionState.REQUESTED, null, now, null, null, null);
    }

    Exemption decided(boolean granted, String justification, Instant now, Instant answerBy) {
        return new Exemption(reason, granted ? ExemptionState.GRANTED : ExemptionState.REFUSED, justification,
                requestedAt, now, granted ? null : answerBy, null);
    }

    Exemption accepted(Instant now) {
        return new Exemption(reason, state, justification, requestedAt, decidedAt, answerBy, now);
    }

    /** A refused applicant who has neither accepted nor run out of time still holds the list back. */
    boolean awaitsAnswer(Instant now) {
        return state == ExemptionState.REFUSED && acceptedAt == null && answerBy != null && now.isBefore(answerBy);
    }

    Exemption anonymised() {
        return new Exemption(null, state, null, requestedAt, decidedAt, answerBy, acceptedAt);
    }
}
