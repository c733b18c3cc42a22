package no.alisportalen.alert;

import java.time.Instant;
import no.alisportalen.position.PositionId;

/** A position an applicant keeps an eye on. */
public record Favourite(PositionId positionId, String positionTitle, Instant createdAt) {}
