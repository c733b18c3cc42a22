package no.alisportalen.account;

import java.time.Instant;
import no.alisportalen.municipality.Region;
import org.jspecify.annotations.Nullable;

/**
 * A user of the portal as other features see it (never with the password hash).
 *
 * @param municipalityNumber set for MUNICIPALITY users only
 * @param region set for ALIS_OFFICE users only
 * @param stage set for APPLICANT users only
 * @param graduationYear applicants' (expected) graduation year, when they gave it
 * @param homeMunicipality applicants' home municipality number, when they gave it
 * @param emailVerified false while a self-registered applicant has not confirmed the address (only when SMTP is
 *     configured); the portal then mails nothing but the confirmation link
 * @param details applicants only: birth date, gender, title, phone, education, experience (api-v1 "Applicant
 *     profile (extension)"); written beside the other fields in JSON
 */
public record Account(
        AccountId id,
        String email,
        String name,
        Role role,
        @Nullable String municipalityNumber,
        @Nullable Region region,
        @Nullable ApplicantStage stage,
        @Nullable Integer graduationYear,
        @Nullable String homeMunicipality,
        Instant createdAt,
        boolean emailVerified,
        @com.fasterxml.jackson.annotation.JsonUnwrapped @Nullable ApplicantDetails details) {

    /** The applicant's details, or none (staff accounts have none). */
    public ApplicantDetails applicantDetails() {
        return details == null ? ApplicantDetails.NONE : details;
    }
}
