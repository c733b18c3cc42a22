package no.alisportalen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import no.alisportalen.TestApi;
import no.alisportalen.search.PositionSearchService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** Search, filter by a facet, open a result: what a young doctor does first. */
class SearchFlowE2ETest extends E2ETestSupport {

    @Autowired
    PositionSearchService search;

    @Test
    void a_visitor_searches_filters_by_a_facet_and_opens_a_result() {
        var api = new TestApi(port);
        var word = "Fjellheimen" + java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        var body = new HashMap<String, Object>(Map.of("municipalityNumber", "5501", "title", "ALIS ved " + word,
                "employmentForm", "SALARIED", "annualSalaryNok", 1_234_000, "setting", "GP_PRACTICE",
                "listLength", 650, "startDate", LocalDate.now().plusMonths(5).toString(),
                "applicationDeadline", LocalDate.now().plusMonths(2).toString()));
        var id = api.post("/api/v1/positions", body, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD).json().get("id")
                .asString();
        assertThat(api.post("/api/v1/positions/" + id + "/publish", null, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD)
                .status()).isEqualTo(200);
        search.flush();

        browser.open("/");
        browser.waitFor(By.id("home-search")).click();
        browser.type(By.cssSelector("#search-text input"), word.toLowerCase());
        browser.wait.until(d -> d.getCurrentUrl().contains("q="));
        browser.waitForText("ALIS ved " + word);
        browser.waitForText("650 pasienter");

        browser.waitFor(By.xpath("//vaadin-checkbox-group[@id='facet-employmentForm']"
                + "//vaadin-checkbox[contains(., 'Fastlønn')]")).click();
        browser.wait.until(d -> d.getCurrentUrl().contains("employmentForm=SALARIED"));
        browser.waitForText("ALIS ved " + word);

        browser.driver.navigate().back();
        browser.wait.until(d -> !d.getCurrentUrl().contains("employmentForm"));

        browser.waitFor(By.cssSelector(".result-card h2 a")).click();
        browser.wait.until(d -> d.getCurrentUrl().contains("/stilling/" + id));
        browser.waitForText("Det viktigste");
        browser.waitForText("1 234 000");
    }
}
