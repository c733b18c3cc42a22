package no.alisportalen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.alisportalen.municipality.GeoPoint;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.AlisAgreementElement;
import no.alisportalen.position.Contact;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Incentive;
import no.alisportalen.position.IncentiveType;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionStatus;
import no.alisportalen.position.WorkSetting;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's pages copy each hit's stored position as it is (PageWriter), so the stored form must be the API's.
 * When a position's JSON gains, loses or renames a field, this test fails until {@link PositionDocuments#DOC_FORMAT}
 * is raised with the list below: documents stored in the old form are then written from the bound position until
 * they are indexed again, instead of showing the old form.
 */
class PositionDocumentsFormatTest {

    @Test
    void the_stored_form_is_the_one_this_format_number_names() {
        var data = new PositionData("1804", "ALIS", "<p>Tekst</p>", "Bodø legesenter", new GeoPoint(67.28, 14.40),
                EmploymentForm.SALARIED, WorkSetting.GP_PRACTICE, 700, 1_100_000, true, true,
                Set.of(AlisAgreementElement.COURSE_EXPENSES), Map.of(AlisAgreementElement.COURSE_EXPENSES, 60_000),
                true, List.of(new Incentive(IncentiveType.HOUSING, 50_000, "Bolig", false)), true, 4, true, 6, true,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 1, 15), 1, new Contact("Kari", "kari@bodo.no", "75"));
        var position = new Position(new PositionId("p1"), 3, PositionStatus.PUBLISHED, data, "Bodø", "Nordland",
                Region.NORD, 4, Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-02T10:00:00Z"), null);

        // The API's form; the stored one leaves out applicantListNotice, which is in the request's language.
        var fields = new TreeSet<String>();
        paths("", JsonMapper.builder().build().valueToTree(position), fields);

        assertThat(PositionDocuments.DOC_FORMAT).isEqualTo(3);
        assertThat(fields).as("Position's JSON changed: raise PositionDocuments.DOC_FORMAT and update this list")
                .containsExactly("alisAgreement", "alisAgreementElements", "alisAgreementElementsNok",
                        "annualSalaryNok", "applicantList", "applicantListNotice", "applicationDeadline", "centrality", "contact.email", "contact.name",
                        "contact.phone", "countyName", "description", "employmentForm", "id", "incentives.annualAmountNok",
                        "incentives.description", "incentives.schemeElement", "incentives.type",
                        "introductionAgreement", "listLength", "location.lat", "location.lon", "municipalityName",
                        "municipalityNumber", "onCallBackup", "onCallRotation", "openings", "publishedAt",
                        "recruitmentWeak", "region", "setting", "startDate", "status", "supervisionGroup",
                        "supervisionHoursPerMonth", "supervisorOnSite", "title", "updatedAt", "version", "workplace",
                        "yearlyValue");
    }

    /** Form 2: a set is written in its elements' declaration order, however it was given (and in any JVM). */
    @Test
    void a_positions_sets_are_written_in_one_order() {
        var json = JsonMapper.builder().build();
        var given = new java.util.ArrayList<>(List.of(AlisAgreementElement.SUPERVISION_COSTS,
                AlisAgreementElement.COURSE_EXPENSES, AlisAgreementElement.PRACTICE_COMPENSATION));
        for (int i = 0; i < given.size(); i++) {
            java.util.Collections.rotate(given, 1);
            var data = new PositionData("1804", "ALIS", null, null, null, EmploymentForm.SALARIED,
                    WorkSetting.GP_PRACTICE, 700, 1_100_000, true, true, new java.util.LinkedHashSet<>(given),
                    Map.of(), false, List.of(), true, 4, true, 6, true, null, null, 1, null);
            assertThat(json.valueToTree(data).get("alisAgreementElements").valueStream().map(JsonNode::asString))
                    .containsExactly("PRACTICE_COMPENSATION", "COURSE_EXPENSES", "SUPERVISION_COSTS");
        }
    }

    /** Every field's path; a map of amounts by element is one field, its keys are values. */
    private static void paths(String prefix, JsonNode node, Set<String> out) {
        if (node.isArray()) {
            node.forEach(element -> paths(prefix, element, out));
        } else if (node.isObject() && !prefix.equals("alisAgreementElementsNok")) {
            node.propertyNames().forEach(name -> paths(prefix.isEmpty() ? name : prefix + "." + name,
                    node.get(name), out));
        } else {
            out.add(prefix);
        }
    }
}
