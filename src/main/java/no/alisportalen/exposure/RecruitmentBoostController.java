package no.alisportalen.exposure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Extension: the portal-wide switch of the recruitment boost (ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/recruitment-boost")
@Tag(name = "Administration")
class RecruitmentBoostController {

    record Setting(boolean enabled, int matchMargin, double searchMargin) {}

    record Change(boolean enabled) {}

    private final RecruitmentBoost boost;

    RecruitmentBoostController(RecruitmentBoost boost) {
        this.boost = boost;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Whether search and matching lift positions that need applicants, and the bounds (ADMIN)")
    Setting get() {
        return new Setting(boost.enabled(), boost.matchMargin(), boost.searchMargin());
    }

    @PutMapping
    @Operation(summary = "Switch the recruitment boost on or off for the whole portal (ADMIN)")
    Setting put(@RequestBody Change change) {
        boost.setEnabled(change.enabled());
        return get();
    }
}
