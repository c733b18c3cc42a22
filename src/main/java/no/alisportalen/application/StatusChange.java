package no.alisportalen.application;

import java.time.Instant;
import no.alisportalen.account.Role;

/** One step of an application's timeline: when, to which status, and by whom (the role, not the person). */
public record StatusChange(Instant at, ApplicationStatus status, Role by) {}
