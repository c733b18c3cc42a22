package no.alisportalen.position;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Positions")
class PositionController {

    private final PositionService positions;

    PositionController(PositionService positions) {
        this.positions = positions;
    }

    @GetMapping("/positions/{id}")
    @Operation(summary = "A published position for anyone; drafts for their municipality, its ALIS office and admins")
    Position get(@PathVariable String id) {
        var position = positions.find(PositionId.fromPath(id)).orElseThrow(() -> new NotFoundException("position"));
        positions.viewed(position);
        return position;
    }

    @GetMapping("/positions/mine")
    @Operation(summary = "The municipality's positions in every status, with applicationCount (MUNICIPALITY, ADMIN)")
    List<Position> mine() {
        return positions.mine();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/positions")
    @Operation(summary = "Create a draft (MUNICIPALITY for its own municipality, ADMIN)")
    ResponseEntity<Position> create(@RequestBody PositionRequest request) {
        var created = positions.create(request.toData());
        return ResponseEntity.created(URI.create("/api/v1/positions/" + created.id().value())).body(created);
    }

    @PutMapping("/positions/{id}")
    @Operation(summary = "Replace a position's data; 409 when version is not the current one")
    Position update(@PathVariable String id, @RequestBody PositionRequest request) {
        if (request.version() == null) {
            throw new InvalidInputException(FieldProblem.of("version", "validation.required"));
        }
        return positions.update(PositionId.fromPath(id), request.version(), request.toData());
    }

    @PostMapping("/positions/{id}/publish")
    @Operation(summary = "DRAFT → PUBLISHED; needs a start date and a deadline that has not passed")
    Position publish(@PathVariable String id, @RequestParam(required = false) @Nullable Long version) {
        return positions.publish(PositionId.fromPath(id), version);
    }

    @PostMapping("/positions/{id}/close")
    @Operation(summary = "PUBLISHED → CLOSED")
    Position close(@PathVariable String id) {
        return positions.close(PositionId.fromPath(id));
    }

    @PostMapping("/positions/{id}/fill")
    @Operation(summary = "PUBLISHED or CLOSED → FILLED")
    Position fill(@PathVariable String id) {
        return positions.fill(PositionId.fromPath(id));
    }

    @GetMapping("/positions/{id}/audit")
    @Operation(summary = "Audit trail, newest first (owner, the region's ALIS office, ADMIN)")
    List<AuditEntry> audit(@PathVariable String id) {
        return positions.audit(PositionId.fromPath(id));
    }

    @GetMapping("/feed")
    @Operation(summary = "Every change to a published position, in order; pass next as after to continue")
    FeedPage feed(@RequestParam(required = false) @Nullable String after,
            @Parameter(schema = @Schema(minimum = "1", maximum = "500")) @RequestParam(defaultValue = "100") int limit) {
        return positions.feed(after, limit);
    }

}
