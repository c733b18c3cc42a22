package no.alisportalen.infrastructure;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded store (DD010). Ignored when {@code spring.mongodb.uri} points at a real MongoDB.
 *
 * @param sync {@code FULL}: every commit is synced to disk before the write is acknowledged (survives power
 *             loss); {@code NORMAL}: synced at checkpoints (survives a crash of the portal, not of the machine)
 * @param backup scheduled online backups into {@code <data-dir>/backups}
 */
@Validated
@ConfigurationProperties(prefix = "portal.store")
public record StoreProperties(
        @DefaultValue("FULL") @NotNull Sync sync,
        @DefaultValue @NotNull Backup backup) {

    public enum Sync { FULL, NORMAL }

    /**
     * @param enabled whether the schedule runs (the admin action works either way)
     * @param interval time between scheduled backups; the first runs one interval after start
     * @param keep how many backups to keep; older ones are deleted after each new one
     */
    public record Backup(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("24h") @NotNull Duration interval,
            @DefaultValue("7") @Min(1) @Max(1000) int keep) {}
}
