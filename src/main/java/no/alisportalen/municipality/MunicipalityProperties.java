package no.alisportalen.municipality;

import jakarta.validation.constraints.NotEmpty;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param recruitmentWeakCentralities SSB centrality classes whose municipalities count as especially
 *     recruitment-weak under the national ALIS scheme unless an admin overrides it (default 5 and 6)
 */
@Validated
@ConfigurationProperties(prefix = "portal.municipalities")
public record MunicipalityProperties(@DefaultValue({"5", "6"}) @NotEmpty Set<Integer> recruitmentWeakCentralities) {}
