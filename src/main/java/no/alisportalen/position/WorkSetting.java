package no.alisportalen.position;

/** Where the ALIS works: inside the regular GP scheme or outside it. */
public enum WorkSetting {
    GP_PRACTICE,
    NURSING_HOME,
    OUT_OF_HOURS,
    MUNICIPAL_ACUTE_UNIT,
    OTHER;

    /** Only GP practice positions have a patient list of their own. */
    public boolean hasPatientList() {
        return this == GP_PRACTICE;
    }
}
