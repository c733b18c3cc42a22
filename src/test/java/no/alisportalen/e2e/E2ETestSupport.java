package no.alisportalen.e2e;

import java.nio.file.Path;
import no.alisportalen.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Headless Chromium against the running portal: one browser for every end-to-end test of the JVM, reset before
 * each test to the state of a new one (no cookies, storage or console entries, desktop size). Starting a new
 * Chromium per test cost 1–2 s each. A screenshot of the last page lands in target/e2e.
 */
@IntegrationTest
abstract class E2ETestSupport {

    private static @org.jspecify.annotations.Nullable Browser shared;

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = browser(port);
    }

    private static synchronized Browser browser(int port) {
        var current = shared;
        if (current != null && current.alive()) {
            current.reset(port);
            return current;
        }
        var fresh = new Browser(port);
        if (current == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                var last = shared;
                if (last != null) {
                    last.close();
                }
            }));
        }
        shared = fresh;
        return fresh;
    }

    /** Every flow also checks that the Content-Security-Policy blocked nothing the portal itself needs. */
    @AfterEach
    void closeBrowser() {
        browser.screenshot(Path.of("target/e2e/" + getClass().getSimpleName() + ".png"));
        var violations = browser.cspViolations();
        org.assertj.core.api.Assertions.assertThat(violations).as("CSP violations in the browser console").isEmpty();
    }
}
