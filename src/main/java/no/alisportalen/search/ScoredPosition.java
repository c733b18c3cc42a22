package no.alisportalen.search;

import no.alisportalen.exposure.ApplicantNeed;
import no.alisportalen.position.Position;

/**
 * A position with the score Elasticsearch gave it under caller-supplied score functions, and its need for
 * applicants as the index holds it.
 */
public record ScoredPosition(Position position, double score, ApplicantNeed need) {}
