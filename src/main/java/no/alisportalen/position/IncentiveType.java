package no.alisportalen.position;

/** Extra incentives, typically in recruitment-weak municipalities. */
public enum IncentiveType {
    LOCUM_SCHEME,
    SICK_LEAVE_COMPENSATION,
    COLOCATION_GRANT,
    EXTRA_LEAVE,
    EQUIPMENT,
    SUPERVISOR_INCENTIVE,
    HOUSING,
    RELOCATION,
    OTHER
}
