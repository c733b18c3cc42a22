package no.alisportalen.position;

import org.jspecify.annotations.Nullable;

/**
 * One extra incentive; the amount is whole NOK per year where it has one.
 *
 * @param schemeElement true: an extra element of the national ALIS scheme (only in especially recruitment-weak
 *     municipalities, counted against the scheme's yearly ceiling); false: the municipality's own
 */
public record Incentive(@Nullable IncentiveType type, @Nullable Integer annualAmountNok, @Nullable String description,
        @Nullable Boolean schemeElement) {

    /** Stored before the scheme amounts (and sent by clients that leave it out): the municipality's own. */
    public Incentive {
        schemeElement = Boolean.TRUE.equals(schemeElement);
    }

    /** An extra element of the national scheme. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean scheme() {
        return Boolean.TRUE.equals(schemeElement);
    }

    public Incentive(@Nullable IncentiveType type, @Nullable Integer annualAmountNok, @Nullable String description) {
        this(type, annualAmountNok, description, false);
    }

    public int amount() {
        return annualAmountNok == null ? 0 : annualAmountNok;
    }
}
