package no.alisportalen.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param replyDays how long an applicant whose exemption was refused may withdraw before being listed anyway
 *     ({@code portal.applicant-lists.reply-days}, default 3)
 */
@Validated
@ConfigurationProperties(prefix = "portal.applicant-lists")
public record ApplicantListProperties(@DefaultValue("3") @Min(0) @Max(60) int replyDays) {}
