package no.alisportalen.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The first administrator, created at start-up when no account has this e-mail address. Set
 * {@code PORTAL_ADMIN_EMAIL} and {@code PORTAL_ADMIN_PASSWORD} in every real deployment.
 */
@Validated
@ConfigurationProperties(prefix = "portal.admin")
public record AdminProperties(
        @DefaultValue("admin@alisportalen.no") @NotBlank @Email String email,
        @DefaultValue("Demo-admin-2026") @NotBlank @Size(min = 10, max = 128) String password,
        @DefaultValue("Portaladministrator") @NotBlank String name) {

    static final String DEMO_PASSWORD = "Demo-admin-2026";
}
