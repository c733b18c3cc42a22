package no.alisportalen.matching;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import no.alisportalen.base.Messages;
import no.alisportalen.exposure.ExposureService;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Matching")
class MatchController {

    private final MatchService matches;
    private final ExposureService exposure;

    MatchController(MatchService matches, ExposureService exposure) {
        this.exposure = exposure;
        this.matches = matches;
    }

    @PostMapping("/matches")
    @Operation(summary = "Ranked matches for the given preferences (anyone). Weights 0–5 default to location 3, "
            + "distance 2, listLength 2, salary 2, introductionAgreement 1, supervision 2, onCall 1, incentives 1; "
            + "fixedSalary, introductionAgreement and supervisorOnSite default to ANY. rankScore is score plus the "
            + "recruitment boost for a position that needs applicants (needsApplicants): at most 8 points by default "
            + "(portal.exposure.match-margin), so a position that fits more than the margin better always ranks "
            + "above; \"recruitmentBoost\": false switches the boost off")
    MatchResult match(@RequestBody @Nullable Preferences preferences,
            @Parameter(schema = @Schema(minimum = "0", maximum = "9999")) @RequestParam(defaultValue = "0") int page,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @RequestParam(defaultValue = "20") int size,
            HttpServletRequest request) {
        return counted(matches.match(preferences == null ? Preferences.defaults() : preferences, page, size,
                Messages.of(request)));
    }

    @GetMapping("/me/matches")
    @Operation(summary = "Ranked matches for the applicant's stored preferences (APPLICANT)")
    MatchResult mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            HttpServletRequest request) {
        return counted(matches.myMatches(page, size, Messages.of(request)));
    }

    private MatchResult counted(MatchResult result) {
        exposure.impressions(result.items().stream().map(m -> m.position().id()).toList());
        return result;
    }

    @GetMapping("/me/preferences")
    @Operation(summary = "The applicant's preferences; sensible defaults until they save their own (APPLICANT)")
    Preferences preferences() {
        return matches.preferences();
    }

    @PutMapping("/me/preferences")
    @Operation(summary = "Replace the applicant's preferences (APPLICANT)")
    Preferences save(@RequestBody Preferences preferences) {
        return matches.savePreferences(preferences);
    }
}
