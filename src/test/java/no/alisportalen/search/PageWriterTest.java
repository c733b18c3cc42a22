package no.alisportalen.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.alisportalen.municipality.GeoPoint;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link PageWriter} makes of a hits response, and which responses it refuses so the caller takes the bound
 * path. PageWriterIntegrationTest compares it with that path on real responses.
 */
class PageWriterTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final PageWriter writer = new PageWriter(json);
    private final Map<String, List<FacetValue>> facets = Map.of("region", List.of(new FacetValue("NORD", 2)));

    private static final String HIT = """
            {"_index":"positions-1","_id":"p1","_score":1.5,"_ignored":["x"],
             "_source":{"docFormat":%d,"need":0.4,"needReasons":["NO_APPLICATIONS",7],"doc":{"id":"p1","version":3,
               "title":"ALIS «Bodø» \\"legesenter\\"","location":{"lat":67.28,"lon":14.40},"incentives":[{"a":1}],
               "annualSalaryNok":null}},
             "highlight":{"title":["ALIS <em>Bodø</em>"]},"sort":[1.5,"2027-01-01"]}""".formatted(
            PositionDocuments.DOC_FORMAT);

    private JsonNode write(String response, @Nullable GeoPoint centre, boolean boosted) {
        // Page 2 of 5 a page, around the centre given (none for null).
        var query = new SearchQuery(null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null,
                null, null, null, null, List.of(), List.of(), centre, null, SearchSort.RELEVANCE, 2, 5, null);
        var page = writer.write(new ByteArrayInputStream(response.getBytes(StandardCharsets.UTF_8)), query, boosted,
                () -> facets);
        return json.readTree(page.json());
    }

    private static String response(String total, String hits) {
        return "{\"took\":3,\"timed_out\":false,\"_shards\":{\"total\":1},\"hits\":{" + total
                + "\"max_score\":1.5,\"hits\":[" + hits + "]}}";
    }

    @Test
    void a_hit_becomes_the_position_with_its_distance_highlights_and_need() {
        var page = write(response("\"total\":{\"value\":10000,\"relation\":\"gte\"},", HIT + "," + HIT),
                new GeoPoint(69.65, 18.96), true);

        assertThat(page.get("total").asLong()).isEqualTo(10_000);
        assertThat(page.get("totalCapped").asBoolean()).isTrue();
        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.get("facets")).isEqualTo(json.readTree(json.writeValueAsString(facets)));
        assertThat(page.get("items")).hasSize(2);
        var item = page.get("items").get(0);
        assertThat(item.propertyNames()).containsExactly("id", "version", "title", "location", "incentives",
                "annualSalaryNok", "distanceKm", "highlight", "needsApplicants", "needReasons");
        assertThat(item.get("title").asString()).isEqualTo("ALIS «Bodø» \"legesenter\"");
        assertThat(item.get("annualSalaryNok").isNull()).isTrue();
        assertThat(item.get("distanceKm").asDouble())
                .isEqualTo(Math.round(new GeoPoint(69.65, 18.96).distanceKm(new GeoPoint(67.28, 14.40)) * 10) / 10.0);
        assertThat(item.get("highlight").get("title").get(0).asString()).isEqualTo("ALIS <em>Bodø</em>");
        assertThat(item.get("needsApplicants").asBoolean()).isTrue();
        assertThat(item.get("needReasons")).as("what is not a reason is left out")
                .containsExactly(json.getNodeFactory().stringNode("NO_APPLICATIONS"));
    }

    @Test
    void without_a_centre_or_the_boost_there_is_no_distance_and_no_need() {
        var page = write(response("\"total\":{\"value\":1,\"relation\":\"eq\"},", HIT.replace(
                "\"highlight\":{\"title\":[\"ALIS <em>Bodø</em>\"]},", "\"highlight\":{},")), null, false);

        var item = page.get("items").get(0);
        assertThat(item.has("distanceKm")).isFalse();
        assertThat(item.has("highlight")).as("an empty highlight is left out, as the bound path does").isFalse();
        assertThat(item.get("needsApplicants").asBoolean()).isFalse();
        assertThat(item.has("needReasons")).isFalse();
        assertThat(page.has("totalCapped")).isFalse();
    }

    @Test
    void an_empty_page_has_its_total_and_facets() {
        var page = write(response("\"total\":{\"value\":0,\"relation\":\"eq\"},", ""), null, true);

        assertThat(page.get("total").asLong()).isZero();
        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("facets").get("region")).hasSize(1);
    }

    @Test
    void a_response_shaped_otherwise_is_refused_before_anything_is_sent() {
        for (var response : List.of("{}", "[]", "{\"hits\":{\"hits\":[" + HIT + "],\"total\":{\"value\":1}}}",
                response("\"total\":{\"value\":1,\"relation\":\"eq\"},", "{\"_id\":\"p1\",\"_source\":{}}"),
                response("\"total\":{\"value\":1,\"relation\":\"eq\"},", HIT.replace("\"id\":\"p1\",", "")),
                response("\"total\":{\"value\":1,\"relation\":\"eq\"},", "{\"_source\":{\"doc\":[]}}"),
                // Stored in another form than the API's, or before forms were numbered: the bound path writes it.
                response("\"total\":{\"value\":1,\"relation\":\"eq\"},",
                        HIT.replace("\"docFormat\":" + PositionDocuments.DOC_FORMAT + ",", "\"docFormat\":0,")),
                response("\"total\":{\"value\":1,\"relation\":\"eq\"},",
                        HIT.replace("\"docFormat\":" + PositionDocuments.DOC_FORMAT + ",", "")))) {
            assertThatThrownBy(() -> write(response, null, true)).as(response)
                    .isInstanceOf(PageWriter.UnexpectedShape.class);
        }
    }

    @Test
    void facet_counts_are_read_with_or_without_type_prefixes_in_the_order_asked() {
        var response = """
                {"took":1,"hits":{"total":{"value":3,"relation":"eq"},"hits":[]},"aggregations":{
                  "filter#centrality":{"doc_count":3,"lterms#values":{"buckets":[{"key":6,"doc_count":2},
                    {"key":5,"doc_count":1}]}},
                  "introductionAgreement":{"doc_count":3,"values":{"buckets":[
                    {"key":1,"key_as_string":"true","doc_count":3}]}},
                  "filter#region":{"doc_count":3,"sterms#values":{"buckets":[{"key":"NORD","doc_count":3}]}},
                  "filter#setting":{"doc_count":0,"sterms#values":{"buckets":[]}}}}""";

        var facets = writer.facets(new ByteArrayInputStream(response.getBytes(StandardCharsets.UTF_8)),
                List.of("region", "setting", "introductionAgreement", "centrality"));

        assertThat(facets.keySet()).containsExactly("region", "setting", "introductionAgreement", "centrality");
        assertThat(facets.get("region")).containsExactly(new FacetValue("NORD", 3));
        assertThat(facets.get("setting")).isEmpty();
        assertThat(facets.get("introductionAgreement")).containsExactly(new FacetValue("true", 3));
        assertThat(facets.get("centrality")).containsExactly(new FacetValue("6", 2), new FacetValue("5", 1));
        assertThatThrownBy(() -> writer.facets(new ByteArrayInputStream(response.getBytes(StandardCharsets.UTF_8)),
                List.of("county"))).isInstanceOf(PageWriter.UnexpectedShape.class);
    }

    @Test
    void the_ids_listed_are_those_on_the_page() {
        var page = writer.write(new ByteArrayInputStream(response("\"total\":{\"value\":2,\"relation\":\"eq\"},",
                HIT + "," + HIT.replace("p1", "p2")).getBytes(StandardCharsets.UTF_8)), SearchQuery.all(), true,
                () -> facets);

        assertThat(page.ids()).extracting(id -> id.value()).containsExactly("p1", "p2");
    }
}
