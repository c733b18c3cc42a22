package no.alisportalen.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param alias the alias searches and writes go through; versioned indices behind it are {@code alias-<millis>}
 * @param batchSize positions per bulk request when indexing and rebuilding
 * @param cacheMb the most memory cached search results may take (an estimate); 0 turns the cache off
 */
@Validated
@ConfigurationProperties(prefix = "portal.search")
public record SearchProperties(
        @DefaultValue("positions") @NotBlank @Pattern(regexp = "[a-z0-9_-]+") String alias,
        @DefaultValue("500") @Min(1) @Max(5000) int batchSize,
        @DefaultValue("64") @Min(0) @Max(4096) int cacheMb) {}
