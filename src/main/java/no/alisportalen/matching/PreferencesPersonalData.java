package no.alisportalen.matching;

import java.util.Map;
import no.alisportalen.account.AccountId;
import no.alisportalen.account.PersonalData;
import org.springframework.stereotype.Component;

/** An applicant's preferences in their data export, and deleted with their account. */
@Component
class PreferencesPersonalData implements PersonalData {

    private final MatchService matches;

    PreferencesPersonalData(MatchService matches) {
        this.matches = matches;
    }

    @Override
    public String section() {
        return "preferences";
    }

    @Override
    public Object export(AccountId account) {
        return matches.preferencesOf(account).<Object>map(p -> p).orElse(Map.of());
    }

    @Override
    public void erase(AccountId account) {
        matches.erase(account);
    }
}
