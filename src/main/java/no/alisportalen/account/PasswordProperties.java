package no.alisportalen.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How passwords are hashed.
 *
 * @param bcryptStrength BCrypt's log2 cost for new hashes: 10 (about 70 ms here) is the production default; the
 *     test profile uses 4, since every HTTP Basic request of the suite checks a password. Stored hashes carry their
 *     own cost, so changing it never locks anyone out.
 */
@Validated
@ConfigurationProperties(prefix = "portal.passwords")
public record PasswordProperties(@DefaultValue("10") @Min(4) @Max(16) int bcryptStrength) {}
