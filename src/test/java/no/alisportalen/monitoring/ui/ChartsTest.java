package no.alisportalen.monitoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartsTest {

    private static final Pattern NEGATIVE_TICK = Pattern.compile(">\\s*[-\u2212]\\s*\\d");

    @Test
    void count_axes_never_run_below_zero_even_when_every_value_is_zero() {
        var zeros = Charts.bars("Ingen data", "Søknader", Map.of("Fastlønn", Map.of("Legekontor", 0, "Sykehjem", 0)));
        assertThat(NEGATIVE_TICK.matcher(zeros).find()).as("a negative tick label").isFalse();
        var weeks = new TreeMap<LocalDate, Long>(Map.of(LocalDate.of(2026, 11, 2), 0L, LocalDate.of(2026, 11, 9), 0L));
        assertThat(NEGATIVE_TICK.matcher(Charts.weekly("Ingen data", "Søknader", "Antall", weeks)).find()).isFalse();
    }

    @Test
    void long_category_names_wrap_instead_of_being_cut() {
        var svg = Charts.bars("Ingen data", "Søknader", Map.of("Fastlønn",
                Map.of("Kommunal akutt døgnenhet", 2, "Legevakt", 1)));
        assertThat(svg).contains("akutt").contains("døgnenhet").doesNotContain("...").doesNotContain("\u2026");
    }

    @Test
    void each_meaning_keeps_its_colour_across_charts() {
        var scheme = Charts.bars("Ingen data", "Tusen kr", Map.of("Standardelementer", Map.of("Røst", 300)),
                List.of(Charts.STANDARD_ELEMENTS, Charts.EXTRA_ELEMENTS));
        assertThat(scheme).containsIgnoringCase("rgb(46,125,50)");
        var forms = Charts.bars("Ingen data", "Søknader", Map.of("Fastlønn", Map.of("Legekontor", 2)),
                List.of(Charts.SALARIED, Charts.SELF_EMPLOYED));
        assertThat(forms).containsIgnoringCase("rgb(11,83,148)");
    }
}
