package no.alisportalen.position;

import java.util.Optional;

/**
 * One position the search index has not acknowledged yet. Drafts carry no content: the index must only drop
 * them, never see them.
 *
 * @param position the public position (no application count), empty for drafts
 * @param token identifies the queue marker this work came from; pass the work back to acknowledge it
 */
public record IndexWork(PositionId id, long version, Optional<Position> position, String token) {}
