package no.alisportalen.application;

/** Where an applicant's request to be left off the applicant list stands (api-v1 "Applicant lists"). */
public enum ExemptionState {
    REQUESTED,
    GRANTED,
    REFUSED
}
