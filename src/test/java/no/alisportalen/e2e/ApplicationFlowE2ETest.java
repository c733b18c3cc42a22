package no.alisportalen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An applicant applies in the browser, the municipality moves the application to INTERVIEW, the applicant sees it. */
class ApplicationFlowE2ETest extends E2ETestSupport {

    static final String PASSWORD = "Et langt passord 2026";

    @Test
    void an_applicant_applies_and_sees_the_municipalitys_interview_decision() {
        var api = new TestApi(port);
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        var municipality = "kommune-" + suffix + "@test.no";
        assertThat(api.post("/api/v1/admin/users", Map.of("email", municipality, "password", PASSWORD,
                "name", "Bodø kommune", "role", "MUNICIPALITY", "municipalityNumber", "1804"),
                TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD).status()).isEqualTo(201);
        var applicant = "soker-" + suffix + "@test.no";
        assertThat(api.post("/api/v1/applicants", Map.of("email", applicant, "password", PASSWORD,
                "name", "Ingrid Nordmann", "stage", "LIS1")).status()).isEqualTo(201);
        no.alisportalen.TestConfirmations.confirm(applicant);
        api.listable(new String[] {applicant, PASSWORD}, "Ingrid Nordmann", "LIS1");
        var title = "ALIS i Bodø " + suffix;
        var body = new HashMap<String, Object>(Map.of("municipalityNumber", "1804", "title", title,
                "employmentForm", "SALARIED", "setting", "GP_PRACTICE", "annualSalaryNok", 1_150_000,
                "startDate", LocalDate.now().plusMonths(4).toString(),
                "applicationDeadline", LocalDate.now().plusMonths(1).toString(), "openings", 1));
        var id = api.post("/api/v1/positions", body, municipality, PASSWORD).json().get("id").asString();
        assertThat(api.post("/api/v1/positions/" + id + "/publish", null, municipality, PASSWORD).status())
                .isEqualTo(200);

        // The applicant finds the apply link on the public page and sends a cover letter.
        browser.login(applicant, PASSWORD);
        browser.open("/stilling/" + id);
        browser.click(By.id("apply-link"));
        browser.type(By.cssSelector("#cover-letter textarea"), "Jeg vil gjerne bli ALIS i Bodø.");
        browser.click(By.id("send-application"));
        browser.waitForText("Søknaden er sendt. Status: Mottatt.");

        // The municipality opens the applications from its position list and invites to an interview.
        browser.driver.manage().deleteAllCookies();
        browser.login(municipality, PASSWORD);
        browser.open("/kommune/stillinger");
        browser.waitFor(By.cssSelector("a[href='kommune/stilling/" + id + "/soknader']")).click();
        browser.waitFor(By.xpath("//vaadin-grid-cell-content[contains(., 'Ingrid Nordmann')]")).click();
        browser.waitForText("Jeg vil gjerne bli ALIS i Bodø.");
        browser.waitFor(By.id("application-status")).click();
        browser.waitFor(By.xpath("//vaadin-select-item[contains(., 'Intervju')]")).click();
        browser.waitFor(By.id("save-status")).click();
        browser.waitForText("Søkeren ser nå statusen «Intervju»");

        // The applicant sees the new status in the timeline and as a notification.
        browser.driver.manage().deleteAllCookies();
        browser.login(applicant, PASSWORD);
        browser.open("/mine/soknader");
        browser.waitForText(title);
        browser.waitFor(By.xpath("//span[@theme='badge' and contains(., 'Intervju')]"));
        browser.open("/varsler");
        browser.waitForText("har fått status: Intervju");
    }

    @Test
    void an_applicant_asks_to_be_left_off_the_municipality_refuses_and_the_public_reads_the_list() {
        var api = new TestApi(port);
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        var municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var applicant = api.newApplicant("Sigrid Søkerliste " + suffix, "LIS1");
        var id = api.publishedPosition(TestApi.position("1804", "ALIS med søkerliste " + suffix), municipality);

        // The applicant reads the § 25 notice, applies and asks not to be listed.
        browser.login(applicant[0], applicant[1]);
        browser.open("/stilling/" + id);
        browser.waitFor(By.id("applicant-list-notice"));
        browser.click(By.id("apply-link"));
        browser.type(By.cssSelector("#cover-letter textarea"), "Jeg vil gjerne bli ALIS i Bodø.");
        browser.click(By.id("apply-exemption"));
        browser.type(By.cssSelector("#apply-exemption-reason textarea"), "Arbeidsgiveren min vet ikke at jeg søker.");
        browser.click(By.id("send-application"));
        browser.waitForText("Søknaden er sendt. Status: Mottatt.");

        // The municipality sees the request and refuses it with a justification.
        browser.driver.manage().deleteAllCookies();
        browser.login(municipality[0], municipality[1]);
        browser.open("/kommune/stilling/" + id + "/soknader");
        browser.waitFor(By.xpath("//vaadin-grid-cell-content[contains(., 'Sigrid Søkerliste')]")).click();
        browser.waitForText("Arbeidsgiveren min vet ikke at jeg søker.");
        browser.click(By.id("decide-exemption"));
        browser.click(By.xpath("//vaadin-radio-button[contains(., 'Avslå')]"));
        browser.type(By.cssSelector("#exemption-justification textarea"),
                "Stillingen er av stor offentlig interesse i kommunen.");
        browser.click(By.id("exemption-confirm"));
        browser.waitForText("Kommunens vurdering: Stillingen er av stor offentlig interesse i kommunen.");
        assertThat(api.post("/api/v1/positions/" + id + "/close", null, municipality).status()).isEqualTo(200);

        // While the applicant may still answer, the public list is pending; accepting publishes it.
        browser.driver.manage().deleteAllCookies();
        browser.open("/stilling/" + id + "/sokerliste");
        browser.waitFor(By.id("applicant-list-pending"));
        browser.login(applicant[0], applicant[1]);
        browser.open("/mine/soknader");
        browser.waitForText("stor offentlig interesse");
        browser.click(By.cssSelector("vaadin-button.accept-listing"));
        browser.waitForText("Du står på søkerlisten");

        browser.driver.manage().deleteAllCookies();
        browser.open("/stilling/" + id);
        browser.click(By.id("applicant-list-link"));
        browser.waitFor(By.id("applicant-list-table"));
        browser.waitForText("Sigrid Søkerliste " + suffix);
        assertThat(browser.driver.findElement(By.id("applicant-list-counts")).getText()).startsWith("1 søkere");
    }
}
