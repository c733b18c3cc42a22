package no.alisportalen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Every page renders under the portal's Content-Security-Policy without one violation in the console. */
class ContentSecurityPolicyE2ETest extends E2ETestSupport {

    private static final List<String> PUBLIC_PAGES = List.of("/", "/stillinger", "/kommuner", "/om", "/personvern",
            "/registrer", "/glemt-passord", "/login");
    private static final List<String> ADMIN_PAGES = List.of("/admin/brukere", "/admin/sokeindeks",
            "/admin/sikkerhetskopi", "/alis-kontor", "/api-nokler", "/passord", "/varsler");

    @Test
    void public_and_admin_pages_and_the_api_documentation_need_nothing_the_policy_blocks() {
        List<String> violations = new ArrayList<>();
        for (var page : PUBLIC_PAGES) {
            visit(page, violations);
        }
        browser.open("/swagger-ui.html");
        browser.waitFor(By.cssSelector(".swagger-ui .info"));
        browser.waitForText("ALIS-portalen API");
        violations.addAll(browser.cspViolations().stream().map(v -> "/swagger-ui.html: " + v).toList());

        browser.login(TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        for (var page : ADMIN_PAGES) {
            visit(page, violations);
        }
        assertThat(violations).isEmpty();
    }

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

    private void visit(String page, List<String> violations) {
        browser.open(page);
        browser.waitFor(By.cssSelector("h1"));
        violations.addAll(browser.cspViolations().stream().map(v -> page + ": " + v).toList());
    }
}
