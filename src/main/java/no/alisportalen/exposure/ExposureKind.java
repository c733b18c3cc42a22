package no.alisportalen.exposure;

/** What happened to a position. */
public enum ExposureKind {
    /** Returned on a page of search or match results. */
    IMPRESSION("impressions"),
    /** Its page opened, or fetched alone through the API. */
    VIEW("views"),
    /** Its apply button used (UI) or an application sent through the API. */
    APPLY_CLICK("applyClicks");

    final String field;

    ExposureKind(String field) {
        this.field = field;
    }
}
