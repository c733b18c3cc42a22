package no.alisportalen.application;

import java.time.Instant;
import java.util.List;
import no.alisportalen.account.Gender;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One position's applicant list; its id is the position's. Every change is one optimistic-locked update, so of
 * several nodes running the job only one moves it on (and only that one writes the publication to the audit).
 *
 * @param periodEndsAt the end of the deadline day in Europe/Oslo, or the close; follows the position while OPEN
 * @param entries the applicants as they stood at publication, a public record that later withdrawals and
 *     anonymisation leave alone; empty until then
 */
@Document("applicant_lists")
record ApplicantListDocument(
        @Id String id,
        @Version @Nullable Long version,
        String municipalityNumber,
        String title,
        String municipalityName,
        @Indexed Instant periodEndsAt,
        @Indexed ApplicantListStatus state,
        @Nullable Instant publishedAt,
        List<Listed> entries) {

    ApplicantListDocument {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** What the list holds about one applicant; the extended list's fields included. */
    record Listed(
            String applicationId,
            @Nullable String name,
            @Nullable Integer age,
            @Nullable String title,
            @Nullable String municipality,
            @Nullable String education,
            @Nullable String experience,
            @Nullable Gender gender,
            @Nullable ExemptionState exemption) {

        boolean withheld() {
            return exemption == ExemptionState.GRANTED;
        }
    }

    ApplicantListDocument following(String title, String municipalityName, Instant endsAt) {
        return new ApplicantListDocument(id, version, municipalityNumber, title, municipalityName, endsAt, state,
                publishedAt, entries);
    }

    ApplicantListDocument pending() {
        return new ApplicantListDocument(id, version, municipalityNumber, title, municipalityName, periodEndsAt,
                ApplicantListStatus.PENDING, null, List.of());
    }

    ApplicantListDocument published(Instant now, List<Listed> snapshot) {
        return new ApplicantListDocument(id, version, municipalityNumber, title, municipalityName, periodEndsAt,
                ApplicantListStatus.PUBLISHED, now, snapshot);
    }
}
