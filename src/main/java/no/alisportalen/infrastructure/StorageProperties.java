package no.alisportalen.infrastructure;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the portal keeps its files: the embedded store, the embedded Elasticsearch data and logs.
 *
 * @param dataDir {@code portal.data-dir}, default {@code ./data}
 */
@Validated
@ConfigurationProperties(prefix = "portal")
public record StorageProperties(@DefaultValue("./data") @NotNull Path dataDir) {

    public Path absoluteDataDir() {
        return dataDir.toAbsolutePath().normalize();
    }
}
