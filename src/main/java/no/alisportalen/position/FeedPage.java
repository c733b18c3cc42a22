package no.alisportalen.position;

import java.util.List;

/** A page of the change feed; pass {@code next} as {@code after} to continue where this page ended. */
public record FeedPage(List<FeedItem> items, String next) {}
