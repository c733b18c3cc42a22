/** The login view. */
@NullMarked
package no.alisportalen.security.ui;

import org.jspecify.annotations.NullMarked;
