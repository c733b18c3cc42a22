/**
 * Search: the Elasticsearch index of positions (explicit mapping, versioned index behind an alias), the indexer
 * that keeps it in step with MongoDB without transactions, zero-downtime rebuilds, and the search API and page
 * with disjunctive facets, ALIS filters, distance and Norwegian-friendly folding. Listens to the position
 * feature; the position feature never calls search.
 */
@NullMarked
package no.alisportalen.search;

import org.jspecify.annotations.NullMarked;
