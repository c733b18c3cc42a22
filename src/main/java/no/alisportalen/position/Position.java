package no.alisportalen.position;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import no.alisportalen.municipality.Region;
import org.jspecify.annotations.Nullable;

/**
 * A position as everyone outside this feature sees it; its JSON is the public API's "Position".
 *
 * @param applicationCount null unless the viewer may see it (owner, the region's ALIS office, admins)
 */
public record Position(
        PositionId id,
        long version,
        PositionStatus status,
        @JsonUnwrapped PositionData data,
        String municipalityName,
        String countyName,
        Region region,
        int centrality,
        @Nullable Instant publishedAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer applicationCount) {

    public String municipalityNumber() {
        return java.util.Objects.requireNonNull(data.municipalityNumber());
    }

    public boolean isOpen(java.time.LocalDate today) {
        return status == PositionStatus.PUBLISHED && data.applicationDeadline() != null
                && !data.applicationDeadline().isBefore(today);
    }

    public Position withApplicationCount(int count) {
        return new Position(id, version, status, data, municipalityName, countyName, region, centrality, publishedAt,
                updatedAt, count);
    }
}
