/**
 * Security: one filter chain for the JSON API (HTTP Basic or the UI session, problem-details errors) and one
 * for the Vaadin UI (login view, CSRF, deny-by-default views); login throttling; method security on services.
 */
@NullMarked
package no.alisportalen.security;

import org.jspecify.annotations.NullMarked;
