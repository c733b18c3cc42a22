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
 */
public record Account(
        AccountId id,
        String email,
        String name,
        Role role,
        @Nullable String municipalityNumber,
        @Nullable Region region,
        @Nullable ApplicantStage stage,
        Instant createdAt) {}
