package no.alisportalen.account;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Self-registration of applicants.
 *
 * @param attemptsPerHour registration attempts allowed per client address and hour
 */
@Validated
@ConfigurationProperties(prefix = "portal.registration")
public record RegistrationProperties(@DefaultValue("20") @Min(1) int attemptsPerHour) {}
