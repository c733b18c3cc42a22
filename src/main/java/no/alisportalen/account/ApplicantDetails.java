package no.alisportalen.account;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What an applicant tells about themselves beyond name and stage: what an applicant list under offentleglova
 * § 25 needs (birth date, gender, title) and what a municipality reads (phone, education, experience).
 *
 * @param title occupation or job title as it should stand on applicant lists; when unset, lists derive it from
 *     the stage (api-v1 "Applicant profile (extension)")
 */
public record ApplicantDetails(
        @Nullable LocalDate birthDate,
        @Nullable Gender gender,
        @Nullable String title,
        @Nullable String phone,
        @Nullable String education,
        @Nullable String experience) {

    public static final int TITLE_MAX = 100;
    public static final int EDUCATION_MAX = 1_000;
    public static final int EXPERIENCE_MAX = 4_000;
    public static final ApplicantDetails NONE = new ApplicantDetails(null, null, null, null, null, null);
}
