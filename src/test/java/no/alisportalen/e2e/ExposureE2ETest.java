package no.alisportalen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.alisportalen.TestApi;
import no.alisportalen.exposure.Exposure;
import no.alisportalen.exposure.ExposureService;
import no.alisportalen.position.PositionId;
import no.alisportalen.search.PositionSearchService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A position's exposure grows as an anonymous visitor finds it in search and opens it in Chromium; a reload does
 * not count again; the municipality sees the counts in "Mine stillinger" and the funnel on its recruitment page.
 */
class ExposureE2ETest extends E2ETestSupport {

    @Autowired
    PositionSearchService search;

    @Autowired
    ExposureService exposure;

    private Exposure counts(String id) {
        exposure.flush();
        return exposure.totals(List.of(new PositionId(id))).getOrDefault(new PositionId(id), Exposure.NONE);
    }

    @Test
    void impressions_and_views_grow_when_a_visitor_searches_and_opens() {
        var api = new TestApi(port);
        var municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "3424"));
        var word = "Synlighet" + java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        var id = api.publishedPosition(TestApi.position("3424", "ALIS ved " + word), municipality);
        search.flush();
        assertThat(counts(id)).isEqualTo(Exposure.NONE);

        browser.open("/stillinger?municipality=3424");
        browser.waitForText("ALIS ved " + word);
        assertThat(counts(id).impressions()).isEqualTo(1);
        browser.open("/stillinger?municipality=3424"); // a reload within ten minutes
        browser.waitForText("ALIS ved " + word);
        assertThat(counts(id).impressions()).isEqualTo(1);

        browser.click(By.xpath("//section[contains(@class,'result-card')]//a[contains(., '" + word + "')]"));
        browser.wait.until(d -> d.getCurrentUrl().contains("/stilling/" + id));
        browser.waitForText("Det viktigste");
        var afterView = counts(id);
        assertThat(afterView.impressions()).isEqualTo(1);
        assertThat(afterView.views()).isEqualTo(1);
        browser.click(By.id("apply-link"));
        browser.wait.until(d -> d.getCurrentUrl().contains("login"));
        assertThat(counts(id).applyClicks()).isEqualTo(1);

        // The municipality sees it: shown → opened → apply clicks, and the funnel behind the link.
        browser.login(municipality[0], municipality[1]);
        browser.open("/kommune/stillinger");
        browser.waitForText("1 → 1 → 1");
        browser.open("/stilling/" + id + "/rekruttering");
        browser.waitForText("Hvor søkerne faller fra");
        browser.waitForText("vist i søk og treff 1 ganger, åpnet 1 ganger");
        assertThat(counts(id).views()).as("the municipality's own look is not counted").isEqualTo(1);
    }
}
