/**
 * Shared foundations every feature may use and that use no feature: the problem types features throw for bad
 * input, conflicts and missing resources, localized messages, the HTTP error mapping (RFC 9457) and the UI shell.
 */
@NullMarked
package no.alisportalen.base;

import org.jspecify.annotations.NullMarked;
