package no.alisportalen.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A page of results with disjunctive facet counts.
 *
 * @param totalCapped (extension) true when more positions match than were counted exactly: {@code total} is then
 *     a lower bound ("over 10,000"); counting further would cost every search for a figure nobody pages to
 */
public record SearchResult(long total, int page, int size, List<SearchHit> items, Map<String, List<FacetValue>> facets,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean totalCapped) {

    public SearchResult(long total, int page, int size, List<SearchHit> items, Map<String, List<FacetValue>> facets) {
        this(total, page, size, items, facets, false);
    }
}
