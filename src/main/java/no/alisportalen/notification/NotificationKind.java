package no.alisportalen.notification;

/** What a notification is about; its text is {@code notification.<KIND>} in the message bundles. */
public enum NotificationKind {
    /** The municipality moved one of the applicant's applications. */
    APPLICATION_STATUS,
    /** The position was filled, so the applicant's open application there was rejected. */
    POSITION_FILLED,
    /** The municipality refused the applicant's request not to stand on the applicant list. */
    EXEMPTION_REFUSED,
    /** A position matching a saved search was published or changed. */
    SEARCH_MATCH,
    /** A favourite's application deadline is near. */
    FAVOURITE_DEADLINE,
    /** A favourite closed or was filled. */
    FAVOURITE_CLOSED,
    /** A match round's ranking deadline is three days away (the round's id rides in {@code savedSearchId}). */
    ROUND_DEADLINE
}
