package no.alisportalen.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MunicipalityServiceTest {

    private final MunicipalityService service = new MunicipalityService();

    @Test
    void loads_all_357_municipalities_in_15_counties() {
        assertThat(service.all()).hasSize(357);
        assertThat(service.counties()).hasSize(15);
        assertThat(service.all()).extracting(Municipality::number).doesNotHaveDuplicates();
    }

    @Test
    void every_region_has_municipalities_and_counties_map_to_the_documented_office() {
        Map<String, Region> expected = Map.ofEntries(Map.entry("18", Region.NORD), Map.entry("55", Region.NORD),
                Map.entry("56", Region.NORD), Map.entry("15", Region.MIDT), Map.entry("50", Region.MIDT),
                Map.entry("11", Region.VEST), Map.entry("46", Region.VEST), Map.entry("32", Region.OST),
                Map.entry("33", Region.OST), Map.entry("34", Region.OST), Map.entry("31", Region.SOR),
                Map.entry("39", Region.SOR), Map.entry("40", Region.SOR), Map.entry("42", Region.SOR),
                Map.entry("03", Region.OSLO));
        for (var m : service.all()) {
            assertThat(m.region()).as(m.name()).isEqualTo(expected.get(m.countyNumber()));
        }
        assertThat(service.all().stream().map(Municipality::region).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Region.values());
    }

    @Test
    void looks_up_by_number_with_name_county_centrality_and_coordinates() {
        var bodo = service.find("1804").orElseThrow();
        assertThat(bodo.name()).isEqualTo("Bodø");
        assertThat(bodo.countyName()).isEqualTo("Nordland");
        assertThat(bodo.region()).isEqualTo(Region.NORD);
        assertThat(bodo.centrality()).isBetween(1, 6);
        assertThat(bodo.location().lat()).isBetween(67.0, 67.5);
        assertThat(service.find("9999")).isEmpty();
        assertThat(service.exists("5501")).isTrue();
    }

    @Test
    void names_sort_with_norwegian_collation() {
        var names = service.byName().stream().map(Municipality::name).toList();
        // Norwegian order puts Æ, Ø and Å after Z.
        assertThat(names.indexOf("Øygarden")).isGreaterThan(names.indexOf("Vinje"));
        assertThat(names.indexOf("Ålesund")).isGreaterThan(names.indexOf("Øygarden"));
    }
}
