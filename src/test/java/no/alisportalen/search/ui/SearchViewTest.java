package no.alisportalen.search.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.alisportalen.ViewTest;
import no.alisportalen.infrastructure.embedded.EmbeddedElasticsearch;
import no.alisportalen.municipality.Region;
import no.alisportalen.search.PositionSearchService;
import no.alisportalen.search.SearchQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ViewTest
class SearchViewTest extends SpringBrowserlessTest {

    @Autowired
    PositionSearchService search;

    @Autowired
    EmbeddedElasticsearch elasticsearch;

    @Autowired
    no.alisportalen.position.PositionService positions;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    static boolean seeded;

    /** A few open positions in three regions of its own, so the page has something to show in any test order. */
    @BeforeEach
    void indexUpToDate() {
        assertThat(elasticsearch.awaitHealthy(Duration.ofMinutes(2))).isTrue();
        if (!seeded) {
            var admin = users.loadUserByUsername(no.alisportalen.TestApi.ADMIN_EMAIL);
            var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
            var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
            context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                    .authenticated(admin, null, admin.getAuthorities()));
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
            try {
                for (var municipality : List.of("1804", "4601", "0301")) {
                    var blank = no.alisportalen.position.PositionData.blank(municipality);
                    var data = new no.alisportalen.position.PositionData(municipality, "ALIS i søketest " + municipality,
                            null, null, null, blank.employmentForm(), blank.setting(), 700, 1_000_000, false, true,
                            Set.of(), false, List.of(), true, 4, false, 6, false,
                            java.time.LocalDate.now().plusMonths(4), java.time.LocalDate.now().plusMonths(1), 1,
                            blank.contact());
                    var created = positions.create(data);
                    positions.publish(created.id(), created.version());
                }
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
            }
            seeded = true;
        }
        search.flush();
    }

    private SearchView open(Map<String, List<String>> parameters) {
        UI.getCurrent().navigate(SearchView.class, new QueryParameters(parameters));
        return $(SearchView.class).single();
    }

    private long total(SearchQuery query) {
        return search.search(query.withPage(0, 1)).total();
    }

    @Test
    void the_url_holds_the_query_and_the_page_shows_its_results() {
        var view = open(Map.of("region", List.of("NORD"), "employmentForm", List.of("SALARIED")));
        assertThat(view.region.getValue()).containsExactly("NORD");
        var expected = total(new SearchQuery(null, List.of(Region.NORD), List.of(), List.of(),
                List.of(no.alisportalen.position.EmploymentForm.SALARIED), List.of(), null, null, null, null, null,
                null, null, List.of(), List.of(), null, null, no.alisportalen.search.SearchSort.RELEVANCE, 0, 20));
        assertThat(view.summary.getText()).isEqualTo(expected + " stillinger");
        assertThat(view.results.getChildren().count()).isEqualTo(Math.min(expected, SearchView.PAGE_SIZE) == 0 ? 1
                : Math.min(expected, SearchView.PAGE_SIZE));
    }

    @Autowired
    no.alisportalen.exposure.ApplicantNeeds needs;

    @Test
    void cards_of_positions_that_need_applicants_say_so_until_the_searcher_switches_the_lift_off() {
        needs.recompute(); // the seeded positions have no applications
        search.flush();
        var view = open(Map.of("municipality", List.of("4601")));
        assertThat(view.boost.getValue()).isTrue();
        assertThat(view.results.getElement().getTextRecursively()).contains("ALIS i søketest 4601",
                "Trenger søkere", "ingen søknader ennå");
        view.boost.setValue(false);
        assertThat(view.results.getElement().getTextRecursively()).contains("ALIS i søketest 4601")
                .doesNotContain("Trenger søkere");
        // Remembered for the session: the next search is without it too.
        var again = open(Map.of("municipality", List.of("4601"), "sort", List.of("relevance")));
        assertThat(again.boost.getValue()).isFalse();
        assertThat(again.results.getElement().getTextRecursively()).doesNotContain("Trenger søkere");
        again.boost.setValue(true);
    }

    @Test
    void choosing_a_facet_value_updates_the_url_and_the_counts() {
        var view = open(Map.of());
        var all = total(SearchQuery.all());
        assertThat(view.summary.getText()).isEqualTo(all + " stillinger");
        // A visitor can only tick the values on offer: take the first region the facet shows.
        var offered = view.region.getListDataView().getItems().toList();
        assertThat(offered).isNotEmpty();
        var chosen = offered.getFirst();
        view.region.setValue(Set.of(chosen));
        var location = UI.getCurrent().getActiveViewLocation();
        assertThat(location.getQueryParameters().getParameters()).containsEntry("region", List.of(chosen));
        var view2 = $(SearchView.class).single();
        var expected = total(new SearchQuery(null, List.of(Region.valueOf(chosen)), List.of(), List.of(), List.of(),
                List.of(), null, null, null, null, null, null, null, List.of(), List.of(), null, null,
                no.alisportalen.search.SearchSort.RELEVANCE, 0, 20));
        assertThat(view2.summary.getText()).isEqualTo(expected + " stillinger");
        // Disjunctive: the region facet still offers every region it offered before.
        assertThat(view2.region.getListDataView().getItems().toList()).containsAll(offered);
    }

    @Test
    void the_map_marks_every_municipality_with_results_and_keeps_working_offline() {
        var view = open(Map.of("visning", List.of("kart")));
        assertThat(view.mode.getValue()).isEqualTo(SearchView.MAP);
        var svg = view.results.getElement().getOuterHTML();
        var counts = search.countsByMunicipality(SearchQuery.all());
        assertThat(counts).isNotEmpty();
        // One marker per municipality with results, each a link that narrows the search to it.
        assertThat(svg.split("class=\"map-marker\"", -1).length - 1).isEqualTo(counts.size());
        assertThat(svg).contains("municipality=" + counts.keySet().iterator().next()).contains("<title>");
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total(SearchQuery.all()));
    }

    @Test
    void a_hand_edited_url_with_bad_values_falls_back_instead_of_failing() {
        var view = open(Map.of("region", List.of("ATLANTIS"), "page", List.of("-3"), "sort", List.of("distance")));
        assertThat(view.summary.getText()).isEqualTo(total(SearchQuery.all()) + " stillinger");
        assertThat(view.sort.getValue()).isEqualTo(no.alisportalen.search.SearchSort.RELEVANCE);
    }
}
