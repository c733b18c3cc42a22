package no.alisportalen.application;

import no.alisportalen.account.ApplicantDetails;
import no.alisportalen.account.ApplicantStage;
import org.jspecify.annotations.Nullable;

/**
 * What the municipality sees of the applicant: the profile as it was when they applied (quick apply). Every
 * field is null once the application has been anonymised, except the stage.
 */
public record ApplicantProfile(
        @Nullable String name,
        @Nullable String email,
        @Nullable ApplicantStage stage,
        @Nullable Integer graduationYear,
        @Nullable String homeMunicipality,
        @com.fasterxml.jackson.annotation.JsonUnwrapped @Nullable ApplicantDetails details) {}
