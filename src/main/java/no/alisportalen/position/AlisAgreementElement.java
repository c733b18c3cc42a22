package no.alisportalen.position;

/** The standard elements of the national ALIS agreement a municipality can offer. */
public enum AlisAgreementElement {
    PRACTICE_COMPENSATION,
    COURSE_EXPENSES,
    REDUCED_LIST_COMPENSATION,
    SUPERVISION_COSTS,
    NETWORK_GATHERINGS
}
