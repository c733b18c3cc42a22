package no.alisportalen.account;

import java.time.Instant;
import no.alisportalen.municipality.Region;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored form of an account; the unique index on the normalized e-mail makes duplicates impossible. */
@Document("accounts")
record AccountDocument(
        @Id @Nullable String id,
        @Version @Nullable Long version,
        @Indexed(unique = true) String email,
        String passwordHash,
        String name,
        Role role,
        @Nullable String municipalityNumber,
        @Nullable Region region,
        @Nullable ApplicantStage stage,
        @Nullable Integer graduationYear,
        @Nullable String homeMunicipality,
        Instant createdAt,
        boolean passwordChangeRequired,
        @Nullable Instant credentialsChangedAt,
        @Nullable Boolean emailVerified,
        @Nullable ApplicantDetails details) {

    Account toAccount() {
        return new Account(new AccountId(java.util.Objects.requireNonNull(id)), email, name, role, municipalityNumber,
                region, stage, graduationYear, homeMunicipality, createdAt, !Boolean.FALSE.equals(emailVerified),
                role == Role.APPLICANT ? (details == null ? ApplicantDetails.NONE : details) : null);
    }
}
