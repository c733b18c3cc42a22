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
 * @param visitorMemory what the in-memory visitor tables (the dedup set and the visitors of each address) may
 *     take at most, as their entries are weighed; oldest forgotten first
 * @param visitorsPerAddress how many distinct visitors one client address counts as per hour at most, whatever
 *     its User-Agents or sessions
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
        @DefaultValue("64MB") @NotNull org.springframework.util.unit.DataSize visitorMemory,
        @DefaultValue("20") @Min(1) @Max(10_000) int visitorsPerAddress,
        @DefaultValue("5m") @NotNull Duration needInterval,
        @DefaultValue("true") boolean boostEnabled,
        @DefaultValue("8") @Min(0) @Max(30) int matchMargin,
        @DefaultValue("0.15") @DecimalMin("0") @DecimalMax("1") double searchMargin) {}
