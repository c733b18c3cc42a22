package no.alisportalen.application;

/**
 * OPEN while applications may still come (never shown), PENDING from the end of the period while a request is
 * undecided or a refused applicant may still answer, then PUBLISHED for good.
 */
public enum ApplicantListStatus {
    OPEN,
    PENDING,
    PUBLISHED
}
