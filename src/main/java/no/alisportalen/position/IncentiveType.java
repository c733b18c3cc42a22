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
    OTHER;

    /**
     * Whether the national ALIS scheme knows this as an extra element (sick-leave compensation for self-employed
     * ALIS, co-location grants, locum schemes, extra leave, equipment, supervisor incentives, others); housing and
     * relocation are the municipality's own.
     */
    public boolean canBeSchemeElement() {
        return this != HOUSING && this != RELOCATION;
    }
}
