/**
 * Match rounds (issue #16): an ALIS office's coordinated, stable assignment of applicants to a region's
 * positions. So far the matching engine: applicant-proposing deferred acceptance with capacities, couples in
 * the way of the NRMP's Roth–Peranson algorithm, and an independent stability checker whose verdict is what a
 * result's {@code stable} says. Rounds, rankings, the API and the views build on it.
 */
@NullMarked
package no.alisportalen.round;

import org.jspecify.annotations.NullMarked;
