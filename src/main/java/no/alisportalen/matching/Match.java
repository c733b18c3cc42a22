package no.alisportalen.matching;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import no.alisportalen.position.Position;
import org.jspecify.annotations.Nullable;

/**
 * One ranked position with its score (0–100) and the reasons.
 *
 * @param distanceKm from the home municipality, when one is given (extension)
 */
public record Match(
        Position position,
        int score,
        List<CriterionResult> criteria,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double distanceKm) {

    public Match {
        criteria = List.copyOf(criteria);
    }
}
