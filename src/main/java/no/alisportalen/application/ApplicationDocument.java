package no.alisportalen.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.alisportalen.account.ApplicantDetails;
import no.alisportalen.account.ApplicantStage;
import no.alisportalen.account.Role;
import no.alisportalen.municipality.Region;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored form of an application; every change is one optimistic-locked update of this one document.
 *
 * @param details the applicant's list and contact details as they were when they applied, the title already
 *     derived from the stage when the applicant gave none
 * @param activeKey {@code applicantId:positionId} while the application is active (anything but withdrawn),
 *     otherwise {@code released:<id>}; its unique index makes a second active application impossible even when
 *     two requests race (a partial index would be neater, but the embedded store does not support one)
 */
@Document("applications")
record ApplicationDocument(
        @Id String id,
        @Version @Nullable Long version,
        @Indexed String positionId,
        String positionTitle,
        @Indexed String municipalityNumber,
        String municipalityName,
        Region region,
        @Indexed @Nullable String applicantId,
        @Nullable String applicantName,
        @Nullable String applicantEmail,
        @Nullable ApplicantStage stage,
        @Nullable Integer graduationYear,
        @Nullable String homeMunicipality,
        @Nullable String coverLetter,
        ApplicationStatus status,
        List<StatusChange> history,
        @Nullable String internalNote,
        Instant submittedAt,
        Instant updatedAt,
        @Indexed(unique = true) String activeKey,
        @Nullable Instant anonymisedAt,
        @Nullable ApplicantDetails details,
        @Nullable Exemption exemption) {

    ApplicationDocument {
        history = history == null ? List.of() : List.copyOf(history);
    }

    static String activeKey(String applicantId, String positionId) {
        return applicantId + ":" + positionId;
    }

    Application toApplication() {
        return new Application(new ApplicationId(id), version == null ? 0 : version,
                new no.alisportalen.position.PositionId(positionId), positionTitle, municipalityNumber,
                municipalityName, new ApplicantProfile(applicantName, applicantEmail, stage, graduationYear,
                        homeMunicipality, details), coverLetter, status, history, submittedAt, updatedAt,
                internalNote, anonymisedAt != null, exemption);
    }

    ApplicationDocument moved(ApplicationStatus next, Role by, @Nullable String note, Instant now) {
        var timeline = new ArrayList<>(history);
        if (next != status) {
            timeline.add(new StatusChange(now, next, by));
        }
        var key = next == ApplicationStatus.WITHDRAWN ? "released:" + id : activeKey;
        return new ApplicationDocument(id, version, positionId, positionTitle, municipalityNumber, municipalityName,
                region, applicantId, applicantName, applicantEmail, stage, graduationYear, homeMunicipality,
                coverLetter, next, timeline, note, submittedAt, now, key, anonymisedAt, details, exemption);
    }

    ApplicationDocument withExemption(@Nullable Exemption next, Instant now) {
        return new ApplicationDocument(id, version, positionId, positionTitle, municipalityNumber, municipalityName,
                region, applicantId, applicantName, applicantEmail, stage, graduationYear, homeMunicipality,
                coverLetter, status, history, internalNote, submittedAt, now, activeKey, anonymisedAt, details, next);
    }

    /** Personal data removed; the status, timeline and stage stay for statistics. */
    ApplicationDocument anonymised(Instant now) {
        return new ApplicationDocument(id, version, positionId, positionTitle, municipalityNumber, municipalityName,
                region, null, null, null, stage, null, null, null, status, history, null, submittedAt, now,
                "released:" + id, now, null, exemption == null ? null : exemption.anonymised());
    }
}
