/** Operators' views: backups of the embedded store. */
@NullMarked
package no.alisportalen.infrastructure.ui;

import org.jspecify.annotations.NullMarked;
