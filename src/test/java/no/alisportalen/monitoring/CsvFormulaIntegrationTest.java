package no.alisportalen.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Security review finding 2: no cell of an export runs as a spreadsheet formula. */
@IntegrationTest
class CsvFormulaIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void titles_that_would_run_as_formulas_are_exported_as_text() {
        var api = new TestApi(port);
        var hammerfest = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "5603"));
        var titles = List.of("=HYPERLINK(\"http://x.test\",\"Klikk\")", "+47 ALIS nord", "-2+3 ALIS", "@SUM(1+1) ALIS");
        for (String title : titles) {
            var body = new HashMap<String, Object>(Map.of("municipalityNumber", "5603", "title", title,
                    "employmentForm", "SALARIED", "annualSalaryNok", 1_000_000, "setting", "GP_PRACTICE",
                    "openings", 1, "startDate", LocalDate.now().plusMonths(4).toString(),
                    "applicationDeadline", LocalDate.now().plusDays(10).toString()));
            var id = api.post("/api/v1/positions", body, hammerfest).json().get("id").asString();
            assertThat(api.post("/api/v1/positions/" + id + "/publish", null, hammerfest).status()).isEqualTo(200);
        }
        var csv = api.get("/api/v1/stats/positions.csv?region=NORD", TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(csv.status()).isEqualTo(200);
        for (String title : titles) {
            String stored = title;
            assertThat(csv.body()).as(title).doesNotContain(";" + stored).doesNotContain(";\"" + stored);
            assertThat(csv.body()).as(title).containsAnyOf(";'" + stored, ";\"'" + stored.replace("\"", "\"\""));
        }
    }

    @Test
    void cells_are_neutralised_only_where_a_formula_could_start() {
        assertThat(StatsService.inert("=1+1")).isEqualTo("'=1+1");
        assertThat(StatsService.inert("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(StatsService.inert("Bodø legesenter")).isEqualTo("Bodø legesenter");
        assertThat(StatsService.inert(-5)).isEqualTo(-5);
        assertThat(StatsService.inert("")).isEqualTo("");
    }
}
