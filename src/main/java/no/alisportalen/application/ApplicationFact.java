package no.alisportalen.application;

import java.time.Instant;
import no.alisportalen.position.PositionId;

/** An application reduced to what statistics need: no applicant, no letter. */
public record ApplicationFact(PositionId positionId, ApplicationStatus status, Instant submittedAt) {}
