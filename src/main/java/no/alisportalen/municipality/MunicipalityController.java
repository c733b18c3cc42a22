package no.alisportalen.municipality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/municipalities")
@Tag(name = "Reference data")
class MunicipalityController {

    private final MunicipalityService municipalities;

    MunicipalityController(MunicipalityService municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping
    @Operation(summary = "All 357 municipalities with county, region, centrality, population and coordinates")
    List<Municipality> all() {
        return municipalities.all();
    }
}
