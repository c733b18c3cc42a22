package no.alisportalen.matching;

import java.util.List;

/** A page of matches, best first; {@code whatIf} (extension) ranks relaxations by what they would add. */
public record MatchResult(
        long total,
        int page,
        int size,
        List<Match> items,
        List<WhatIf> whatIf) {

    public MatchResult {
        items = List.copyOf(items);
        whatIf = List.copyOf(whatIf);
    }
}
