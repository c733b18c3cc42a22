package no.alisportalen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.alisportalen.TestApi;
import no.alisportalen.TestMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every navigation label fits (or wraps) at 1366 px and on a 390 px phone, and the pages an applicant uses on a
 * phone (search, a position, apply, matches) need no sideways scrolling; on the phone the whole apply flow works.
 */
class ScreenSizesE2ETest extends E2ETestSupport {

    @Autowired
    GreenMail mail;

    @Test
    void navigation_labels_are_whole_at_desktop_and_phone_width() {
        browser.login(TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        for (var size : List.of(new Dimension(1366, 768), new Dimension(390, 844))) {
            browser.driver.manage().window().setSize(size);
            browser.open("/");
            browser.waitFor(By.cssSelector("h1"));
            if (size.getWidth() < 800) {
                browser.click(By.cssSelector("vaadin-drawer-toggle"));
            }
            browser.wait.until(d -> !d.findElements(By.cssSelector("vaadin-side-nav-item")).isEmpty());
            @SuppressWarnings("unchecked")
            var cut = (List<String>) ((JavascriptExecutor) browser.driver).executeScript("""
                    // A label is cut when its text runs past the visible edge of its item or of the drawer.
                    const drawer = document.querySelector('vaadin-side-nav').getBoundingClientRect();
                    return Array.from(document.querySelectorAll('vaadin-side-nav-item'))
                        .filter(item => item.offsetParent !== null)
                        .filter(item => {
                            const range = document.createRange();
                            range.selectNodeContents(item);
                            const text = range.getBoundingClientRect();
                            const box = item.getBoundingClientRect();
                            return text.right > Math.min(box.right, drawer.right) + 1;
                        })
                        .map(item => item.textContent.trim());
                    """);
            assertThat(cut).as("labels cut at %d px", size.getWidth()).isEmpty();
            assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("Oversikt for ALIS-kontoret");
        }
    }

    @Test
    void on_a_phone_an_applicant_searches_opens_a_position_applies_and_sees_matches_without_sideways_scrolling() {
        var api = new TestApi(port);
        var municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var id = api.publishedPosition(TestApi.position("1804", "ALIS med fastlønn, mobilvennlig"), municipality);
        var applicant = api.newApplicant("Mobil Søker", "LIS1");

        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.login(applicant[0], applicant[1]);
        List<String> wide = new ArrayList<>();
        for (var page : List.of("/stillinger", "/stilling/" + id, "/stilling/" + id + "/sok", "/mine/treff",
                "/mine/soknader")) {
            browser.open(page);
            browser.waitFor(By.cssSelector("h1"));
            browser.sidewaysOverflow().forEach(past -> wide.add(page + " " + past));
        }
        assertThat(wide).isEmpty();

        browser.open("/stilling/" + id);
        browser.click(By.id("apply-link"));
        browser.type(By.cssSelector("#cover-letter textarea"), "Jeg søker fra mobilen.");
        browser.click(By.id("send-application"));
        browser.waitForText("Søknaden er sendt. Status: Mottatt.");
    }

    @Test
    void on_a_phone_the_office_dashboard_and_the_municipality_list_need_no_sideways_scrolling() {
        var api = new TestApi(port);
        var municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        api.publishedPosition(TestApi.position("1804", "ALIS i næringsdrift, Bodø legesenter"), municipality);
        var office = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        List<String> wide = new ArrayList<>();
        for (var visit : List.of(Map.entry(office, "/alis-kontor"), Map.entry(municipality, "/kommune/stillinger"))) {
            browser.login(visit.getKey()[0], visit.getKey()[1]);
            browser.open(visit.getValue());
            browser.waitFor(By.cssSelector("h1"));
            browser.sidewaysOverflow().forEach(past -> wide.add(visit.getValue() + " " + past));
            browser.driver.manage().deleteAllCookies();
        }
        assertThat(wide).isEmpty();
    }
}
