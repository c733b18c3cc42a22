package no.alisportalen.notification;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * E-mail notifications; they are sent only when Spring Mail is configured ({@code spring.mail.host}).
 *
 * @param from sender address ({@code portal.mail.from})
 * @param publicUrl the portal's address as users reach it, for links in e-mails ({@code portal.mail.public-url})
 */
@Validated
@ConfigurationProperties(prefix = "portal.mail")
public record MailProperties(
        @DefaultValue("ALIS-portalen <ikke-svar@alisportalen.no>") @NotBlank String from,
        @DefaultValue("http://localhost:8080") URI publicUrl) {}
