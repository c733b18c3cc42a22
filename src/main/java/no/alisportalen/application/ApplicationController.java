package no.alisportalen.application;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.NotFoundException;
import no.alisportalen.position.PositionId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Applications")
class ApplicationController {

    private final ApplicationService applications;
    private final no.alisportalen.exposure.ExposureService exposure;
    private final ApplicantListService lists;

    ApplicationController(ApplicationService applications, no.alisportalen.exposure.ExposureService exposure,
            ApplicantListService lists) {
        this.lists = lists;
        this.exposure = exposure;
        this.applications = applications;
    }

    /**
     * Body of an application: the cover letter (plain text, at most 5,000 characters) and, optionally, a request
     * not to stand on the public applicant list.
     */
    record ApplyRequest(@Nullable String coverLetter, @Nullable ExemptionRequest exemptionRequest) {}

    /** Why the applicant asks to be left off the public applicant list (10–1,000 characters). */
    record ExemptionRequest(@Nullable String reason) {}

    /** The municipality's decision on one request, with its justification (10–1,000 characters). */
    record ExemptionDecision(@Nullable Boolean granted, @Nullable String justification) {}

    /**
     * A move along the pipeline.
     *
     * @param note the municipality's internal note (never shown to the applicant); replaces the previous one
     * @param version optional: refuse (409) if the application changed since this version
     */
    record StatusRequest(@Nullable ApplicationStatus status, @Nullable String note, @Nullable Long version) {}

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/positions/{id}/applications")
    @Operation(summary = "Apply to an open position (APPLICANT); 409 when already applied or the position is not open")
    ResponseEntity<Application> apply(@PathVariable String id, @RequestBody @Nullable ApplyRequest request) {
        var exemption = request == null ? null : request.exemptionRequest();
        var created = applications.apply(PositionId.fromPath(id), request == null ? null : request.coverLetter(),
                exemption == null ? null : java.util.Objects.requireNonNullElse(exemption.reason(), ""));
        exposure.applyClick(created.positionId());
        return ResponseEntity.created(URI.create("/api/v1/me/applications/" + created.id().value())).body(created);
    }

    @GetMapping("/me/applications")
    @Operation(summary = "The applicant's own applications with their status timeline, newest first (APPLICANT)")
    List<Application> mine() {
        return applications.mine();
    }

    @PostMapping("/me/applications/{id}/withdraw")
    @Operation(summary = "Withdraw an own application until it is accepted or rejected (APPLICANT)")
    Application withdraw(@PathVariable String id) {
        return applications.withdraw(ApplicationId.fromPath(id));
    }

    @PostMapping("/me/applications/{id}/accept")
    @Operation(summary = "Accept an offer: OFFERED → ACCEPTED (APPLICANT); to decline, withdraw")
    Application accept(@PathVariable String id) {
        return applications.acceptOffer(ApplicationId.fromPath(id));
    }

    @PostMapping("/me/applications/{id}/exemption-request")
    @Operation(summary = "Ask not to stand on the public applicant list, until it is published (APPLICANT)")
    Application requestExemption(@PathVariable String id, @RequestBody @Nullable ExemptionRequest request) {
        return applications.requestExemption(ApplicationId.fromPath(id), request == null ? null : request.reason());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/me/applications/{id}/exemption-request")
    @Operation(summary = "Take back a request not to be listed, until the list is published (APPLICANT)")
    Application withdrawExemptionRequest(@PathVariable String id) {
        return applications.withdrawExemptionRequest(ApplicationId.fromPath(id));
    }

    @PostMapping("/me/applications/{id}/exemption-request/accept")
    @Operation(summary = "After a refused request: accept being listed instead of withdrawing (APPLICANT)")
    Application acceptListing(@PathVariable String id) {
        return applications.acceptListing(ApplicationId.fromPath(id));
    }

    @PutMapping("/applications/{id}/exemption")
    @Operation(summary = "Decide one request not to be listed, with a justification (owning MUNICIPALITY, ADMIN); "
            + "409 when none is pending; a refusal notifies the applicant")
    Application decideExemption(@PathVariable String id, @RequestBody @Nullable ExemptionDecision decision) {
        return applications.decideExemption(ApplicationId.fromPath(id), decision == null ? null : decision.granted(),
                decision == null ? null : decision.justification());
    }

    @GetMapping("/positions/{id}/applicant-list")
    @Operation(summary = "The applicant list under offentleglova § 25 once the period has ended (anyone; the owner "
            + "and admins see every applicant with withheld flags); 404 before")
    ApplicantList applicantList(@PathVariable String id) {
        return lists.find(PositionId.fromPath(id)).orElseThrow(() -> new NotFoundException("applicantList"));
    }

    @GetMapping("/positions/{id}/applicant-list/extended")
    @Operation(summary = "The extended applicant list with education and experience, once published (owning "
            + "MUNICIPALITY, ADMIN, the position's applicants)")
    ApplicantList.Extended extendedApplicantList(@PathVariable String id) {
        return lists.extended(PositionId.fromPath(id));
    }

    @GetMapping("/positions/{id}/applications")
    @Operation(summary = "A position's applications with profile and cover letter (owning MUNICIPALITY, ADMIN)")
    List<Application> forPosition(@PathVariable String id) {
        return applications.forPosition(PositionId.fromPath(id));
    }

    @PutMapping("/applications/{id}/status")
    @Operation(summary = "Move an application: RECEIVED, INTERVIEW, OFFERED, ACCEPTED (after OFFERED) or REJECTED "
            + "(owning MUNICIPALITY, ADMIN); the applicant is notified")
    Application changeStatus(@PathVariable String id, @RequestBody StatusRequest request) {
        if (request.status() == null) {
            throw new InvalidInputException(FieldProblem.of("status", "validation.required"));
        }
        return applications.changeStatus(ApplicationId.fromPath(id), request.status(), request.note(),
                request.version());
    }
}
