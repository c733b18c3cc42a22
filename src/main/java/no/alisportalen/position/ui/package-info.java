/** The municipality workspace (list and form) and the public, printable position page. */
@NullMarked
package no.alisportalen.position.ui;

import org.jspecify.annotations.NullMarked;
