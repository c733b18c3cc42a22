package no.alisportalen.e2e;

import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import no.alisportalen.TestApi;
import no.alisportalen.TestMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main flows with the keyboard only (WCAG 2.1.1): no clicks, only Tab, typing and Enter. An applicant
 * searches, opens a position and applies; a municipality writes and publishes a position.
 */
class KeyboardE2ETest extends E2ETestSupport {

    private static final int MAX_TABS = 120;
    private static final DateTimeFormatter NORWEGIAN = DateTimeFormatter.ofPattern("d.M.yyyy");

    @Autowired
    GreenMail mail;

    /** The focused element, looking through shadow roots. */
    private static final String FOCUSED = """
            let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; }
            """;

    /** Presses Tab until the focused element matches the JavaScript condition on {@code a}; fails otherwise. */
    private void tabTo(String condition) {
        var js = (JavascriptExecutor) browser.driver;
        for (int i = 0; i < MAX_TABS; i++) {
            if (Boolean.TRUE.equals(js.executeScript(FOCUSED + "return !!a && (" + condition + ");"))) {
                return;
            }
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached: " + condition);
    }

    private void keys(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    private String published(String title) {
        var api = new TestApi(port);
        var municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        return api.publishedPosition(TestApi.position("1804", title), municipality);
    }

    @Test
    void an_applicant_searches_opens_a_position_and_applies_with_the_keyboard_only() {
        var marker = "tastatur" + System.nanoTime();
        var id = published("ALIS " + marker + " i Bodø");
        var api = new TestApi(port);
        var applicant = api.newApplicant("Tastatur Søker", "LIS1");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/positions?q=" + marker).json().get("total").asInt() == 1);

        browser.open("/login");
        browser.waitFor(By.cssSelector("vaadin-login-form"));
        tabTo("a.name === 'username'");
        keys(applicant[0]);
        tabTo("a.name === 'password'");
        keys(applicant[1], Keys.ENTER);
        browser.waitFor(By.id("logout"));

        browser.open("/stillinger");
        browser.waitFor(By.cssSelector("#search-text input"));
        tabTo("a.closest('#search-text') !== null");
        keys(marker, Keys.ENTER);
        browser.wait.until(d -> !d.findElements(By.cssSelector("a[href$='stilling/" + id + "']")).isEmpty());
        tabTo("a.tagName === 'A' && a.getAttribute('href').endsWith('stilling/" + id + "')");
        keys(Keys.ENTER);
        browser.waitFor(By.id("apply-link"));
        tabTo("a.id === 'apply-link' || a.closest('#apply-link') !== null");
        keys(Keys.ENTER);
        browser.waitFor(By.cssSelector("#cover-letter textarea"));
        tabTo("a.closest('#cover-letter') !== null");
        keys("Jeg søker med tastaturet.");
        tabTo("a.id === 'send-application'");
        keys(Keys.ENTER);
        browser.waitForText("Søknaden er sendt. Status: Mottatt.");
    }

    @Test
    void a_municipality_writes_and_publishes_a_position_with_the_keyboard_only() {
        var api = new TestApi(port);
        var municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        browser.login(municipality[0], municipality[1]);
        browser.open("/kommune/stilling");
        browser.waitFor(By.cssSelector("#title input"));
        tabTo("a.closest('#title') !== null");
        keys("ALIS med fastlønn, skrevet med tastatur");
        tabTo("a.closest('#salary') !== null");
        keys("1150000");
        tabTo("a.closest('#list-length') !== null");
        keys("700");
        tabTo("a.closest('#start-date') !== null");
        keys(LocalDate.now().plusMonths(4).format(NORWEGIAN), Keys.ENTER);
        tabTo("a.closest('#deadline') !== null");
        keys(LocalDate.now().plusMonths(2).format(NORWEGIAN), Keys.ENTER);
        tabTo("a.id === 'publish'");
        keys(Keys.ENTER);
        browser.waitForText("Stillingen er publisert.");
    }
}
