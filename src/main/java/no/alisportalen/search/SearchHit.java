package no.alisportalen.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import no.alisportalen.exposure.NeedReason;
import no.alisportalen.municipality.GeoPoint;
import no.alisportalen.position.Position;
import org.jspecify.annotations.Nullable;

/**
 * One search result: the position, its distance from the query's centre, and highlighted fragments (HTML-escaped
 * text with {@code <em>} around matches), and (extension) whether the recruitment boost lifted it because it needs
 * applicants, and why.
 */
public record SearchHit(
        // The index holds one language, so its pages carry applicantList but not the notice text (DD019).
        @JsonUnwrapped @com.fasterxml.jackson.annotation.JsonIgnoreProperties("applicantListNotice") Position position,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double distanceKm,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> highlight,
        boolean needsApplicants,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NeedReason> needReasons) {

    public SearchHit {
        needReasons = List.copyOf(needReasons);
    }

    /** The distance shown with a hit: kilometres to one decimal; null without a centre or a location. */
    static @Nullable Double distanceKm(@Nullable GeoPoint centre, @Nullable GeoPoint location) {
        return centre == null || location == null ? null : Math.round(centre.distanceKm(location) * 10) / 10.0;
    }
}
