package no.alisportalen.search;

import java.util.List;

/** One page of scored positions and how many open positions passed the filters in all. */
public record ScoredPage(long total, List<ScoredPosition> items) {

    public ScoredPage {
        items = List.copyOf(items);
    }
}
