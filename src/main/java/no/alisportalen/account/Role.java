package no.alisportalen.account;

/** What a user may do; MUNICIPALITY and ALIS_OFFICE users are scoped to one municipality or region. */
public enum Role {
    APPLICANT,
    MUNICIPALITY,
    ALIS_OFFICE,
    ADMIN;

    /** Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Constants for {@code @RolesAllowed} and {@code @PreAuthorize}. */
    public static final class Names {
        public static final String APPLICANT = "APPLICANT";
        public static final String MUNICIPALITY = "MUNICIPALITY";
        public static final String ALIS_OFFICE = "ALIS_OFFICE";
        public static final String ADMIN = "ADMIN";

        private Names() {}
    }
}
