/**
 * Saved searches, alerts and favourites. Alerts consume the ordered position feed from a stored cursor, so a
 * change is evaluated once in order, a crash re-evaluates from the cursor, and the notification's deterministic
 * key makes a re-evaluation harmless: an alert is never sent twice for the same change.
 */
@NullMarked
package no.alisportalen.alert;

import org.jspecify.annotations.NullMarked;
