package no.alisportalen.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import no.alisportalen.base.ui.Money;
import no.alisportalen.municipality.Region;
import org.junit.jupiter.api.Test;

class SchemePropertiesTest {

    @Test
    void a_year_without_figures_uses_the_latest_earlier_years_so_next_year_is_a_configuration_change() {
        var builtIn = new SchemeProperties(null);
        assertThat(builtIn.forYear(2026).standardMaxNok()).isEqualTo(367_000);
        assertThat(builtIn.forYear(2030).extraMaxNok()).isEqualTo(200_000);
        var configured = new SchemeProperties(Map.of(
                2026, new SchemeProperties.Year(367_000, 200_000, null, null),
                2027, new SchemeProperties.Year(380_000, 210_000,
                        Map.of(AlisAgreementElement.COURSE_EXPENSES, 70_000), Map.of(Region.NORD, 50_000_000L))));
        assertThat(configured.forYear(2026).standardMaxNok()).isEqualTo(367_000);
        assertThat(configured.forYear(2027).standardMaxNok()).isEqualTo(380_000);
        assertThat(configured.forYear(2029).defaultFor(AlisAgreementElement.COURSE_EXPENSES)).isEqualTo(70_000);
        assertThat(configured.forYear(2027).budgetFor(Region.NORD)).isEqualTo(50_000_000L);
        assertThat(configured.forYear(2025).standardMaxNok()).as("before the first year: the first").isEqualTo(367_000);
    }

    @Test
    void defaults_above_the_ceiling_are_refused_at_start() {
        assertThatThrownBy(() -> new SchemeProperties.Year(100_000, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standard-max-nok");
    }

    @Test
    void kroner_read_as_people_say_them() {
        var nb = java.util.Locale.forLanguageTag("nb");
        assertThat(Money.nok(1_450_000, nb)).isEqualTo("1,45 mill. kr");
        assertThat(Money.nok(2_000_000, nb)).isEqualTo("2 mill. kr");
        assertThat(Money.nok(367_000, nb).replace('\u00a0', ' ')).isEqualTo("367 000 kr");
        assertThat(Money.nok(1_450_000, java.util.Locale.ENGLISH)).isEqualTo("NOK 1.45 million");
    }
}
