package no.alisportalen.application;

import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retention how long after its position closed an application keeps the applicant's personal data
 *     ({@code portal.applications.retention}, ISO-8601 period, default 12 months)
 */
@Validated
@ConfigurationProperties(prefix = "portal.applications")
public record ApplicationProperties(@DefaultValue("P12M") @NotNull Period retention) {

    public ApplicationProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("portal.applications.retention must be a positive period");
        }
    }
}
