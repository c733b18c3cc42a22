/**
 * ALIS-office monitoring: per-position and per-municipality figures, latent demand (how many registered applicants'
 * hard constraints each position satisfies, counted in Elasticsearch from an index of applicants' constraints),
 * what would widen a position's pool, a dashboard with charts, CSV exports and the stats API. ALIS offices see
 * their own region, admins everything.
 */
@NullMarked
package no.alisportalen.monitoring;

import org.jspecify.annotations.NullMarked;
