/**
 * Applications: applicants apply to open positions and withdraw; the owning municipality moves each application
 * through RECEIVED → INTERVIEW → OFFERED → ACCEPTED or REJECTED. One active application per applicant and
 * position is enforced by a unique index, not only in code. Counts are derived from the applications on read,
 * so they are exact at all times. Applications are anonymised a configurable time after their position closed.
 */
@NullMarked
package no.alisportalen.application;

import org.jspecify.annotations.NullMarked;
