package no.alisportalen.search;

/** One value of a facet with how many positions have it, given every other filter. */
public record FacetValue(String value, long count) {}
