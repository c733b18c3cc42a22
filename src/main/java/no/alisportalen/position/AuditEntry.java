package no.alisportalen.position;

import java.time.Instant;
import java.util.List;

/**
 * One change to a position: who, when, what kind of change, and which fields changed.
 *
 * @param actor the e-mail of the user, or {@code system} for scheduled jobs
 */
public record AuditEntry(Instant at, String actor, String action, List<String> fields) {

    public AuditEntry {
        fields = List.copyOf(fields);
    }
}
