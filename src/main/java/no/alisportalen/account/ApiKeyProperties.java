package no.alisportalen.account;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API keys for integrations.
 *
 * @param defaultLifetime how long a key lives when its creator names no expiry
 * @param maxLifetime the longest expiry a creator may choose
 * @param requestsPerMinute requests one key may send per minute on one portal node (a burst of the same size)
 */
@Validated
@ConfigurationProperties(prefix = "portal.api-keys")
public record ApiKeyProperties(
        @DefaultValue("365d") @NotNull Duration defaultLifetime,
        @DefaultValue("1095d") @NotNull Duration maxLifetime,
        @DefaultValue("1200") @Min(1) int requestsPerMinute) {}
