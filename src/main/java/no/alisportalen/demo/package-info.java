/**
 * Demo data for the embedded run: documented demo accounts for every role (and, as features arrive, positions
 * and applicants). Deterministic and idempotent: a restart adds nothing twice.
 */
@NullMarked
package no.alisportalen.demo;

import org.jspecify.annotations.NullMarked;
