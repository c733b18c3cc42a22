package no.alisportalen.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Scraping {@code /actuator/prometheus}.
 *
 * @param scrapeKey a bearer token that may read the metrics and nothing else (for Prometheus); unset means only
 *     admins (session, Basic or API key) may read them
 */
@ConfigurationProperties(prefix = "portal.metrics")
public record MetricsProperties(@Nullable String scrapeKey) {}
