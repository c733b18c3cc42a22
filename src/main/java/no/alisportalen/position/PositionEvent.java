package no.alisportalen.position;

/** Past-tense facts other features listen to (search indexing, alerts); published after the write. */
public sealed interface PositionEvent permits PositionEvent.PositionSaved, PositionEvent.PositionPublished,
        PositionEvent.PositionUpdated, PositionEvent.PositionClosed {

    PositionId id();

    long version();

    /** A draft was created or changed. */
    record PositionSaved(PositionId id, long version) implements PositionEvent {}

    record PositionPublished(PositionId id, long version) implements PositionEvent {}

    /** A published position changed. */
    record PositionUpdated(PositionId id, long version) implements PositionEvent {}

    /** Closed by hand, by its deadline, or filled. */
    record PositionClosed(PositionId id, long version, PositionStatus status) implements PositionEvent {}
}
