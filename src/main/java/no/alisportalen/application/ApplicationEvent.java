package no.alisportalen.application;

import no.alisportalen.account.AccountId;
import no.alisportalen.position.PositionId;

/** Past-tense facts other features listen to (notifications, monitoring); published after the write. */
public sealed interface ApplicationEvent permits ApplicationEvent.ApplicationSubmitted,
        ApplicationEvent.ApplicationStatusChanged, ApplicationEvent.ApplicationWithdrawn,
        ApplicationEvent.ApplicationRejectedAsFilled, ApplicationEvent.ExemptionRefused {

    ApplicationId id();

    PositionId positionId();

    record ApplicationSubmitted(ApplicationId id, PositionId positionId, String municipalityNumber)
            implements ApplicationEvent {}

    /** The municipality moved the application; the applicant is told. */
    record ApplicationStatusChanged(ApplicationId id, long version, PositionId positionId, String positionTitle,
            AccountId applicant, ApplicationStatus status) implements ApplicationEvent {}

    /** The position was filled, so this open application was rejected; the applicant is told why. */
    record ApplicationRejectedAsFilled(ApplicationId id, long version, PositionId positionId, String positionTitle,
            AccountId applicant) implements ApplicationEvent {}

    /** The municipality refused to leave the applicant off the list; they may withdraw until {@code answerBy}. */
    record ExemptionRefused(ApplicationId id, long version, PositionId positionId, String positionTitle,
            AccountId applicant, java.time.Instant answerBy) implements ApplicationEvent {}

    record ApplicationWithdrawn(ApplicationId id, PositionId positionId, String municipalityNumber)
            implements ApplicationEvent {}
}
