package no.alisportalen.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.exposure.ApplicantNeed;
import no.alisportalen.exposure.NeedReason;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Searches bind a hit's source straight into a position ({@link PositionDocuments.Hit}, #14): what the indexer
 * writes must read back as the same position, through the search client's own mapper.
 */
@IntegrationTest
class IndexDocumentIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    PositionDocuments documents;

    @Autowired
    PositionService positions;

    @Autowired
    ElasticsearchClient client;

    @Test
    void an_index_document_reads_back_as_the_position_it_was_written_from() throws Exception {
        var api = new TestApi(port);
        var municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var body = TestApi.position("1804", "Fastlege i Bodø");
        body.put("description", "<p>Veiledning <strong>hver uke</strong>.</p>");
        body.put("incentives", List.of(Map.of("type", "HOUSING", "description", "Bolig", "annualAmountNok", 50_000)));
        body.put("introductionAgreement", true);
        var id = new PositionId(api.publishedPosition(body, municipality));
        var position = positions.find(id).orElseThrow();
        var need = new ApplicantNeed(id, 0.8, List.of(NeedReason.values()[0]), 30, 0);

        var hit = read(json(documents.toDocument(position, need)));

        // A search result carries no application count.
        assertThat(hit.position()).usingRecursiveComparison().ignoringFields("applicationCount").isEqualTo(position);
        assertThat(hit.position().applicationCount()).isNull();
        assertThat(hit.position().data().incentives()).hasSize(1);
        assertThat(hit.applicantNeed(id).need()).isEqualTo(0.8);
        assertThat(hit.applicantNeed(id).reasons()).containsExactly(NeedReason.values()[0]);
    }

    @Test
    void a_document_with_fields_this_version_does_not_know_still_reads() throws Exception {
        var api = new TestApi(port);
        var municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var id = new PositionId(api.publishedPosition(TestApi.position("1804", "Legevakt"), municipality));
        var document = new java.util.LinkedHashMap<>(documents.toDocument(positions.find(id).orElseThrow(),
                ApplicantNeed.none(id)));
        document.remove("need"); // written before the need existed
        document.remove("needReasons");
        @SuppressWarnings("unchecked")
        var doc = new java.util.LinkedHashMap<>((Map<String, Object>) document.get("doc"));
        doc.put("addedByALaterVersion", Map.of("nested", 1));
        document.put("doc", doc);

        var hit = read(json(document));

        assertThat(hit.position().id()).isEqualTo(id);
        assertThat(hit.position().data().title()).isEqualTo("Legevakt");
        assertThat(hit.applicantNeed(id).needsApplicants()).isFalse();
    }

    private static String json(Map<String, Object> document) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .writeValueAsString(document);
    }

    private PositionDocuments.Hit read(String json) {
        var mapper = client._jsonpMapper();
        try (var parser = mapper.jsonProvider().createParser(new StringReader(json))) {
            return mapper.deserialize(parser, PositionDocuments.Hit.class);
        }
    }
}
