package no.alisportalen.round;

import no.alisportalen.account.AccountId;
import no.alisportalen.account.PersonalData;
import org.springframework.stereotype.Component;

/** An applicant's rankings and couple choices in their data export, and deleted with their account. */
@Component
class RoundPersonalData implements PersonalData {

    private final RoundService rounds;

    RoundPersonalData(RoundService rounds) {
        this.rounds = rounds;
    }

    @Override
    public String section() {
        return "matchRounds";
    }

    @Override
    public Object export(AccountId account) {
        return rounds.export(account);
    }

    @Override
    public void erase(AccountId account) {
        rounds.erase(account);
    }
}
