package no.alisportalen.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.alisportalen.account.Gender;
import org.jspecify.annotations.Nullable;

/**
 * A position's applicant list under offentleglova § 25 as api-v1 "Applicant lists" shows it. The public sees
 * counts and entries only once it is PUBLISHED, and no withheld applicant; the owning municipality and admins see
 * every applicant with {@code withheld} and the exemption state from the period's end on.
 *
 * @param applicants applications not withdrawn before publication (null while PENDING for the public)
 */
public record ApplicantList(
        String positionId,
        String title,
        String municipalityName,
        ApplicantListStatus status,
        Instant periodEndedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Instant publishedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer applicants,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Map<Gender, Integer> gender,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer withheld,
        List<Entry> entries) {

    public ApplicantList {
        entries = List.copyOf(entries);
    }

    /**
     * One listed applicant.
     *
     * @param age whole years at the end of the application period; null when the applicant gave no birth date
     * @param withheld for the owner's view only: the applicant was granted an exemption
     * @param exemption for the owner's view only
     * @param applicationId for the owner's view only
     */
    public record Entry(
            @Nullable String name,
            @Nullable Integer age,
            @Nullable String title,
            @Nullable String municipality,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean withheld,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ExemptionState exemption,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String applicationId) {}

    /** The extended list (utvidet søkerliste) for the parties: every applicant, withheld ones included. */
    public record Extended(String positionId, String title, List<ExtendedEntry> entries) {

        public Extended {
            entries = List.copyOf(entries);
        }
    }

    public record ExtendedEntry(
            @Nullable String name,
            @Nullable Integer age,
            @Nullable String title,
            @Nullable String municipality,
            @Nullable String education,
            @Nullable String experience) {}
}
