package no.alisportalen.account;

/**
 * Implemented by every feature that keeps personal data about an account, so that "download my data" and
 * "delete my account" cover all of it without the accounts feature knowing the others.
 */
public interface PersonalData {

    /** The key of this feature's part in the export, e.g. "applications". */
    String section();

    /** Everything this feature holds about the account, as JSON-serialisable values. */
    Object export(AccountId account);

    /** Deletes everything this feature holds about the account. */
    void erase(AccountId account);
}
