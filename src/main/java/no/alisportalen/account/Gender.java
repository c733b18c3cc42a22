package no.alisportalen.account;

/** Gender as applicant lists count it (offentleglova § 25: the list shows how many applied and their gender). */
public enum Gender {
    FEMALE,
    MALE,
    UNSPECIFIED
}
