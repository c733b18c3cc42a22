package no.alisportalen.alert;

import no.alisportalen.account.AccountId;
import no.alisportalen.account.PersonalData;
import org.springframework.stereotype.Component;

/** Saved searches and favourites in the data export, and deleted with the account. */
@Component
class AlertPersonalData implements PersonalData {

    private final AlertService alerts;

    AlertPersonalData(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public String section() {
        return "alerts";
    }

    @Override
    public Object export(AccountId account) {
        return alerts.export(account);
    }

    @Override
    public void erase(AccountId account) {
        alerts.erase(account);
    }
}
