package no.alisportalen.search;

import static no.alisportalen.TestApi.ADMIN_EMAIL;
import static no.alisportalen.TestApi.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.account.AccountService;
import no.alisportalen.infrastructure.embedded.EmbeddedElasticsearch;
import no.alisportalen.municipality.GeoPoint;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.position.AlisAgreementElement;
import no.alisportalen.position.Contact;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Incentive;
import no.alisportalen.position.IncentiveType;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.WorkSetting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

/**
 * The search API against an independent computation over the stored positions: every filter, every facet
 * count (disjunctive), folding and typos, pagination under every sort, radius and distance, the outage path
 * and a rebuild without downtime.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    PositionService positions;

    @Autowired
    PositionSearchService search;

    @Autowired
    MunicipalityService municipalities;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccountService accounts;

    @Autowired
    EmbeddedElasticsearch elasticsearch;

    TestApi api;
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @BeforeAll
    void createPositions() {
        api = new TestApi(port);
        assertThat(elasticsearch.awaitHealthy(Duration.ofMinutes(2))).as("embedded Elasticsearch up").isTrue();
        asAdmin(() -> {
            var random = new Random(7);
            var all = municipalities.all();
            for (int i = 0; i < 60; i++) {
                var m = i == 0 ? municipalities.find("5501").orElseThrow() : all.get(random.nextInt(all.size()));
                var setting = WorkSetting.values()[random.nextInt(WorkSetting.values().length)];
                var salaried = random.nextBoolean();
                var incentives = new ArrayList<Incentive>();
                if (random.nextBoolean()) {
                    incentives.add(new Incentive(IncentiveType.values()[random.nextInt(IncentiveType.values().length)],
                            10_000 * random.nextInt(10), null));
                }
                var title = i == 0 ? "ALIS ved Tromsø legesenter" : "ALIS-stilling nummer " + i + " i " + m.name();
                var data = new PositionData(m.number(), title, "Allmennmedisin med god veiledning.", m.name() + " legesenter",
                        null, salaried ? EmploymentForm.SALARIED : EmploymentForm.SELF_EMPLOYED, setting,
                        setting.hasPatientList() ? 400 + 50 * random.nextInt(20) : null,
                        salaried ? 900_000 + 10_000 * random.nextInt(40) : null, random.nextBoolean(), true,
                        Set.of(AlisAgreementElement.COURSE_EXPENSES), random.nextBoolean(), incentives,
                        random.nextBoolean(), 4, false, random.nextInt(4) == 0 ? null : 2 + random.nextInt(10), false,
                        today.plusDays(90 + random.nextInt(100)), today.plusDays(random.nextInt(60)), 1, Contact.empty());
                var created = positions.create(data);
                if (i % 10 != 9) {
                    positions.publish(created.id(), created.version());
                }
            }
        });
        search.flush();
    }

    @BeforeEach
    void sync() {
        api = new TestApi(port);
        assertThat(elasticsearch.awaitHealthy(Duration.ofMinutes(2))).isTrue();
        search.flush();
    }

    private void asAdmin(Runnable action) {
        var admin = users.loadUserByUsername(ADMIN_EMAIL);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                admin, null, admin.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The independent truth: every published position whose deadline has not passed, straight from MongoDB. */
    private List<Position> open() {
        return positions.published().stream()
                .filter(p -> p.data().applicationDeadline() != null && !p.data().applicationDeadline().isBefore(today))
                .toList();
    }

    private Set<String> ids(List<Position> list) {
        return list.stream().map(p -> p.id().value()).collect(Collectors.toSet());
    }

    /** Every id the API returns for a query, across all pages. */
    private List<String> allIds(String query) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            var response = api.get("/api/v1/positions?size=100&page=" + page + (query.isEmpty() ? "" : "&" + query));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            var items = response.json().get("items");
            items.valueStream().forEach(i -> ids.add(i.get("id").asString()));
            if (items.size() < 100) {
                return ids;
            }
        }
    }

    private void assertMatches(String query, Predicate<Position> expected) {
        var truth = ids(open().stream().filter(expected).toList());
        var found = allIds(query);
        assertThat(found).as(query).doesNotHaveDuplicates();
        assertThat(new HashSet<>(found)).as(query).isEqualTo(truth);
        assertThat(api.get("/api/v1/positions?size=1&" + query).json().get("total").asLong()).as(query)
                .isEqualTo(truth.size());
    }

    @Test
    void every_filter_agrees_with_an_independent_computation() {
        assertMatches("", p -> true);
        assertMatches("region=NORD&region=VEST", p -> Set.of("NORD", "VEST").contains(p.region().name()));
        assertMatches("county=18", p -> municipalities.find(p.municipalityNumber()).orElseThrow().countyNumber().equals("18"));
        assertMatches("municipality=5501", p -> p.municipalityNumber().equals("5501"));
        assertMatches("employmentForm=SALARIED", p -> p.data().employmentForm() == EmploymentForm.SALARIED);
        assertMatches("setting=NURSING_HOME&setting=OUT_OF_HOURS", p -> p.data().setting() == WorkSetting.NURSING_HOME
                || p.data().setting() == WorkSetting.OUT_OF_HOURS);
        assertMatches("maxListLength=800", p -> p.data().listLength() == null || p.data().listLength() <= 800);
        assertMatches("minSalary=1100000", p -> p.data().annualSalaryNok() != null && p.data().annualSalaryNok() >= 1_100_000);
        assertMatches("introductionAgreement=true", p -> p.data().introductionAgreement());
        assertMatches("introductionAgreement=false", p -> !p.data().introductionAgreement());
        assertMatches("alisAgreement=true", p -> p.data().alisAgreement());
        assertMatches("recruitmentWeak=true", p -> p.data().recruitmentWeak());
        assertMatches("supervisorOnSite=true", p -> p.data().supervisorOnSite());
        assertMatches("minOnCallRotation=6", p -> p.data().onCallRotation() == null || p.data().onCallRotation() >= 6);
        assertMatches("incentive=HOUSING&incentive=RELOCATION", p -> p.data().incentives().stream()
                .anyMatch(i -> i.type() == IncentiveType.HOUSING || i.type() == IncentiveType.RELOCATION));
        assertMatches("centrality=5&centrality=6", p -> p.centrality() >= 5);
        assertMatches("region=NORD&employmentForm=SALARIED&maxListLength=900", p -> p.region().name().equals("NORD")
                && p.data().employmentForm() == EmploymentForm.SALARIED
                && (p.data().listLength() == null || p.data().listLength() <= 900));
    }

    @Test
    void facet_counts_apply_every_filter_except_their_own() {
        var query = "region=NORD&region=MIDT&employmentForm=SALARIED&minOnCallRotation=4";
        var facets = api.get("/api/v1/positions?size=1&" + query).json().get("facets");
        Predicate<Position> region = p -> Set.of("NORD", "MIDT").contains(p.region().name());
        Predicate<Position> form = p -> p.data().employmentForm() == EmploymentForm.SALARIED;
        Predicate<Position> onCall = p -> p.data().onCallRotation() == null || p.data().onCallRotation() >= 4;

        assertFacet(facets.get("region"), open().stream().filter(form.and(onCall)).toList(), p -> p.region().name());
        assertFacet(facets.get("employmentForm"), open().stream().filter(region.and(onCall)).toList(),
                p -> p.data().employmentForm().name());
        var all = open().stream().filter(region.and(form).and(onCall)).toList();
        assertFacet(facets.get("setting"), all, p -> p.data().setting().name());
        assertFacet(facets.get("centrality"), all, p -> Integer.toString(p.centrality()));
        assertFacet(facets.get("introductionAgreement"), all, p -> Boolean.toString(p.data().introductionAgreement()));
        assertFacet(facets.get("county"), all,
                p -> municipalities.find(p.municipalityNumber()).orElseThrow().countyNumber());
        Map<String, Long> incentives = new HashMap<>();
        all.forEach(p -> p.data().incentives().stream().map(i -> i.type().name()).distinct()
                .forEach(t -> incentives.merge(t, 1L, Long::sum)));
        assertThat(counts(facets.get("incentive"))).isEqualTo(incentives);
    }

    private void assertFacet(JsonNode facet, List<Position> positions, Function<Position, String> value) {
        var expected = positions.stream().collect(Collectors.groupingBy(value, Collectors.counting()));
        assertThat(counts(facet)).isEqualTo(expected);
    }

    private static Map<String, Long> counts(JsonNode facet) {
        Map<String, Long> counts = new HashMap<>();
        facet.valueStream().forEach(v -> counts.put(v.get("value").asString(), v.get("count").asLong()));
        return counts;
    }

    @Test
    void free_text_folds_norwegian_letters_and_tolerates_typos() {
        for (var q : List.of("tromso", "tromsö", "TROMSØ", "Tromsø", "tromsoe")) {
            var items = api.get("/api/v1/positions?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))
                    .json().get("items");
            assertThat(items.valueStream().map(i -> i.get("title").asString())).as(q)
                    .contains("ALIS ved Tromsø legesenter");
        }
        var typo = api.get("/api/v1/positions?q=legesentr%20tromsoo").json();
        assertThat(typo.get("items").valueStream().map(i -> i.get("title").asString()))
                .contains("ALIS ved Tromsø legesenter");
        var first = typo.get("items").get(0);
        assertThat(first.get("highlight").toString()).contains("<em>");
        // Marked despite the typo (one edit) and despite "oe" for ø.
        assertThat(highlightOf(typo, "ALIS ved Tromsø legesenter")).contains("<em>legesenter</em>");
        assertThat(highlightOf(api.get("/api/v1/positions?q=tromsoe").json(), "ALIS ved Tromsø legesenter"))
                .contains("<em>Tromsø</em>");
        assertThat(api.get("/api/v1/positions?q=xyzzyqwerty").json().get("total").asLong()).isZero();
    }

    private static String highlightOf(JsonNode result, String title) {
        return result.get("items").valueStream().filter(i -> i.get("title").asString().equals(title)).findFirst()
                .orElseThrow().get("highlight").toString();
    }

    @Test
    void pagination_never_repeats_or_skips_under_any_sort() {
        for (var sort : List.of("relevance", "deadline", "newest", "salary", "distance")) {
            var query = "sort=" + sort + (sort.equals("distance") ? "&near=63.43,10.39" : "");
            var paged = new ArrayList<String>();
            for (int page = 0; ; page++) {
                var items = api.get("/api/v1/positions?size=7&page=" + page + "&" + query).json().get("items");
                items.valueStream().forEach(i -> paged.add(i.get("id").asString()));
                if (items.size() < 7) {
                    break;
                }
            }
            assertThat(paged).as(sort).doesNotHaveDuplicates();
            assertThat(new HashSet<>(paged)).as(sort).isEqualTo(ids(open()));
            var byId = open().stream().collect(Collectors.toMap(p -> p.id().value(), p -> p));
            var ordered = paged.stream().map(byId::get).toList();
            switch (sort) {
                case "deadline" -> assertThat(ordered).extracting(p -> p.data().applicationDeadline()).isSorted();
                case "newest" -> assertThat(ordered).extracting(p -> p.publishedAt())
                        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
                case "salary" -> assertThat(ordered.stream().map(p -> p.data().annualSalaryNok()).toList())
                        .isSortedAccordingTo(java.util.Comparator.nullsLast(java.util.Comparator.<Integer>reverseOrder()));
                case "distance" -> assertThat(ordered.stream().map(p -> new GeoPoint(63.43, 10.39)
                        .distanceKm(p.data().location())).toList()).isSorted();
                default -> { }
            }
        }
    }

    @Test
    void radius_keeps_exactly_the_positions_within_reach_and_reports_their_distance() {
        var bodo = municipalities.find("1804").orElseThrow().location();
        var response = api.get("/api/v1/positions?size=100&nearMunicipality=1804&radiusKm=250&sort=distance").json();
        var within = open().stream().filter(p -> bodo.distanceKm(p.data().location()) <= 250).toList();
        // Allow for rounding at the very edge: nothing farther than 250.5 km, nothing closer than 249.5 km missed.
        var returned = response.get("items").valueStream().map(i -> i.get("id").asString()).collect(Collectors.toSet());
        assertThat(returned).containsAll(ids(within.stream().filter(p -> bodo.distanceKm(p.data().location()) < 249.5).toList()));
        response.get("items").valueStream().forEach(i -> {
            assertThat(i.get("distanceKm").asDouble()).isLessThanOrEqualTo(250.5);
        });
        var distances = response.get("items").valueStream().map(i -> i.get("distanceKm").asDouble()).toList();
        assertThat(distances).isSorted();
        assertThat(api.get("/api/v1/positions?near=67.28,14.40&radiusKm=50").status()).isEqualTo(200);
    }

    @Test
    void invalid_parameters_get_problem_details() {
        assertThat(api.get("/api/v1/positions?region=ATLANTIS").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/positions?size=0").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/positions?size=101").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/positions?page=-1").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/positions?page=200&size=100").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/positions?near=north").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/positions?radiusKm=10").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/positions?sort=distance").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/positions?nearMunicipality=0000&radiusKm=10").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/positions?maxListLength=abc").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/positions?centrality=x").json().get("type").asString()).endsWith("/validation");
    }

    @Test
    void application_counts_never_leak_through_search() {
        var items = api.get("/api/v1/positions?size=100", ADMIN_EMAIL, ADMIN_PASSWORD).json().get("items");
        assertThat(items.valueStream().noneMatch(i -> i.has("applicationCount"))).isTrue();
    }

    @Test
    void a_rebuild_swaps_in_a_complete_index_without_downtime() {
        assertThat(api.post("/api/v1/admin/reindex", null).status()).isEqualTo(401);
        assertThat(accounts.count()).isPositive();
        var started = api.post("/api/v1/admin/reindex", null, ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(started.status()).isEqualTo(202);
        var before = allIds("");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            // Searches keep answering while the rebuild runs.
            assertThat(api.get("/api/v1/positions?size=1").status()).isEqualTo(200);
            var status = api.get("/api/v1/admin/reindex", ADMIN_EMAIL, ADMIN_PASSWORD).json();
            assertThat(status.get("running").asBoolean()).isFalse();
            assertThat(status.get("error").isNull()).isTrue();
        });
        search.flush();
        assertThat(new HashSet<>(allIds(""))).isEqualTo(new HashSet<>(before));
    }

    @Test
    void writes_succeed_while_elasticsearch_is_down_and_become_searchable_without_intervention() {
        var server = elasticsearch.process().orElseThrow();
        server.descendants().forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !elasticsearch.isHealthy());

        var during = api.get("/api/v1/positions");
        assertThat(during.status()).isEqualTo(503);
        assertThat(during.json().get("detail").asString()).contains("midlertidig utilgjengelig");

        var title = "Skrevet mens søket var nede " + System.nanoTime();
        var body = new HashMap<String, Object>(Map.of("municipalityNumber", "4601", "title", title,
                "employmentForm", "SELF_EMPLOYED", "setting", "GP_PRACTICE", "listLength", 900,
                "startDate", today.plusMonths(4).toString(), "applicationDeadline", today.plusMonths(1).toString()));
        var created = api.post("/api/v1/positions", body, ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(created.status()).isEqualTo(201);
        var id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/positions/" + id + "/publish", null, ADMIN_EMAIL, ADMIN_PASSWORD).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var response = api.get("/api/v1/positions?municipality=4601&size=100");
            return response.status() == 200 && response.body().contains(id);
        });
        assertThat(elasticsearch.starts()).isGreaterThanOrEqualTo(2);
        assertThat(Objects.requireNonNull(positions.find(new no.alisportalen.position.PositionId(id)).orElseThrow()
                .data().title())).isEqualTo(title);
    }
}
