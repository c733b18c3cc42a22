package no.alisportalen.search;

import org.springframework.web.bind.annotation.ResponseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.web.LeanRequestParams;
import no.alisportalen.exposure.ExposureService;
import no.alisportalen.municipality.GeoPoint;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.IncentiveType;
import no.alisportalen.position.WorkSetting;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Search")
class SearchController {

    private final PositionSearchService search;
    private final MunicipalityService municipalities;
    private final ExposureService exposure;

    private final JsonMapper json;

    SearchController(PositionSearchService search, MunicipalityService municipalities, ExposureService exposure,
            JsonMapper json) {
        this.json = json;
        this.exposure = exposure;
        this.search = search;
        this.municipalities = municipalities;
    }

    @GetMapping("/positions")
    @LeanRequestParams
    @Operation(summary = "Search published positions whose deadline has not passed, with disjunctive facets")
    @ApiResponse(responseCode = "200", description = "A page of results; gzip-compressed when the client accepts it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SearchResult.class)))
    void search(HttpServletRequest request, HttpServletResponse response,
            @Parameter(description = "Free text, typo tolerant", schema = @Schema(maxLength = 200))
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable List<Region> region,
            @RequestParam(required = false) @Nullable List<String> county,
            @RequestParam(required = false) @Nullable List<String> municipality,
            @RequestParam(required = false) @Nullable List<EmploymentForm> employmentForm,
            @RequestParam(required = false) @Nullable List<WorkSetting> setting,
            @Parameter(schema = @Schema(minimum = "0", maximum = "3000"))
            @RequestParam(required = false) @Nullable Integer maxListLength,
            @RequestParam(required = false) @Nullable Integer minSalary,
            @Parameter(description = "The least yearly value in NOK: fixed salary (salaried) plus the ALIS "
                    + "agreement's elements and the incentives", schema = @Schema(minimum = "0"))
            @RequestParam(required = false) @Nullable Integer minYearlyValue,
            @RequestParam(required = false) @Nullable Boolean introductionAgreement,
            @RequestParam(required = false) @Nullable Boolean alisAgreement,
            @RequestParam(required = false) @Nullable Boolean recruitmentWeak,
            @RequestParam(required = false) @Nullable Boolean supervisorOnSite,
            @Parameter(schema = @Schema(minimum = "2", maximum = "52"))
            @RequestParam(required = false) @Nullable Integer minOnCallRotation,
            @RequestParam(required = false) @Nullable List<IncentiveType> incentive,
            @RequestParam(required = false) @Nullable List<Integer> centrality,
            @RequestParam(required = false) @Nullable String near,
            @RequestParam(required = false) @Nullable String nearMunicipality,
            @Parameter(schema = @Schema(exclusiveMinimumValue = 0, maximum = "3000"))
            @RequestParam(required = false) @Nullable Double radiusKm,
            @Parameter(schema = @Schema(allowableValues = {"relevance", "deadline", "newest", "distance", "salary",
                    "yearlyValue"}, defaultValue = "relevance"))
            @RequestParam(defaultValue = "relevance") String sort,
            @Parameter(description = "From 0; (page + 1) × size at most 10,000", schema = @Schema(minimum = "0", maximum = "9999"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100"))
            @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "false: no recruitment boost in the relevance order for this request (extension)")
            @RequestParam(defaultValue = "true") boolean recruitmentBoost) throws IOException {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        var order = SearchSort.parse(sort).orElse(null);
        if (order == null) {
            problems.add(FieldProblem.of("sort", "validation.search.sort"));
        }
        if (q != null && q.length() > SearchQuery.MAX_TEXT) {
            problems.add(FieldProblem.of("q", "validation.text.max", SearchQuery.MAX_TEXT));
        }
        if (size < 1 || size > SearchQuery.MAX_SIZE) {
            problems.add(FieldProblem.of("size", "validation.range", 1, SearchQuery.MAX_SIZE));
        }
        if (page < 0) {
            problems.add(FieldProblem.of("page", "validation.range", 0, SearchQuery.MAX_WINDOW));
        } else if (((long) page + 1) * Math.max(size, 1) > SearchQuery.MAX_WINDOW) {
            problems.add(FieldProblem.of("page", "validation.search.window"));
        }
        GeoPoint centre = null;
        if (near != null && !near.isBlank()) {
            centre = parsePoint(near);
            if (centre == null) {
                problems.add(FieldProblem.of("near", "validation.search.near"));
            }
        } else if (nearMunicipality != null && !nearMunicipality.isBlank()) {
            centre = municipalities.find(nearMunicipality.strip()).map(m -> m.location()).orElse(null);
            if (centre == null) {
                problems.add(FieldProblem.of("nearMunicipality", "validation.municipality.unknown"));
            }
        }
        if (minYearlyValue != null && minYearlyValue < 0) {
            problems.add(FieldProblem.of("minYearlyValue", "validation.range", 0, Integer.MAX_VALUE));
        }
        if (radiusKm != null && (radiusKm <= 0 || radiusKm > 3000 || radiusKm.isNaN())) {
            problems.add(FieldProblem.of("radiusKm", "validation.range", 1, 3000));
        }
        if ((radiusKm != null || order == SearchSort.DISTANCE) && centre == null && problems.stream()
                .noneMatch(p -> p.field().startsWith("near"))) {
            problems.add(FieldProblem.of(radiusKm != null ? "radiusKm" : "sort", "validation.search.centreRequired"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var rendered = search.searchRendered(new SearchQuery(q, nonNull(region), nonNull(county),
                nonNull(municipality), nonNull(employmentForm), nonNull(setting), maxListLength, minSalary,
                introductionAgreement, alisAgreement, recruitmentWeak, supervisorOnSite, minOnCallRotation,
                nonNull(incentive), nonNull(centrality), centre, radiusKm, order, page, size, minYearlyValue),
                recruitmentBoost, this::render);
        exposure.impressions(rendered.ids());
        // The page is cached as written JSON, so a repeat costs neither Elasticsearch nor serialising. It is
        // written straight to the response: through ResponseEntity, choosing a message converter for the bytes
        // cost ~25-60 us a request (p50, measured A/B in one JVM; #14), and the Accept check is done already
        // (ApiContractFilter).
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        // A page just computed is still plain (it is compressed in the background): it goes out as it is.
        boolean gzip = rendered.gzipped() && acceptsGzip(request);
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        byte[] body = gzip ? rendered.bytes() : rendered.json();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private RenderedPage render(SearchResult result) {
        return RenderedPage.of(json.writeValueAsBytes(result), result.items().stream().map(h -> h.position().id())
                .toList());
    }

    // A q=0 parameter refuses its coding. Compiled once: this runs on every search. (Tomcat's own AcceptEncoding
    // parser was tried: it drops q=0 entries, and with them the refusal that overrides "*".)
    private static final java.util.regex.Pattern REFUSED = java.util.regex.Pattern.compile(
            "\\s*q\\s*=\\s*0(\\.0{0,3})?\\s*", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Whether {@code Accept-Encoding} accepts gzip: named without {@code q=0}, or not named and {@code *} accepted
     * (RFC 9110: a coding's own entry overrides the wildcard).
     */
    static boolean acceptsGzip(HttpServletRequest request) {
        Boolean gzip = null;
        Boolean any = null;
        var header = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
        while (header != null && header.hasMoreElements()) {
            for (var coding : header.nextElement().split(",")) {
                var parts = coding.split(";");
                var name = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
                boolean accepted = java.util.Arrays.stream(parts).skip(1)
                        .noneMatch(p -> REFUSED.matcher(p).matches());
                if (name.equals("gzip") || name.equals("x-gzip")) {
                    gzip = gzip == Boolean.TRUE || accepted;
                } else if (name.equals("*")) {
                    any = accepted;
                }
            }
        }
        return gzip != null ? gzip : any == Boolean.TRUE;
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/admin/reindex")
    @Operation(summary = "Rebuild the search index from MongoDB without downtime (ADMIN); 202 with progress")
    ResponseEntity<ReindexStatus> reindex() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(search.reindex());
    }

    @GetMapping("/admin/reindex")
    @Operation(summary = "Progress of the latest rebuild (ADMIN)")
    ReindexStatus reindexStatus() {
        return search.reindexStatus();
    }

    static @Nullable GeoPoint parsePoint(String value) {
        var parts = value.split(",");
        if (parts.length != 2) {
            return null;
        }
        try {
            return new GeoPoint(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <T> List<T> nonNull(@Nullable List<T> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }
}
