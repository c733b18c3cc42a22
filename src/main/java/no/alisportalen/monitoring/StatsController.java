package no.alisportalen.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import no.alisportalen.base.Messages;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.PositionId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stats")
@Tag(name = "Monitoring")
class StatsController {

    private final StatsService stats;
    private final Messages messages;

    StatsController(StatsService stats, Messages messages) {
        this.stats = stats;
        this.messages = messages;
    }

    @GetMapping("/positions")
    @Operation(summary = "Per-position figures with matchingApplicants (ALIS_OFFICE for its region, ADMIN for any "
            + "region or, without one, the whole country)")
    List<PositionStats> positions(@RequestParam(required = false) @Nullable Region region) {
        return stats.positions(region);
    }

    @GetMapping(value = "/positions.csv", produces = "text/csv")
    @Operation(summary = "The same as CSV (semicolon-separated, UTF-8)")
    ResponseEntity<String> positionsCsv(@RequestParam(required = false) @Nullable Region region,
            HttpServletRequest request) {
        var locale = Messages.of(request);
        return csv("stillinger.csv", StatsService.positionsCsv(stats.positions(region),
                c -> messages.get("stats.column." + c, locale)));
    }

    @GetMapping("/summary")
    @Operation(summary = "Totals and the same per municipality (ALIS_OFFICE for its region, ADMIN)")
    Summary summary(@RequestParam(required = false) @Nullable Region region) {
        return stats.summary(region);
    }

    @GetMapping(value = "/municipalities.csv", produces = "text/csv")
    @Operation(summary = "The per-municipality figures as CSV")
    ResponseEntity<String> municipalitiesCsv(@RequestParam(required = false) @Nullable Region region,
            HttpServletRequest request) {
        var locale = Messages.of(request);
        return csv("kommuner.csv", StatsService.municipalitiesCsv(stats.summary(region).municipalities(),
                c -> messages.get("stats.column." + c, locale)));
    }

    @GetMapping("/positions/{id}/what-if")
    @Operation(summary = "How each single change would widen a position's pool of applicants, largest gain first "
            + "(the owning MUNICIPALITY, its ALIS_OFFICE, ADMIN)")
    WhatIfReport whatIf(@PathVariable String id, HttpServletRequest request) {
        return stats.whatIf(PositionId.fromPath(id), Messages.of(request));
    }

    @GetMapping("/positions/{id}/funnel")
    @Operation(summary = "A position's funnel (impressions, views, apply clicks, applications) week by week since "
            + "publication, beside the median of the region's positions like it, with hints (the owning "
            + "MUNICIPALITY, its ALIS_OFFICE, ADMIN)")
    Funnel funnel(@PathVariable String id, HttpServletRequest request) {
        return stats.funnel(PositionId.fromPath(id), Messages.of(request));
    }

    private static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").body(body);
    }
}
