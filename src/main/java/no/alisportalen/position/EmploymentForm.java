package no.alisportalen.position;

/** Salaried (fastlønn) or self-employed (næringsdrift). */
public enum EmploymentForm {
    SALARIED,
    SELF_EMPLOYED
}
