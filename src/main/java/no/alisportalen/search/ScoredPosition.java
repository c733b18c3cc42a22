package no.alisportalen.search;

import no.alisportalen.position.Position;

/** A position with the score Elasticsearch gave it under caller-supplied score functions. */
public record ScoredPosition(Position position, double score) {}
