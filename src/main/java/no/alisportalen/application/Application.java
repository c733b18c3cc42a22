package no.alisportalen.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import no.alisportalen.position.PositionId;
import org.jspecify.annotations.Nullable;

/**
 * An application as the API and the views show it.
 *
 * @param internalNote the municipality's own note; never shown to the applicant (null for them)
 * @param exemption the applicant's request not to stand on the public applicant list, if any
 * @param anonymised true once the retention period after the position closed has passed
 */
public record Application(
        ApplicationId id,
        long version,
        PositionId positionId,
        String positionTitle,
        String municipalityNumber,
        String municipalityName,
        ApplicantProfile applicant,
        @Nullable String coverLetter,
        ApplicationStatus status,
        List<StatusChange> history,
        Instant submittedAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String internalNote,
        boolean anonymised,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Exemption exemption) {

    public Application {
        history = List.copyOf(history);
    }

    /** The applicant may withdraw until the application is accepted, rejected or withdrawn. */
    public boolean withdrawable() {
        return !status.isFinal();
    }

    Application withoutInternalNote() {
        return new Application(id, version, positionId, positionTitle, municipalityNumber, municipalityName,
                applicant, coverLetter, status, history, submittedAt, updatedAt, null, anonymised, exemption);
    }
}
