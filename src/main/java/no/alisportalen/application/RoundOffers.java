package no.alisportalen.application;

import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import no.alisportalen.round.RoundPublished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A published match round's assignments become offers in each assigned applicant's applications. */
@Component
class RoundOffers {

    private final ApplicationService applications;

    RoundOffers(ApplicationService applications) {
        this.applications = applications;
    }

    @EventListener
    void on(RoundPublished event) {
        var by = PortalUser.current().map(PortalUser::role).orElse(Role.ALIS_OFFICE);
        for (var assignment : event.assignments()) {
            applications.offerFromRound(assignment.positionId(), assignment.applicantId(), event.roundName(), by);
        }
    }
}
