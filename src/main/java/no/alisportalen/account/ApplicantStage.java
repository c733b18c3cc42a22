package no.alisportalen.account;

/** Where an applicant is in their career. */
public enum ApplicantStage {
    MEDICAL_STUDENT,
    LIS1,
    DOCTOR
}
