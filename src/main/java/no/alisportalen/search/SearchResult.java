package no.alisportalen.search;

import java.util.List;
import java.util.Map;

/** A page of results with disjunctive facet counts. */
public record SearchResult(long total, int page, int size, List<SearchHit> items, Map<String, List<FacetValue>> facets) {}
