package no.alisportalen.infrastructure;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Elasticsearch connection. With {@code spring.elasticsearch.uris} unset the portal runs its own embedded
 * distribution; setting it switches to the external cluster and disables the embedded one.
 *
 * @param username with {@code password}: HTTP Basic for a cluster with security on (from
 *     {@code SPRING_ELASTICSEARCH_USERNAME} / {@code SPRING_ELASTICSEARCH_PASSWORD})
 */
@Validated
@ConfigurationProperties(prefix = "portal.elasticsearch")
public record ElasticsearchProperties(
        @DefaultValue("") List<String> uris,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration socketTimeout,
        @DefaultValue @NotNull Embedded embedded) {

    /**
     * The embedded child process.
     *
     * @param home the unpacked distribution (Maven unpacks it into target/elasticsearch)
     * @param heap JVM heap for the server, e.g. {@code 512m}
     * @param runAsUid unprivileged uid the server runs as when the portal runs as root (Elasticsearch refuses root)
     * @param startTimeout how long to wait for a healthy cluster before reporting it as down
     */
    public record Embedded(
            @DefaultValue("target/elasticsearch/elasticsearch-8.19.21") @NotNull Path home,
            @DefaultValue("512m") @NotBlank String heap,
            @DefaultValue("65534") @Min(1) @Max(2147483647) int runAsUid,
            @DefaultValue("120s") @NotNull Duration startTimeout,
            @Nullable Path javaHome) {}
}
