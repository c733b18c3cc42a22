package no.alisportalen.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, given explicitly so Selenium Manager never tries
 * to download anything. .ci/run installs both packages.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");

    static final org.openqa.selenium.Dimension DESKTOP = new org.openqa.selenium.Dimension(1280, 900);

    final WebDriver driver;
    final WebDriverWait wait;
    private String base;

    Browser(int port) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("End-to-end tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver (.ci/run does this)");
        }
        try {
            var profile = Files.createTempDirectory("chromium-profile");
            var options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--window-size=1280,900", "--lang=nb", "--user-data-dir=" + profile);
            var logging = new org.openqa.selenium.logging.LoggingPreferences();
            logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
            var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
            this.driver = new ChromeDriver(service, options);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        // Pages reload during logins and navigations: an element seen a moment ago may be gone; look again.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        this.base = "http://localhost:" + port;
    }

    /**
     * Makes the browser as a new one would be for the next test, without the second or two a new Chromium costs:
     * no cookies (so no session and no language choice), no storage, the desktop window, nothing in the console
     * log, and a blank page.
     */
    void reset(int port) {
        this.base = "http://localhost:" + port;
        driver.manage().window().setSize(DESKTOP);
        // Cookies and storage belong to an origin: clear them on a page of the portal's own (a static file).
        driver.get(base + "/styles.css");
        driver.manage().deleteAllCookies();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "window.localStorage.clear(); window.sessionStorage.clear();");
        driver.get("about:blank");
        driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
    }

    /** Whether the browser process still answers (a test that crashed it gets a new one). */
    boolean alive() {
        try {
            driver.getWindowHandle();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void open(String path) {
        driver.get(base + path);
    }

    /**
     * Moves to another route inside the running app, as a link click does: one server round trip instead of a
     * page load that bootstraps the whole client again (over a second each on a two-core machine). Returns once
     * the address is the new one, the previous view's heading is gone and the client has no request in flight.
     */
    void navigate(String path) {
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        // Already there (a login may land on the very page): only a load shows it afresh.
        if (Boolean.TRUE.equals(js.executeScript("var want = new URL(arguments[0], document.baseURI);"
                + "return location.pathname === want.pathname && location.search === want.search", path))) {
            open(path);
            return;
        }
        var previous = driver.findElements(By.tagName("h1"));
        js.executeScript("window.dispatchEvent(new CustomEvent('vaadin-router-go', "
                + "{detail: new URL(arguments[0], document.baseURI), cancelable: true}))", path);
        // A navigation takes about a tenth of a second: polled every 20 ms, not every 500 ms like other waits.
        new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> Boolean.TRUE.equals(js.executeScript("""
                var want = new URL(arguments[0], document.baseURI);
                var clients = (window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {};
                return location.pathname === want.pathname && location.search === want.search
                    && Object.values(clients).every(function (c) { return !c.isActive || !c.isActive(); });
                """, path)) && previous.stream().allMatch(Browser::isStale));
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        }
    }

    WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Scrolls the element to the middle of the window first, so sticky headers and the fold never intercept; if
     * the layout still moves under the pointer (a list growing after the previous click), it looks again.
     */
    void click(By by) {
        wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
            var element = waitFor(by);
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'})", element);
            ExpectedConditions.elementToBeClickable(element).apply(d).click();
            return true;
        });
    }

    void waitForText(String text) {
        try {
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            // Say what the page said instead: the usual cause is a different message, not a slow one.
            var page = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError("Waited for \"" + text + "\"; the page says:\n"
                    + page.substring(0, Math.min(page.length(), 3_000)), e);
        }
    }

    /** Vaadin text fields keep their native input in the light DOM. */
    void type(By field, String text) {
        var input = waitFor(field);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Logs in through the login form, as a user does once the page has finished starting. A click that lands
     * while the login form's element is still being upgraded, or while the client is still in its first round trip,
     * does nothing (the page stayed on /login without an error, once under the full suite's load): the test waits
     * for what a person waits for, the form being ready, instead of sending it again.
     */
    void login(String email, String password) {
        open("/login");
        new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(50)).until(d -> Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("""
                var form = document.querySelector('vaadin-login-form');
                var clients = (window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {};
                return !!form && !!customElements.get('vaadin-login-form') && !!customElements.get('vaadin-button')
                    && !!form.querySelector('input[name=username]') && !form.disabled
                    && Object.values(clients).every(function (c) { return !c.isActive || !c.isActive(); });
                """)));
        type(By.cssSelector("vaadin-login-form input[name='username']"), email);
        type(By.cssSelector("vaadin-login-form input[name='password']"), password);
        waitFor(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        try {
            wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("logout")),
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form[error]"))));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The login of " + email + " neither went through nor failed; the page says:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
        if (driver.findElements(By.id("logout")).isEmpty()) {
            throw new AssertionError("The login of " + email + " was refused");
        }
    }

    /**
     * What reaches past the visible right edge, each as "what: N px": the document, the main area (the app
     * layout scrolls it, so the document's width alone misses it: one pixel too wide already gave a phone a
     * sideways scrollbar), and any element of the main area past its visible edge. A grid counts, its cells do
     * not: it scrolls its columns inside itself.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> sidewaysOverflow() {
        return (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const out = [];
                const doc = document.documentElement;
                if (doc.scrollWidth > doc.clientWidth) out.push('document: ' + (doc.scrollWidth - doc.clientWidth) + ' px');
                const main = document.querySelector('main');
                if (!main) return out;
                if (main.scrollWidth > main.clientWidth) out.push('main: ' + (main.scrollWidth - main.clientWidth) + ' px');
                const edge = Math.min(doc.clientWidth, main.getBoundingClientRect().left + main.clientLeft + main.clientWidth);
                main.querySelectorAll('*').forEach(e => {
                    const box = e.getBoundingClientRect();
                    const past = Math.ceil(box.right - edge);
                    const inGrid = e.parentElement && e.parentElement.closest('vaadin-grid');
                    if (!inGrid && box.width > 0 && past > 0) {
                        out.push(e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || '').trim().replace(/ +/g, '.')
                            + ': ' + past + ' px');
                    }
                });
                return out.slice(0, 10);
                """);
    }

    /** Every Content-Security-Policy violation the console reported since the last call. */
    java.util.List<String> cspViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    void screenshot(Path file) {
        try {
            var bytes = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (java.io.IOException | RuntimeException e) {
            // Screenshots are diagnostics; a failure to take one must not hide the real result.
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
