package no.alisportalen.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.demo.enabled}: load demo data. Unset means "only in the embedded run" (no
 * {@code spring.mongodb.uri} configured); a production deployment therefore starts empty unless it asks.
 */
@ConfigurationProperties(prefix = "portal.demo")
public record DemoProperties(@Nullable Boolean enabled) {}
