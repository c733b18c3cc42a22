package no.alisportalen.matching;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import no.alisportalen.exposure.NeedReason;
import no.alisportalen.position.Position;
import org.jspecify.annotations.Nullable;

/**
 * One ranked position with its preference fit (0–100), the reasons, and the rank score the order uses.
 *
 * @param score how well the position fits the preferences, 0–100
 * @param rankScore {@code score} plus the recruitment boost (at most the margin) when the position needs
 *     applicants and the boost is on; otherwise equal to {@code score}
 * @param needsApplicants whether the boost lifted this position
 * @param needReasons why it needs applicants (extension; empty when it does not)
 * @param distanceKm from the home municipality, when one is given (extension)
 */
public record Match(
        Position position,
        @Schema(description = "How well the position fits the preferences, 0–100") int score,
        @Schema(description = "What the order uses: score plus the recruitment boost when needsApplicants, at most "
                + "8 points more (the margin, portal.exposure.match-margin); otherwise equal to score")
        int rankScore,
        @Schema(description = "The position needs applicants and got the bounded boost") boolean needsApplicants,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NeedReason> needReasons,
        List<CriterionResult> criteria,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double distanceKm) {

    public Match {
        criteria = List.copyOf(criteria);
        needReasons = List.copyOf(needReasons);
    }
}
