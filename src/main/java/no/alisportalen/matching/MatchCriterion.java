package no.alisportalen.matching;

/** The criteria a match is explained by; each appears when the preferences say something about it. */
public enum MatchCriterion {
    LOCATION,
    DISTANCE,
    EMPLOYMENT_FORM,
    SETTING,
    LIST_LENGTH,
    SALARY,
    INTRODUCTION_AGREEMENT,
    SUPERVISION,
    ON_CALL,
    START_DATE,
    INCENTIVES
}
