package no.alisportalen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import no.alisportalen.TestApi;
import no.alisportalen.TestMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WCAG 2.1 A/AA under axe-core on every page, for every role, in both languages, with the dialogs and the search
 * page's map tab: no serious or critical violation anywhere. axe-core's script is the npm release's axe.min.js
 * (src/test/resources, MPL-2.0; {@link #AXE_VERSION}: what users' browser tools run, newer than any Maven artifact
 * that bundles it) and runs in the real page, shadow roots included.
 */
class AccessibilityE2ETest extends E2ETestSupport {

    private static final String AXE = axeSource();
    /** The release in src/test/resources/axe.min.js (npm axe-core); upgrade both together. */
    static final String AXE_VERSION = "4.14.1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> LANGUAGES = List.of("nb", "en");

    @Autowired
    GreenMail mail;

    private final List<String> violations = new ArrayList<>();
    /** The page the browser shows, when it was reached without a query; null after anything else. */
    private @org.jspecify.annotations.Nullable String current;

    private static String axeSource() {
        try (var in = AccessibilityE2ETest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (src/test/resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Data every role's pages need: a published position, and one application to it. */
    private record Fixture(String positionId, String[] municipality, String[] applicant, String[] office,
            String roundId, String listedId) {}

    private Fixture fixture() {
        var api = new TestApi(port);
        var municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var body = TestApi.position("1804", "ALIS med fastlønn, universell utforming");
        body.put("alisAgreement", true);
        body.put("alisAgreementElements", List.of("PRACTICE_COMPENSATION"));
        body.put("incentives", List.of(Map.of("type", "HOUSING", "annualAmountNok", 40_000)));
        var id = api.publishedPosition(body, municipality);
        var applicant = api.newApplicant("Ada Tilgjengelig", "LIS1");
        api.post("/api/v1/positions/" + id + "/applications", Map.of("coverLetter", "Jeg søker.",
                "exemptionRequest", Map.of("reason", "Arbeidsgiveren min vet ikke om det ennå.")), applicant);
        // A closed position whose applicant list is published (offentleglova § 25).
        var listed = api.publishedPosition(TestApi.position("1804", "ALIS med offentlig søkerliste"), municipality);
        api.post("/api/v1/positions/" + listed + "/applications", Map.of("coverLetter", "Jeg søker."), applicant);
        api.post("/api/v1/positions/" + listed + "/close", null, municipality);
        var office = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        var round = api.post("/api/v1/rounds", Map.of("name", "Tilgjengelig runde", "region", "NORD", "positionIds",
                List.of(id), "applicantRankingDeadline", java.time.LocalDate.now().plusDays(7).toString(),
                "municipalityRankingDeadline", java.time.LocalDate.now().plusDays(10).toString()), office);
        var roundId = round.json().get("id").asString();
        api.put("/api/v1/rounds/" + roundId + "/applicant-ranking", Map.of("positionIds", List.of(id)), applicant);
        return new Fixture(id, municipality, applicant, office, roundId, listed);
    }

    @Test
    void anonymous_pages_have_no_serious_violations() {
        var f = fixture();
        for (var language : LANGUAGES) {
            useLanguage(language);
            for (var page : List.of("/", "/stillinger", "/kommuner", "/om", "/personvern", "/registrer",
                    "/glemt-passord", "/login", "/stilling/" + f.positionId(), "/nytt-passord?token=ugyldig",
                    "/bekreft-epost?token=ugyldig", "/avmeld?token=ugyldig", "/finnes-ikke",
                    "/stilling/" + f.listedId() + "/sokerliste", "/stilling/" + f.listedId())) {
                check(language, page);
            }
            check(language, "/stillinger?visning=kart");
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void applicant_pages_and_the_withdraw_dialog_have_no_serious_violations() {
        var f = fixture();
        browser.login(f.applicant()[0], f.applicant()[1]);
        for (var language : LANGUAGES) {
            useLanguage(language);
            for (var page : List.of("/mine/onsker", "/mine/treff", "/mine/soknader", "/lagrede-sok", "/varsler",
                    "/min-profil", "/passord", "/stilling/" + f.positionId() + "/sok", "/stilling/" + f.positionId(),
                    "/runder", "/runder/" + f.roundId())) {
                check(language, page);
            }
            checkDialog(language, "/mine/soknader", b -> b.click(By.cssSelector("#my-applications vaadin-button")));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void municipality_pages_and_the_position_preview_have_no_serious_violations() {
        var f = fixture();
        browser.login(f.municipality()[0], f.municipality()[1]);
        for (var language : LANGUAGES) {
            useLanguage(language);
            for (var page : List.of("/kommune/stillinger", "/kommune/stilling",
                    "/kommune/stilling?id=" + f.positionId(), "/kommune/stilling/" + f.positionId() + "/soknader",
                    "/stilling/" + f.positionId() + "/rekruttering", "/api-nokler", "/varsler", "/passord",
                    "/runder", "/runder/" + f.roundId() + "/stilling/" + f.positionId(),
                    "/stilling/" + f.listedId() + "/sokerliste")) {
                check(language, page);
            }
            // The decision on a request not to be listed (the request is first in the list).
            checkDialog(language, "/kommune/stilling/" + f.positionId() + "/soknader", b -> {
                b.click(By.xpath("//vaadin-grid-cell-content[contains(., 'Ada Tilgjengelig')]"));
                b.click(By.id("decide-exemption"));
            });
            checkDialog(language, "/kommune/stilling?id=" + f.positionId(),
                    b -> b.click(By.xpath("//vaadin-button[contains(., '" + (language.equals("en") ? "Preview"
                            : "Forhåndsvis") + "')]")));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void alis_office_pages_have_no_serious_violations() {
        var f = fixture();
        browser.login(f.office()[0], f.office()[1]);
        for (var language : LANGUAGES) {
            useLanguage(language);
            for (var page : List.of("/alis-kontor", "/stilling/" + f.positionId() + "/rekruttering", "/api-nokler",
                    "/varsler", "/passord", "/alis-kontor/runder")) {
                check(language, page);
            }
            checkDialog(language, "/alis-kontor/runder", b -> b.click(By.cssSelector(
                    "vaadin-button[aria-label$='Tilgjengelig runde'][theme~='error']")));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void admin_pages_and_dialogs_have_no_serious_violations() {
        var f = fixture();
        browser.login(TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        for (var language : LANGUAGES) {
            useLanguage(language);
            for (var page : List.of("/admin/brukere", "/admin/sokeindeks", "/admin/sikkerhetskopi", "/alis-kontor",
                    "/kommuner", "/api-nokler", "/varsler", "/passord", "/alis-kontor/runder")) {
                check(language, page);
            }
            checkDialog(language, "/kommuner", b -> b.click(By.xpath("(//vaadin-grid-cell-content/vaadin-button)[1]")));
            // A user's API keys (the fixture's municipality user is in the list).
            checkDialog(language, "/admin/brukere", b -> b.click(By.cssSelector(
                    "vaadin-button[aria-label$='" + f.municipality()[0] + "']")));
        }
        assertThat(violations).isEmpty();
    }

    /**
     * Swagger UI, linked from every page's footer: its own page, not the portal's, so it is analysed as it
     * stands once the operations are drawn, with one operation opened (its parameters and "Try it out").
     */
    @Test
    void the_api_documentation_page_has_no_serious_violations() {
        browser.open("/swagger-ui.html");
        browser.waitFor(By.cssSelector(".swagger-ui .opblock-summary"));
        analyse("swagger-ui");
        browser.click(By.cssSelector(".swagger-ui .opblock-get .opblock-summary-control"));
        // "Try it out" is on from the start (springdoc.swagger-ui.try-it-out-enabled): its form and Execute show.
        browser.waitFor(By.cssSelector(".swagger-ui .opblock.is-open .execute"));
        analyse("swagger-ui (an operation opened)");
        assertThat(violations).isEmpty();
    }

    private void useLanguage(String language) {
        browser.open("/om");
        browser.waitFor(By.cssSelector("h1"));
        browser.driver.manage().addCookie(new Cookie("portal-lang", language, "/"));
        current = null;
    }

    /**
     * Gets to the page as a user does: the first one of a language by loading it (the language is read when the
     * page loads), the next ones by navigating inside the app. A page with a query, or another view of the
     * route just checked, is loaded afresh, so what is analysed is exactly that page.
     */
    private void check(String language, String page) {
        var path = page.contains("?") ? null : page;
        if (current == null || path == null || current.equals(path)) {
            browser.open(page);
        } else {
            browser.navigate(page);
        }
        current = path;
        browser.waitFor(By.cssSelector("h1"));
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).as(page).startsWith(language);
        analyse(language + " " + page);
    }

    private void checkDialog(String language, String page, Consumer<Browser> open) {
        browser.open(page);
        current = null;
        browser.waitFor(By.cssSelector("h1"));
        open.accept(browser);
        browser.wait.until(d -> !d.findElements(By.cssSelector("vaadin-dialog[opened], vaadin-confirm-dialog[opened]"))
                .isEmpty());
        // The overlay fades in: measured mid-animation, a button's colours are half transparent and axe reports
        // contrast that nobody sees. Wait until nothing runs (document.getAnimations covers shadow trees).
        browser.wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.getAnimations().every(a => a.playState !== 'running')"));
        analyse(language + " " + page + " (dialog)");
    }

    /** Runs axe-core on the page as it is now; keeps every serious or critical WCAG 2.1 A/AA violation. */
    private void analyse(String where) {
        var js = (JavascriptExecutor) browser.driver;
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // Still there after a navigation inside the app: only a page load needs the 500 kB script again.
        if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
            js.executeScript(AXE);
            assertThat(js.executeScript("return axe.version")).isEqualTo(AXE_VERSION);
        }
        var result = (String) js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                        resultTypes: ['violations']})
                    .then(function (r) { done(JSON.stringify(r.violations.map(function (v) {
                        return {id: v.id, impact: v.impact, help: v.help,
                                nodes: v.nodes.slice(0, 5).map(function (n) {
                                    // Contrast findings with their colours: the fix is read off the report.
                                    var data = v.id === 'color-contrast' && n.any[0] && n.any[0].data;
                                    return n.target.join(' > ') + (data ? ' ' + data.fgColor + ' on ' + data.bgColor
                                            : '');
                                })};
                    }))); })
                    .catch(function (e) { done('ERROR ' + e); });
                """);
        assertThat(result).as(where).doesNotStartWith("ERROR");
        // The page rendered under the Content-Security-Policy with nothing blocked (the console since the last page).
        browser.cspViolations().forEach(v -> violations.add(where + ": CSP " + v));
        for (JsonNode violation : JSON.readTree(result)) {
            var impact = violation.get("impact").asString();
            if (impact.equals("serious") || impact.equals("critical")) {
                violations.add(where + ": " + impact + " " + violation.get("id").asString() + " — "
                        + violation.get("help").asString() + " " + violation.get("nodes"));
            }
        }
    }
}
