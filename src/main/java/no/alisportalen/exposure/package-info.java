/**
 * Exposure: how often each position is shown in search and match results (impressions), opened (views) and how
 * often its apply button is used (apply clicks), per day and in total — aggregated counts only, never who. From
 * those counts and the applications, how much each published position needs applicants, and the portal-wide
 * switch for the bounded ranking boost that search and matching give such positions.
 */
@NullMarked
package no.alisportalen.exposure;

import org.jspecify.annotations.NullMarked;
