package no.alisportalen.exposure;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param flushInterval how often a node writes the counts it gathered (one $inc per position and day)
 * @param dedupWindow the same viewer counts once per position and kind within this window
 * @param dedupMaxEntries bound of the in-memory dedup set (oldest forgotten first)
 * @param needInterval how often every published position's need for applicants is recomputed
 * @param boostEnabled the portal-wide default of the recruitment boost (an admin can switch it at run time)
 * @param matchMargin the most points (of 100) the boost adds to a match's rank score
 * @param searchMargin the most the boost multiplies a search result's relevance by, minus one
 */
@Validated
@ConfigurationProperties(prefix = "portal.exposure")
public record ExposureProperties(
        @DefaultValue("10s") @NotNull Duration flushInterval,
        @DefaultValue("10m") @NotNull Duration dedupWindow,
        @DefaultValue("1000000") @Min(1_000) @Max(50_000_000) long dedupMaxEntries,
        @DefaultValue("5m") @NotNull Duration needInterval,
        @DefaultValue("true") boolean boostEnabled,
        @DefaultValue("8") @Min(0) @Max(30) int matchMargin,
        @DefaultValue("0.15") @DecimalMin("0") @DecimalMax("1") double searchMargin) {}
