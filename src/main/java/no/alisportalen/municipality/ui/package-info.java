/** Public list of municipalities with their ALIS-office region and centrality. */
@NullMarked
package no.alisportalen.municipality.ui;

import org.jspecify.annotations.NullMarked;
