package no.alisportalen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An applicant registers, sets preferences, sees ranked matches with reasons and saves them as an alert; a
 * municipality then publishes a fitting position and the notification appears.
 */
class MatchingFlowE2ETest extends E2ETestSupport {

    static final String PASSWORD = "Et langt passord 2026";

    private String publish(TestApi api, String[] municipality, String title, int listLength) {
        var body = new HashMap<String, Object>(Map.of("municipalityNumber", "1804", "title", title,
                "employmentForm", "SALARIED", "setting", "GP_PRACTICE", "annualSalaryNok", 1_150_000,
                "listLength", listLength, "openings", 1, "startDate", LocalDate.now().plusMonths(4).toString(),
                "applicationDeadline", LocalDate.now().plusMonths(1).toString()));
        var id = api.post("/api/v1/positions", body, municipality).json().get("id").asString();
        assertThat(api.post("/api/v1/positions/" + id + "/publish", null, municipality).status()).isEqualTo(200);
        return id;
    }

    @Test
    void register_set_preferences_see_matches_save_them_and_get_notified_of_a_new_fit() {
        var api = new TestApi(port);
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        String[] municipality = {"e2e-match-kommune-" + suffix + "@test.no", PASSWORD};
        assertThat(api.post("/api/v1/admin/users", Map.of("email", municipality[0], "password", PASSWORD,
                "name", "Bodø kommune", "role", "MUNICIPALITY", "municipalityNumber", "1804"),
                TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD).status()).isEqualTo(201);
        publish(api, municipality, "ALIS Bodø eksisterende " + suffix, 700);

        // Register in the browser and log in.
        var email = "e2e-soker-" + suffix + "@test.no";
        browser.open("/registrer");
        browser.type(By.cssSelector("#register-name input"), "Eva Ende-til-ende");
        browser.type(By.cssSelector("#register-email input"), email);
        browser.type(By.cssSelector("#register-password input"), PASSWORD);
        browser.waitFor(By.id("register-submit")).click();
        browser.wait.until(d -> d.getCurrentUrl().contains("/login"));
        browser.login(email, PASSWORD);

        // Preferences: only region Nord, a list of at most 1,000.
        browser.open("/mine/onsker");
        browser.waitFor(By.xpath("//vaadin-checkbox[contains(., 'Nord (Bodø)')]")).click();
        browser.waitFor(By.xpath("//vaadin-checkbox[@id='pref-location-required']")).click();
        browser.type(By.cssSelector("#pref-max-list input"), "1000");
        browser.click(By.id("save-preferences"));
        browser.waitForText("Ønskene er lagret.");

        // Ranked matches with reasons.
        browser.open("/mine/treff");
        browser.waitForText("stillinger oppfyller kravene dine");
        browser.waitForText("av 100");
        browser.waitFor(By.xpath("//li[span[contains(., 'Oppfylt')] and contains(., 'Listelengde')]"));

        // Save them as an alert.
        browser.waitFor(By.cssSelector("#matches-actions a[href^='lagrede-sok']")).click();
        browser.click(By.id("confirm-save"));
        browser.waitForText("er lagret. Du får varsel om nye treff.");

        // A municipality publishes a fitting position; the notification appears.
        var title = "ALIS Bodø ny og passende " + suffix;
        publish(api, municipality, title, 800);
        new WebDriverWait(browser.driver, Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(2)).until(d -> {
            browser.open("/varsler");
            browser.waitFor(By.id("notifications")); // rendered; now look for the new notice
            return d.findElement(By.id("notifications")).getText().contains(title);
        });
        browser.waitForText("passer det lagrede søket ditt «Mine ønsker»");
    }
}
