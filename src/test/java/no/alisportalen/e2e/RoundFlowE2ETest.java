package no.alisportalen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A whole match round in the browser: the ALIS office opens it, two applicants rank (with the move buttons,
 * as a keyboard user would), the municipality ranks, the office runs and publishes, each side sees its result
 * and the applicant accepts the offer. After each login the pages are reached inside the app, as a user clicking
 * the menu does (a full page load each cost about a second).
 */
class RoundFlowE2ETest extends E2ETestSupport {

    private void logInAs(String[] user) {
        browser.driver.manage().deleteAllCookies();
        browser.login(user[0], user[1]);
    }

    private By button(String ariaLabel) {
        return By.cssSelector("vaadin-button[aria-label=\"" + ariaLabel + "\"]");
    }

    @Test
    void office_applicants_and_municipality_complete_a_round() {
        var api = new TestApi(port);
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        var office = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var sentrum = "Runde sentrum " + suffix;
        var legevakt = "Runde legevakt " + suffix;
        var p1 = api.publishedPosition(TestApi.position("1804", sentrum), bodo);
        var p2 = api.publishedPosition(TestApi.position("1804", legevakt), bodo);
        var first = api.newApplicant("Aslak Først " + suffix, "LIS1");
        var second = api.newApplicant("Berit Andre " + suffix, "DOCTOR");
        var roundName = "Vårrunden " + suffix;

        // The office opens the round on both positions.
        logInAs(office);
        browser.navigate("/alis-kontor/runder");
        browser.type(By.cssSelector("#round-name input"), roundName);
        for (var title : new String[] {sentrum, legevakt}) {
            var input = browser.waitFor(By.cssSelector("#round-positions-choice input"));
            input.sendKeys(title);
            browser.click(By.xpath("//vaadin-multi-select-combo-box-item[contains(., '" + title + "')]"));
            input.sendKeys(Keys.ESCAPE);
        }
        browser.click(By.id("create-round"));
        browser.waitForText("Runden " + roundName + " er opprettet.");
        var roundId = java.util.stream.StreamSupport.stream(api.get("/api/v1/rounds?region=NORD", office).json()
                .spliterator(), false).filter(r -> r.get("name").asString().equals(roundName)).findFirst()
                .orElseThrow().get("id").asString();

        // The first applicant ranks the emergency-service position above the centre, with the move buttons.
        logInAs(first);
        browser.navigate("/runder");
        browser.click(By.linkText("Ranger stillingene i " + roundName));
        browser.click(button("Legg til i rangeringen: " + sentrum));
        browser.click(button("Legg til i rangeringen: " + legevakt));
        browser.click(button("Flytt opp: " + legevakt));
        browser.click(By.id("save-ranking"));
        browser.waitForText("Lagret: 2 rangert.");
        assertThat(api.get("/api/v1/rounds/" + roundId + "/applicant-ranking", first).json().get("positionIds")
                .get(0).asString()).isEqualTo(p2);

        // The second applicant wants the emergency-service position only.
        logInAs(second);
        browser.navigate("/runder/" + roundId);
        browser.click(button("Legg til i rangeringen: " + legevakt));
        browser.click(By.id("save-ranking"));
        browser.waitForText("Lagret: 1 rangert.");

        // The municipality prefers the second applicant for the emergency service, takes the first for the centre.
        logInAs(bodo);
        browser.navigate("/runder");
        browser.click(By.linkText("Ranger søkerne til " + legevakt));
        browser.click(button("Legg til i rangeringen: Berit Andre " + suffix));
        browser.click(button("Legg til i rangeringen: Aslak Først " + suffix));
        browser.click(By.id("save-candidates"));
        browser.waitForText("Lagret: 2 rangert.");
        browser.open("/runder/" + roundId + "/stilling/" + p1);
        browser.click(button("Legg til i rangeringen: Aslak Først " + suffix));
        browser.click(By.id("save-candidates"));
        browser.waitForText("Lagret: 1 rangert.");

        // The office runs the match and publishes it.
        logInAs(office);
        browser.navigate("/alis-kontor/runder");
        browser.click(button("Kjør matchingen: " + roundName));
        browser.waitForText("2 av 2 plasser tildelt; 0 søkere uten tildeling.");
        browser.waitForText("Fordelingen er stabil");
        browser.click(button("Publiser resultatet: " + roundName));
        browser.waitForText("Utført.");

        // Each side sees its own result; the first applicant accepts the offer for the centre.
        logInAs(first);
        browser.navigate("/runder/" + roundId);
        browser.waitForText("Du er tildelt " + sentrum);
        browser.navigate("/mine/soknader");
        browser.click(button("Takk ja til tilbudet: " + sentrum));
        browser.waitForText("Du har takket ja til " + sentrum + ".");
        logInAs(second);
        browser.navigate("/runder/" + roundId);
        browser.waitForText("Du er tildelt " + legevakt);
        logInAs(bodo);
        browser.navigate("/runder/" + roundId + "/stilling/" + p2);
        browser.waitForText("1 av 1 plasser er tildelt.");
        assertThat(api.get("/api/v1/positions/" + p1 + "/applications", bodo).json().get(0).get("status")
                .asString()).isEqualTo("ACCEPTED");
    }
}
