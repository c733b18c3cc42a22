package no.alisportalen.account;

/** Identity of an account. */
public record AccountId(@com.fasterxml.jackson.annotation.JsonValue String value) {

    public AccountId {
        if (value.isBlank()) {
            throw new IllegalArgumentException("Account id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
