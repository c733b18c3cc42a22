package no.alisportalen.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Result order; the API spells them in lower case. */
public enum SearchSort {
    RELEVANCE,
    DEADLINE,
    NEWEST,
    DISTANCE,
    SALARY,
    /** Highest yearly value first (salary, agreement elements and incentives). */
    YEARLY_VALUE;

    public String apiName() {
        return this == YEARLY_VALUE ? "yearlyValue" : name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchSort> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.apiName().equalsIgnoreCase(value.strip())).findFirst();
    }
}
