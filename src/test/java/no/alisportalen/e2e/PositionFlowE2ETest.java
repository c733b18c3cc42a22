package no.alisportalen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** A municipality user writes and publishes a position in the browser; an anonymous visitor opens its page. */
class PositionFlowE2ETest extends E2ETestSupport {

    @Test
    void a_municipality_publishes_a_position_and_an_anonymous_visitor_reads_it() {
        var email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@test.no";
        var password = "Et langt passord 2026";
        var created = new TestApi(port).post("/api/v1/admin/users", Map.of("email", email, "password", password,
                "name", "Tromsø kommune", "role", "MUNICIPALITY", "municipalityNumber", "5501"),
                TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(created.status()).isEqualTo(201);

        browser.login(email, password);
        browser.open("/kommune/stilling");
        var title = "ALIS med fastlønn i Tromsø " + UUID.randomUUID().toString().substring(0, 5);
        browser.type(By.cssSelector("#title input"), title);
        browser.type(By.cssSelector("#workplace input"), "Tromsø legesenter");
        browser.type(By.cssSelector("#salary input"), "1200000");
        browser.type(By.cssSelector("#list-length input"), "800");
        var format = DateTimeFormatter.ofPattern("d.M.yyyy");
        browser.type(By.cssSelector("#start-date input"), LocalDate.now().plusMonths(5).format(format) + Keys.ENTER);
        browser.type(By.cssSelector("#deadline input"), LocalDate.now().plusMonths(2).format(format) + Keys.ENTER);
        browser.waitFor(By.id("publish")).click();
        browser.waitForText("Stillingen er publisert.");

        var href = browser.waitFor(By.id("public-link")).getAttribute("href");
        assertThat(href).contains("/stilling/");

        browser.driver.manage().deleteAllCookies();
        browser.driver.get(href);
        browser.waitForText(title);
        browser.waitForText("Fastlønn");
        browser.waitForText("800 pasienter");
        assertThat(browser.driver.findElements(By.id("logout"))).isEmpty();
        assertThat(browser.driver.getTitle()).contains(title);
    }
}
