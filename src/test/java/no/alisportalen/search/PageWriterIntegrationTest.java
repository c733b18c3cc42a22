package no.alisportalen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.BenchmarkPositions;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.PositionService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's pages are written straight from Elasticsearch's response ({@link PageWriter}, #14). Each must equal the
 * page written from the bound result, field for field, for every kind of question: free text with highlights,
 * distances, needs, facets, capped and empty pages, the boost on and off; and the facet counts, read from the
 * response's bytes, must equal what the search client's typed aggregations make of it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageWriterIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    PositionSearchService search;

    @Autowired
    PositionService positions;

    @Autowired
    MunicipalityService municipalities;

    @Autowired
    UserDetailsService users;

    @Autowired
    JsonMapper json;

    @Autowired
    co.elastic.clients.elasticsearch.ElasticsearchClient client;

    @Autowired
    SearchIndex index;

    @Autowired
    IndexGeneration generation;

    @BeforeAll
    void data() {
        var random = new Random(14);
        no.alisportalen.TestUsers.as(users, TestApi.ADMIN_EMAIL, () -> {
            for (int i = 0; i < 60; i++) {
                var position = positions.create(BenchmarkPositions.generate(municipalities, random));
                positions.publish(position.id(), position.version());
            }
            return null;
        });
        // One written as a municipality would: markup, contact, agreement elements, a named incentive.
        var api = new TestApi(port);
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var body = TestApi.position("1804", "Fastlege «ALIS» i Bodø – legesenter");
        body.put("description", "<p>Veiledning <strong>hver uke</strong> & \"gruppe\".</p>");
        body.put("alisAgreement", true);
        body.put("alisAgreementElements", List.of("COURSE_EXPENSES", "SUPERVISION_COSTS"));
        body.put("incentives", List.of(Map.of("type", "HOUSING", "annualAmountNok", 50_000, "description", "Bolig")));
        body.put("contact", Map.of("name", "Kari", "email", "kari@bodo.kommune.no", "phone", "+47 75 55 50 00"));
        api.publishedPosition(body, bodo);
        search.flush();
    }

    @Test
    void every_kind_of_page_equals_the_page_written_from_the_bound_result() {
        var bodo = municipalities.find("1804").orElseThrow().location();
        var all = SearchQuery.all();
        List<SearchQuery> questions = new ArrayList<>(List.of(all, all.withPage(1, 7), all.withPage(0, 100),
                text(all, "legesenter"), text(all, "tromso fastlonn"), text(all, "Bodø «ALIS»"),
                text(all, "zzzqqq")));
        questions.add(new SearchQuery(null, List.of(Region.NORD), List.of(), List.of(), List.of(), List.of(), null,
                null, null, null, null, null, null, List.of(), List.of(), bodo, 500.0, SearchSort.DISTANCE, 0, 20,
                null));
        questions.add(new SearchQuery("sykehjem", List.of(), List.of(), List.of(),
                List.of(EmploymentForm.SALARIED), List.of(), null, 900_000, null, null, null, null, null, List.of(),
                List.of(), bodo, null, SearchSort.RELEVANCE, 0, 20, null));
        for (var sort : SearchSort.values()) {
            if (sort != SearchSort.DISTANCE) {
                questions.add(new SearchQuery(null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
                        null, null, true, null, null, List.of(), List.of(), null, null, sort, 0, 20, null));
            }
        }
        boolean distance = false;
        boolean highlight = false;
        boolean needs = false;
        for (var question : questions) {
            for (boolean boost : new boolean[] {true, false}) {
                var page = new java.util.concurrent.atomic.AtomicReference<tools.jackson.databind.JsonNode>();
                List<String> differences = new ArrayList<>();
                // Both pages must come from one state of the index. An indexer pass or a need update of another
                // test's positions between the two requests changes what the second one sees (seen once in six
                // full runs: one position more at item 8), so a differing pair is read again until the index has
                // settled; a real difference between the two paths stays, and fails below.
                try {
                    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                            .pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
                                differences.clear();
                                page.set(json.readTree(search.searchRendered(question, boost, result -> {
                                    throw new AssertionError("the bound path was taken for " + question);
                                }).json()));
                                // As the API wrote it before: the bound result through the API's mapper.
                                var bound = json.readTree(json.writeValueAsBytes(search.search(question, boost)));
                                differences("", page.get(), bound, differences);
                                return differences.isEmpty();
                            });
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    // the assertion names the differences
                }
                var written = page.get();
                assertThat(differences).as("%s, boost %s", question, boost).isEmpty();
                assertThat(written.get("facets")).as("facets of %s", question)
                        .isEqualTo(json.readTree(json.writeValueAsBytes(typedFacets(question))));
                for (var item : written.get("items")) {
                    distance |= item.has("distanceKm");
                    highlight |= item.has("highlight");
                    needs |= item.get("needsApplicants").asBoolean();
                }
            }
        }
        assertThat(distance).as("some page had distances").isTrue();
        assertThat(highlight).as("some page had highlights").isTrue();
        assertThat(needs).as("some page had positions that need applicants").isTrue();
    }

    @Test
    void a_position_stored_in_another_form_is_written_from_the_bound_result() throws Exception {
        var question = new SearchQuery(null, List.of(), List.of(), List.of("1804"), List.of(), List.of(), null, null,
                null, null, null, null, null, List.of(), List.of(), null, null, SearchSort.DEADLINE, 0, 13, null);
        var hit = client.search(s -> s.index(index.alias()).query(q -> q.term(t -> t.field("municipalityNumber")
                .value("1804"))).size(1).version(true), com.fasterxml.jackson.databind.node.ObjectNode.class)
                .hits().hits().get(0);
        var stored = java.util.Objects.requireNonNull(hit.source());
        var older = stored.deepCopy();
        older.remove("docFormat"); // as written before forms were numbered
        long version = java.util.Objects.requireNonNull(hit.version());
        put(hit.id(), version, older);
        try {
            var bound = new java.util.concurrent.atomic.AtomicBoolean();
            var written = json.readTree(search.searchRendered(question, true, result -> {
                bound.set(true);
                return RenderedPage.of(json.writeValueAsBytes(result), List.of());
            }).json());

            assertThat(bound).as("the page was made from the bound result").isTrue();
            assertThat(written.get("items").valueStream().map(i -> i.get("id").asString())).contains(hit.id());
            var expected = json.readTree(json.writeValueAsBytes(search.search(question, true)));
            assertThat(written).isEqualTo(expected);

            // The hits already fetched are bound: one hits and one facets request, not the hits asked twice.
            // Another search in the background only adds to a count, so one of three tries shows the two.
            List<Long> requests = new ArrayList<>();
            for (int i = 0; i < 3 && !requests.contains(2L); i++) {
                generation.advance();
                long before = queries();
                search.searchRendered(question, true, result -> RenderedPage.of(new byte[0], List.of()));
                requests.add(queries() - before);
            }
            assertThat(requests).as("search requests per fallen-back page").contains(2L);
        } finally {
            put(hit.id(), version, stored);
        }
    }

    /**
     * Writes a document as it is, at the version it has (as the indexer would, so its later writes still apply),
     * and makes it searchable; the generation moves on, as after any index write.
     */
    private void put(String id, long version, com.fasterxml.jackson.databind.node.ObjectNode source)
            throws Exception {
        client.index(i -> i.index(index.alias()).id(id).document(source).version(version)
                .versionType(co.elastic.clients.elasticsearch._types.VersionType.ExternalGte).refresh(
                co.elastic.clients.elasticsearch._types.Refresh.True));
        generation.advance();
    }

    /** Search requests the index has answered. */
    private long queries() throws java.io.IOException {
        return client.indices().stats(s -> s.index(index.alias()).metric("search")).all().primaries().search()
                .queryTotal();
    }

    /** The facet counts as the search client's typed aggregations read them. */
    private Map<String, List<FacetValue>> typedFacets(SearchQuery question) {
        var requests = SearchQueryBuilder.build(index.alias(), question.normalized(),
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo")), 0);
        try {
            var response = client.search(requests.facets(), com.fasterxml.jackson.databind.node.ObjectNode.class);
            Map<String, List<FacetValue>> facets = new java.util.LinkedHashMap<>();
            for (var facet : PositionSearchService.FACETS) {
                facets.put(facet, PositionSearchService.values(response.aggregations().get(facet)));
            }
            return facets;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where two trees differ, by path: a whole page in a failure message would hide the one field that did. */
    private static void differences(String path, JsonNode written, JsonNode bound, List<String> out) {
        if (written.isObject() && bound.isObject()) {
            var names = new java.util.TreeSet<String>(written.propertyNames());
            names.addAll(bound.propertyNames());
            for (var name : names) {
                differences(path + "/" + name, written.path(name), bound.path(name), out);
            }
        } else if (written.isArray() && bound.isArray() && written.size() == bound.size()) {
            for (int i = 0; i < written.size(); i++) {
                differences(path + "/" + i, written.get(i), bound.get(i), out);
            }
        } else if (!written.equals(bound)) {
            out.add(path + ": written " + written + ", bound " + bound);
        }
    }

    private static SearchQuery text(SearchQuery query, String text) {
        return new SearchQuery(text, query.regions(), query.counties(), query.municipalities(),
                query.employmentForms(), query.settings(), query.maxListLength(), query.minSalary(),
                query.introductionAgreement(), query.alisAgreement(), query.recruitmentWeak(),
                query.supervisorOnSite(), query.minOnCallRotation(), query.incentives(), query.centralities(),
                query.centre(), query.radiusKm(), query.sort(), query.page(), query.size(), query.minYearlyValue());
    }
}
