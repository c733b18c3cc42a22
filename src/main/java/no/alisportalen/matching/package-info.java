/**
 * Matching applicants to positions: preferences (hard constraints and weighted soft preferences), ranked matches
 * computed in Elasticsearch (filters plus a sum of score functions) with an explanation per criterion derived from
 * the very same model, and "what if" counts for relaxing each hard constraint.
 */
@NullMarked
package no.alisportalen.matching;

import org.jspecify.annotations.NullMarked;
