package no.alisportalen.matching;

/** How much a yes/no feature matters: a hard constraint, a soft preference, or not at all. */
public enum Requirement {
    REQUIRED,
    PREFERRED,
    ANY
}
