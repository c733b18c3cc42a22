package no.alisportalen.alert;

/** A saved search is either a search (its URL parameters) or a snapshot of the applicant's preferences. */
public enum SavedSearchKind {
    SEARCH,
    PREFERENCES
}
