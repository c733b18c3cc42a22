package no.alisportalen.municipality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data")
class MunicipalityController {

    /** An admin's decision; {@code recruitmentWeak} null removes the override. */
    record Decision(@Nullable Boolean recruitmentWeak, @Nullable String reason, @Nullable LocalDate decidedOn) {}

    private final MunicipalityService municipalities;
    private final RecruitmentWeakness weakness;

    MunicipalityController(MunicipalityService municipalities, RecruitmentWeakness weakness) {
        this.municipalities = municipalities;
        this.weakness = weakness;
    }

    @GetMapping("/municipalities")
    @Operation(summary = "All 357 municipalities with county, region, centrality, population, coordinates and "
            + "whether each is especially recruitment-weak under the national ALIS scheme")
    List<MunicipalityEntry> all() {
        var flags = weakness.all();
        return municipalities.all().stream()
                .map(m -> new MunicipalityEntry(m, flags.getOrDefault(m.number(), false))).toList();
    }

    @GetMapping("/admin/municipalities/{number}/recruitment-weak")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Whether a municipality is especially recruitment-weak, why, and every override (ADMIN)")
    RecruitmentStatus status(@org.springframework.web.bind.annotation.PathVariable String number) {
        return weakness.status(municipalities.canonicalNumber(number)
                .orElseThrow(() -> new no.alisportalen.base.NotFoundException("municipality " + number)));
    }

    @org.springframework.web.bind.annotation.PutMapping("/admin/municipalities/{number}/recruitment-weak")
    @Operation(summary = "Override the centrality rule for one municipality with a reason and a decision date, or "
            + "remove the override with recruitmentWeak null (ADMIN); its positions follow")
    RecruitmentStatus decide(@org.springframework.web.bind.annotation.PathVariable String number,
            @org.springframework.web.bind.annotation.RequestBody Decision decision) {
        var admin = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return weakness.decide(number, decision.recruitmentWeak(), decision.reason(), decision.decidedOn(),
                admin == null ? "unknown" : admin.getName());
    }
}
