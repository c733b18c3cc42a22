/**
 * ALIS positions: the model with its validation, the lifecycle DRAFT → PUBLISHED → CLOSED or FILLED, optimistic
 * locking, an audit trail, sanitized descriptions and the public change feed. Every write is one document
 * update (the embedded store has no transactions): the position document carries its own audit entries and
 * its pending feed changes, which a single sequencer moves into the ordered feed.
 */
@NullMarked
package no.alisportalen.position;

import org.jspecify.annotations.NullMarked;
