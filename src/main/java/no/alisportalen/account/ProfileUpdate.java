package no.alisportalen.account;

import org.jspecify.annotations.Nullable;

/**
 * The fields a user edits on their profile ({@code PUT /api/v1/me}).
 *
 * @param stage applicants only
 * @param graduationYear applicants only: year of (expected) graduation as a doctor
 * @param homeMunicipality applicants only: a municipality number
 */
public record ProfileUpdate(
        @Nullable String name,
        @Nullable ApplicantStage stage,
        @Nullable Integer graduationYear,
        @Nullable String homeMunicipality) {}
