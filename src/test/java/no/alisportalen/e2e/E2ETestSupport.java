package no.alisportalen.e2e;

import java.nio.file.Path;
import no.alisportalen.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A headless Chromium per test against the running portal; a screenshot of the last page lands in target/e2e. */
@IntegrationTest
abstract class E2ETestSupport {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    /** Every flow also checks that the Content-Security-Policy blocked nothing the portal itself needs. */
    @AfterEach
    void closeBrowser() {
        browser.screenshot(Path.of("target/e2e/" + getClass().getSimpleName() + ".png"));
        java.util.List<String> violations;
        try {
            violations = browser.cspViolations();
        } finally {
            browser.close();
        }
        org.assertj.core.api.Assertions.assertThat(violations).as("CSP violations in the browser console").isEmpty();
    }
}
