package no.alisportalen.notification;

import no.alisportalen.account.AccountId;
import no.alisportalen.account.PersonalData;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** A user's notifications in their data export, and deleted with their account. */
@Component
class NotificationPersonalData implements PersonalData {

    private final NotificationRepository repository;

    NotificationPersonalData(NotificationRepository repository) {
        this.repository = repository;
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public Object export(AccountId account) {
        return repository.findByRecipientOrderByCreatedAtDesc(account.value(), PageRequest.of(0, 10_000));
    }

    @Override
    public void erase(AccountId account) {
        repository.deleteByRecipient(account.value());
    }
}
