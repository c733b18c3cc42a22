package no.alisportalen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The console check that every end-to-end test ends with (E2ETestSupport) really sees a violation. Which pages
 * render under the policy without one is the accessibility walk's to show: it loads every page of every role in
 * both languages and Swagger UI, and names the page of each violation (it used to be repeated here, 37 s).
 */
class ContentSecurityPolicyE2ETest extends E2ETestSupport {

    @Test
    void the_console_check_sees_a_violation_when_there_is_one() {
        browser.open("/om");
        browser.waitFor(By.cssSelector("h1"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "var img = document.createElement('img'); img.src = 'https://example.invalid/pixel.png';"
                        + "document.body.appendChild(img);");
        List<String> seen = new ArrayList<>();
        browser.wait.until(d -> {
            seen.addAll(browser.cspViolations());
            return !seen.isEmpty();
        });
        assertThat(seen).anyMatch(v -> v.contains("img-src"));
    }
}
