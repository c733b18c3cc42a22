/**
 * In-app notifications (and e-mail when SMTP is configured): application status changes, saved-search matches,
 * favourites whose deadline approaches or that closed. Each notification has a deterministic key as its id, so
 * the same change never notifies twice, even when its event is handled again.
 */
@NullMarked
package no.alisportalen.notification;

import org.jspecify.annotations.NullMarked;
