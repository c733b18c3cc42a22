package no.alisportalen.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.TestUsers;
import no.alisportalen.municipality.Region;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The office's scheme cost against an independent computation from the public position JSON. */
@IntegrationTest
class SchemeCostIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    StatsService stats;

    @Autowired
    UserDetailsService users;

    @Test
    void the_regions_scheme_cost_per_year_is_the_sum_of_its_published_and_filled_agreements() {
        var api = new TestApi(port);
        var rost = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1856"));
        for (int openings = 1; openings <= 2; openings++) {
            var body = new HashMap<String, Object>();
            body.put("municipalityNumber", "1856");
            body.put("title", "ALIS i ordningen, kostnad " + openings);
            body.put("employmentForm", "SALARIED");
            body.put("setting", "GP_PRACTICE");
            body.put("annualSalaryNok", 1_000_000);
            body.put("openings", openings);
            body.put("alisAgreement", true);
            body.put("alisAgreementElements", List.of("PRACTICE_COMPENSATION", "COURSE_EXPENSES"));
            body.put("incentives", List.of(Map.of("type", "LOCUM_SCHEME", "annualAmountNok", 90_000,
                    "schemeElement", true), Map.of("type", "HOUSING", "annualAmountNok", 40_000)));
            body.put("applicationDeadline", LocalDate.now().plusMonths(1).toString());
            body.put("startDate", LocalDate.now().plusMonths(2 + 12 * (openings - 1)).toString());
            var id = api.post("/api/v1/positions", body, rost).json().get("id").asString();
            api.post("/api/v1/positions/" + id + "/publish", null, rost);
        }
        var office = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));

        // Independent: every published or filled position of the region, read as the public JSON.
        Map<Integer, long[]> expected = new TreeMap<>();
        for (var row : api.get("/api/v1/stats/positions?region=NORD", office).json()) {
            var status = row.get("status").asString();
            if (!status.equals("PUBLISHED") && !status.equals("FILLED")) {
                continue;
            }
            var p = api.get("/api/v1/positions/" + row.get("positionId").asString(), office).json();
            long standard = 0;
            for (var element : p.get("alisAgreementElements")) {
                standard += p.get("alisAgreementElementsNok").get(element.asString()).asLong();
            }
            long extra = 0;
            for (var incentive : p.get("incentives")) {
                if (incentive.get("schemeElement").asBoolean()) {
                    extra += incentive.path("annualAmountNok").asLong(0);
                }
            }
            int year = p.get("startDate").isNull() ? LocalDate.now().getYear()
                    : LocalDate.parse(p.get("startDate").asString()).getYear();
            long openings = p.get("openings").asLong();
            var sums = expected.computeIfAbsent(year, y -> new long[2]);
            sums[0] += standard * openings;
            sums[1] += extra * openings;
        }
        var costs = TestUsers.as(users, office[0], () -> stats.schemeCost(stats.figures(Region.NORD)));
        assertThat(costs).extracting(StatsService.SchemeCost::year).containsExactlyElementsOf(expected.keySet());
        for (var cost : costs) {
            assertThat(cost.standardNok()).as("standard %d", cost.year()).isEqualTo(expected.get(cost.year())[0]);
            assertThat(cost.extraNok()).as("extra %d", cost.year()).isEqualTo(expected.get(cost.year())[1]);
            assertThat(cost.budgetNok()).isEqualTo(30_000_000L);
            assertThat(cost.municipalities().stream().mapToLong(StatsService.MunicipalityCost::totalNok).sum())
                    .isEqualTo(cost.totalNok());
        }
        var rostCost = costs.stream().flatMap(c -> c.municipalities().stream())
                .filter(m -> m.municipalityNumber().equals("1856")).mapToLong(StatsService.MunicipalityCost::extraNok)
                .sum();
        assertThat(rostCost).as("Røst's locum schemes: one agreement and two").isGreaterThanOrEqualTo(3 * 90_000L);
    }
}
