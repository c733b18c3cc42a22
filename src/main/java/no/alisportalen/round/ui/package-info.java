/** The match rounds' views: the office's rounds, the applicant's ranking, the municipality's ranking. */
@NullMarked
package no.alisportalen.round.ui;

import org.jspecify.annotations.NullMarked;
