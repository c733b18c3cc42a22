package no.alisportalen.application;

import no.alisportalen.account.AccountId;
import no.alisportalen.account.PersonalData;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** An applicant's applications in their data export, and deleted with their account. */
@Component
class ApplicationPersonalData implements PersonalData {

    private final ApplicationRepository repository;
    private final ApplicationService applications;

    ApplicationPersonalData(ApplicationRepository repository, ApplicationService applications) {
        this.repository = repository;
        this.applications = applications;
    }

    @Override
    public String section() {
        return "applications";
    }

    @Override
    public Object export(AccountId account) {
        // The municipality's internal notes are its own working notes, not the applicant's data.
        return repository.findByApplicantId(account.value(), Sort.by("submittedAt")).stream()
                .map(d -> d.toApplication().withoutInternalNote()).toList();
    }

    @Override
    public void erase(AccountId account) {
        applications.eraseApplicant(account);
    }
}
