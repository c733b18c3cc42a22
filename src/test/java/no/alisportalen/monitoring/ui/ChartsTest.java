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
    void the_dashboards_five_settings_in_two_series_keep_every_name_whole() {
        var names = java.util.List.of("Fastlegepraksis", "Sykehjem", "Legevakt", "Kommunal akutt døgnenhet", "Annet");
        var salaried = new java.util.LinkedHashMap<String, Number>();
        var selfEmployed = new java.util.LinkedHashMap<String, Number>();
        names.forEach(n -> {
            salaried.put(n, 1.1);
            selfEmployed.put(n, 2.0);
        });
        var series = new java.util.LinkedHashMap<String, Map<String, Number>>();
        series.put("Fastlønn", salaried);
        series.put("Næringsdrift", selfEmployed);
        var svg = Charts.bars("Ingen data", "Søknader per stilling", series);
        // Each word whole in one text element: nothing broken mid-word, nothing cut with an ellipsis.
        for (var word : java.util.List.of("Fastlegepraksis", "Sykehjem", "Legevakt", "døgnenhet", "Annet")) {
            assertThat(svg).containsPattern(">[^<]*\\b" + word + "\\b[^<]*<");
        }
        assertThat(svg).doesNotContain("...").doesNotContain("\u2026");
        // Under the bars, the demo's dashboard showed "Fastlegepr|aksis" and "døgnenh…" although they fit in this
        // JVM's font measure: width under a bar is not to be trusted. The chart lies on its side, names on the left.
        for (var name : names) {
            var at = java.util.regex.Pattern.compile("<text x='([0-9.]+)'[^>]*>" + name.split(" ")[0]).matcher(svg);
            assertThat(at.find()).as(name).isTrue();
            assertThat(Double.parseDouble(at.group(1))).as(name + " left of the bars").isLessThan(Charts.WIDTH / 2.0);
        }
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
