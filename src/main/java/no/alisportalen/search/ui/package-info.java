/** The public search page. */
@NullMarked
package no.alisportalen.search.ui;

import org.jspecify.annotations.NullMarked;
