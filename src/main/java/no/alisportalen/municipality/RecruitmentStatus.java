package no.alisportalen.municipality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a municipality is especially recruitment-weak under the national ALIS scheme, and why.
 *
 * @param source {@code CENTRALITY} (the configured SSB classes) or {@code OVERRIDE} (an admin's decision)
 * @param reason, decidedOn, decidedBy set for an override
 * @param history every override decision, newest first (the audit trail)
 */
public record RecruitmentStatus(String municipalityNumber, boolean recruitmentWeak, Source source,
        @Nullable String reason, @Nullable LocalDate decidedOn, @Nullable String decidedBy, List<Decision> history) {

    public enum Source { CENTRALITY, OVERRIDE }

    /**
     * One admin decision.
     *
     * @param recruitmentWeak null when the decision removed the override (back to the centrality rule)
     */
    public record Decision(Instant at, String by, @Nullable Boolean recruitmentWeak, String reason,
            LocalDate decidedOn) {}
}
