package no.alisportalen.account;

import org.jspecify.annotations.Nullable;

/**
 * The fields a user edits on their profile ({@code PUT /api/v1/me}).
 *
 * @param stage applicants only
 * @param graduationYear applicants only: year of (expected) graduation as a doctor
 * @param homeMunicipality applicants only: a municipality number
 * @param birthDate applicants only; with gender and title, what applicant lists need
 */
public record ProfileUpdate(
        @Nullable String name,
        @Nullable ApplicantStage stage,
        @Nullable Integer graduationYear,
        @Nullable String homeMunicipality,
        java.time.@Nullable LocalDate birthDate,
        @Nullable Gender gender,
        @Nullable String title,
        @Nullable String phone,
        @Nullable String education,
        @Nullable String experience) {

    /** Name, stage, graduation year and home municipality only; the details left unset. */
    public ProfileUpdate(@Nullable String name, @Nullable ApplicantStage stage, @Nullable Integer graduationYear,
            @Nullable String homeMunicipality) {
        this(name, stage, graduationYear, homeMunicipality, null, null, null, null, null, null);
    }

    /** The same update with the details given. */
    public ProfileUpdate withDetails(ApplicantDetails details) {
        return new ProfileUpdate(name, stage, graduationYear, homeMunicipality, details.birthDate(), details.gender(),
                details.title(), details.phone(), details.education(), details.experience());
    }
}
