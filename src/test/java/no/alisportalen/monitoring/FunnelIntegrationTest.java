package no.alisportalen.monitoring;

import static no.alisportalen.TestApi.ADMIN_EMAIL;
import static no.alisportalen.TestApi.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.exposure.ExposureService;
import no.alisportalen.exposure.Viewer;
import no.alisportalen.position.PositionId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A position's funnel and the dashboard's exposure figures against an independent computation from the stats
 * API's per-position rows, the hints, and who may see them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunnelIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ExposureService exposure;

    TestApi api;
    String[] hadsel;
    String[] officeNord;
    final String[] admin = {ADMIN_EMAIL, ADMIN_PASSWORD};
    String position;
    final List<String> peers = new ArrayList<>();

    private static Map<String, Object> nursingHome(String title) {
        var body = TestApi.position("1866", title);
        body.put("setting", "NURSING_HOME");
        body.put("employmentForm", "SALARIED");
        return body;
    }

    private void shown(String id, int visitors, int openedBy) {
        for (int v = 0; v < visitors; v++) {
            var viewer = new Viewer(id + "-visitor-" + v, true);
            exposure.impressions(List.of(new PositionId(id)), viewer);
            if (v < openedBy) {
                exposure.view(new PositionId(id), viewer);
            }
        }
    }

    @BeforeAll
    void data() {
        api = new TestApi(port);
        hadsel = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1866"));
        officeNord = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        position = api.publishedPosition(nursingHome("ALIS sykehjem Hadsel"), hadsel);
        for (int i = 0; i < 3; i++) {
            peers.add(api.publishedPosition(nursingHome("ALIS sykehjem Hadsel " + i), hadsel));
        }
        shown(position, 2, 1);
        shown(peers.get(0), 10, 4);
        shown(peers.get(1), 20, 6);
        shown(peers.get(2), 30, 9);
        exposure.flush();
    }

    private List<JsonNode> rows() {
        return api.get("/api/v1/stats/positions?region=NORD", officeNord).json().valueStream().toList();
    }

    private static double median(List<Long> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    @Test
    void the_funnel_agrees_with_the_per_position_figures_and_says_what_to_do() {
        var rows = rows();
        var own = rows.stream().filter(r -> r.get("positionId").asString().equals(position)).findFirst().orElseThrow();
        assertThat(own.get("impressions").asLong()).isEqualTo(2);
        assertThat(own.get("views").asLong()).isEqualTo(1);
        // Peers computed here: the region's positions with the same setting and employment form, all published
        // in this test run (so all in their first week).
        var peerRows = rows.stream().filter(r -> !r.get("positionId").asString().equals(position)
                && "NURSING_HOME".equals(r.path("setting").asString()) && "SALARIED".equals(r.path("employmentForm")
                .asString())).toList();
        var funnel = api.get("/api/v1/stats/positions/" + position + "/funnel", hadsel);
        assertThat(funnel.status()).isEqualTo(200);
        var f = funnel.json();
        assertThat(f.get("peers").asInt()).isEqualTo(peerRows.size());
        assertThat(f.get("total").get("impressions").asDouble()).isEqualTo(2);
        assertThat(f.get("total").get("views").asDouble()).isEqualTo(1);
        assertThat(f.get("peerMedianTotal").get("impressions").asDouble())
                .isEqualTo(median(peerRows.stream().map(r -> r.get("impressions").asLong()).toList()));
        assertThat(f.get("peerMedianTotal").get("views").asDouble())
                .isEqualTo(median(peerRows.stream().map(r -> r.get("views").asLong()).toList()));
        var week = f.get("weeks").get(0);
        assertThat(week.get("week").asInt()).isEqualTo(1);
        assertThat(week.get("position").get("impressions").asDouble()).isEqualTo(2);
        assertThat(week.get("peersInWeek").asInt()).isEqualTo(peerRows.size());
        // Shown a tenth as often as its peers: the pool is the problem, and the hint names a what-if.
        var hint = f.get("hints").get(0);
        assertThat(hint.get("kind").asString()).isEqualTo("RARELY_SHOWN");
        assertThat(hint.get("text").asString()).contains("vises sjelden");

        // The dashboard's municipality figures are the sums of its positions' rows.
        var summary = api.get("/api/v1/stats/summary?region=NORD", officeNord).json();
        var hadselRow = summary.get("municipalities").valueStream()
                .filter(m -> m.get("municipalityNumber").asString().equals("1866")).findFirst().orElseThrow();
        var ofHadsel = rows.stream().filter(r -> r.get("municipalityNumber").asString().equals("1866")).toList();
        assertThat(hadselRow.get("impressions").asLong())
                .isEqualTo(ofHadsel.stream().mapToLong(r -> r.get("impressions").asLong()).sum());
        assertThat(hadselRow.get("views").asLong())
                .isEqualTo(ofHadsel.stream().mapToLong(r -> r.get("views").asLong()).sum());
        // And the CSV carries the new columns.
        var csv = api.get("/api/v1/stats/positions.csv?region=NORD", officeNord).body();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("Vist i søk", "Åpnet", "«Søk» trykket");
    }

    @Test
    void a_peer_that_is_shown_but_seldom_opened_is_told_so() {
        // Peer 2 was opened by 9 of 30 (0.30); make a new one shown to 40 and opened by 1.
        var dull = api.publishedPosition(nursingHome("ALIS sykehjem Hadsel kjedelig"), hadsel);
        shown(dull, 40, 1);
        exposure.flush();
        var f = api.get("/api/v1/stats/positions/" + dull + "/funnel", hadsel).json();
        assertThat(f.get("hints").get(0).get("kind").asString()).isEqualTo("SHOWN_NOT_OPENED");
    }

    @Test
    void only_the_owner_its_office_and_admins_see_a_funnel() {
        var path = "/api/v1/stats/positions/" + position + "/funnel";
        assertThat(api.get(path).status()).isEqualTo(401);
        assertThat(api.get(path, api.newApplicant("Søker", "LIS1")).status()).isEqualTo(403);
        assertThat(api.get(path, api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804")))
                .status()).isEqualTo(403);
        assertThat(api.get(path, api.newUser(Map.of("role", "ALIS_OFFICE", "region", "VEST"))).status())
                .isEqualTo(403);
        assertThat(api.get(path, officeNord).status()).isEqualTo(200);
        assertThat(api.get(path, admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/stats/positions/no-such-position/funnel", admin).status()).isEqualTo(404);
    }
}
