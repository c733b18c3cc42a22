package no.alisportalen.position;

import jakarta.validation.constraints.Min;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import no.alisportalen.municipality.Region;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The national ALIS scheme's figures, per year, so next year's figures are a configuration change
 * ({@code portal.scheme.years.2027.standard-max-nok=...}). A position follows the year it starts in (today's
 * year before it has a start date); a year without figures uses the latest earlier year's.
 *
 * @param years the figures by calendar year; unset: the built-in 2026 figures
 */
@Validated
@ConfigurationProperties(prefix = "portal.scheme")
public record SchemeProperties(@Nullable Map<Integer, Year> years) {

    /**
     * @param standardMaxNok the standard elements of one agreement together, NOK per year (367,000 in 2026)
     * @param extraMaxNok the extra elements for especially recruitment-weak municipalities together (200,000)
     * @param defaults each standard element's NOK per year when a position names no amount
     * @param regionalBudgetsNok what each region's office may spend on the scheme that year (standard and extra
     *     elements of its published and filled positions)
     */
    public record Year(@Min(0) int standardMaxNok, @Min(0) int extraMaxNok,
            @Nullable Map<AlisAgreementElement, Integer> defaults, @Nullable Map<Region, Long> regionalBudgetsNok) {

        public Year {
            var complete = new EnumMap<AlisAgreementElement, Integer>(AlisAgreementElement.class);
            complete.putAll(BUILT_IN_DEFAULTS);
            if (defaults != null) {
                complete.putAll(defaults);
            }
            defaults = java.util.Collections.unmodifiableMap(complete);
            var budgets = new EnumMap<Region, Long>(Region.class);
            for (var region : Region.values()) {
                budgets.put(region, BUILT_IN_BUDGET_NOK);
            }
            if (regionalBudgetsNok != null) {
                budgets.putAll(regionalBudgetsNok);
            }
            regionalBudgetsNok = java.util.Collections.unmodifiableMap(budgets);
            if (defaults.values().stream().mapToLong(Integer::longValue).sum() > standardMaxNok) {
                throw new IllegalArgumentException("portal.scheme: the standard elements' defaults add up to more "
                        + "than standard-max-nok " + standardMaxNok);
            }
        }

        public int defaultFor(AlisAgreementElement element) {
            return java.util.Objects.requireNonNull(defaults).get(element);
        }

        public long budgetFor(Region region) {
            return java.util.Objects.requireNonNull(regionalBudgetsNok).get(region);
        }
    }

    /**
     * Defaults that add up to the 2026 ceiling of 367,000 NOK; municipalities enter their own agreement's
     * amounts, and an operator replaces these with the year's national figures.
     */
    static final Map<AlisAgreementElement, Integer> BUILT_IN_DEFAULTS = Map.of(
            AlisAgreementElement.PRACTICE_COMPENSATION, 150_000,
            AlisAgreementElement.COURSE_EXPENSES, 60_000,
            AlisAgreementElement.REDUCED_LIST_COMPENSATION, 100_000,
            AlisAgreementElement.SUPERVISION_COSTS, 40_000,
            AlisAgreementElement.NETWORK_GATHERINGS, 17_000);
    static final long BUILT_IN_BUDGET_NOK = 30_000_000L;

    public SchemeProperties {
        var sorted = new TreeMap<Integer, Year>();
        if (years == null || years.isEmpty()) {
            sorted.put(2026, new Year(367_000, 200_000, null, null));
        } else {
            sorted.putAll(years);
        }
        years = java.util.Collections.unmodifiableNavigableMap(sorted);
    }

    /** The figures that apply in a calendar year. */
    public Year forYear(int year) {
        var all = (java.util.NavigableMap<Integer, Year>) java.util.Objects.requireNonNull(years);
        var entry = all.floorEntry(year);
        return entry != null ? entry.getValue() : all.firstEntry().getValue();
    }
}
