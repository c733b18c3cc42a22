package no.alisportalen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An ALIS office user opens the dashboard in Chromium and its charts render. */
class DashboardE2ETest extends E2ETestSupport {

    @Test
    void an_office_user_sees_the_dashboards_charts() {
        var email = "e2e-kontor-" + UUID.randomUUID().toString().substring(0, 6) + "@test.no";
        var password = "Et langt passord 2026";
        assertThat(new TestApi(port).post("/api/v1/admin/users", Map.of("email", email, "password", password,
                "name", "ALIS Nord", "role", "ALIS_OFFICE", "region", "NORD"), TestApi.ADMIN_EMAIL,
                TestApi.ADMIN_PASSWORD).status()).isEqualTo(201);
        browser.login(email, password);
        browser.open("/alis-kontor");
        browser.waitForText("Rekruttering i regionen");
        browser.wait.until(d -> d.findElements(By.cssSelector("#charts .chart-image svg")).size() == 5);
        var first = browser.waitFor(By.cssSelector(".chart-image svg"));
        assertThat(first.getSize().getWidth()).isGreaterThan(200);
        assertThat(first.getSize().getHeight()).isGreaterThan(100);
        assertThat(browser.driver.findElements(By.cssSelector("[role='img'][aria-label]"))).hasSizeGreaterThanOrEqualTo(4);
        browser.waitFor(By.id("stats-positions"));
        // The screenshot taken after the test shows the charts.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('charts').scrollIntoView()");
    }
}
