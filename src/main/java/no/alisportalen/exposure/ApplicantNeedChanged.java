package no.alisportalen.exposure;

import java.util.List;

/** Positions whose need for applicants was recomputed to a different value (the search index carries it). */
public record ApplicantNeedChanged(List<ApplicantNeed> needs) {

    public ApplicantNeedChanged {
        needs = List.copyOf(needs);
    }
}
