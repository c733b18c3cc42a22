package no.alisportalen.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.Period;
import org.jspecify.annotations.Nullable;

/**
 * What an applicant tells about themselves beyond name and stage: what an applicant list under offentleglova
 * § 25 needs (birth date, gender, title) and what a municipality reads (phone, education, experience).
 *
 * @param title occupation or job title as it should stand on applicant lists; when unset, {@link #listTitle}
 *     derives it from the stage
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

    /** The title for a list: the applicant's own, or the Norwegian name of the stage (lists are Norwegian). */
    public String listTitle(@Nullable ApplicantStage stage) {
        if (title != null && !title.isBlank()) {
            return title;
        }
        return switch (stage == null ? ApplicantStage.DOCTOR : stage) {
            case MEDICAL_STUDENT -> "Medisinstudent";
            case LIS1 -> "Lege i spesialisering (LIS1)";
            case DOCTOR -> "Lege";
        };
    }

    /** Whole years at the date, or empty without a birth date. */
    public java.util.OptionalInt ageAt(LocalDate date) {
        return birthDate == null ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(Period.between(birthDate, date).getYears());
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }
}
