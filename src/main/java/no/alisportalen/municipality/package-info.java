/**
 * Reference data: Norway's 357 municipalities with county, centrality, population, coordinates and the regional
 * ALIS office (region) each belongs to. Read-only; loaded once from the CSV shipped in {@code reference/}.
 */
@NullMarked
package no.alisportalen.municipality;

import org.jspecify.annotations.NullMarked;
