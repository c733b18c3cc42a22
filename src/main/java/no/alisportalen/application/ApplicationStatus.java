package no.alisportalen.application;

/**
 * Where an application stands. The municipality moves it along RECEIVED → INTERVIEW → OFFERED → ACCEPTED, or to
 * REJECTED at any point before ACCEPTED; the applicant may withdraw it until it is accepted or rejected.
 */
public enum ApplicationStatus {
    RECEIVED,
    INTERVIEW,
    OFFERED,
    ACCEPTED,
    REJECTED,
    WITHDRAWN;

    /** Accepted, rejected and withdrawn applications do not move any more. */
    public boolean isFinal() {
        return this == ACCEPTED || this == REJECTED || this == WITHDRAWN;
    }

    /** Whether the municipality may move an application from this status to {@code next}. */
    public boolean municipalityMayMoveTo(ApplicationStatus next) {
        if (isFinal() || next == WITHDRAWN || next == this) {
            return false;
        }
        // An offer comes before its acceptance; earlier steps may be corrected (a mistaken click).
        return next != ACCEPTED || this == OFFERED;
    }
}
