package no.alisportalen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.alisportalen.application.ApplicationStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What `./mvnw package` builds, started the way most people try first: {@code java -jar}, on a fresh data
 * directory with the demo data. Runs after the package phase (failsafe). Checks that the UI is served in
 * production mode, that the demo tells four months of history through the public API, and takes each role's
 * start page at desktop and phone size into target/screenshots (the closing notes describe them).
 */
class PlainJarIT {

    private static final String PASSWORD = "Demo-passord-2026";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Process portal;
    private static Path log;
    private static int port;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheJar() throws Exception {
        var jar = jar();
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var dataDir = Files.createTempDirectory("plain-jar");
        log = dataDir.resolve("portal.log");
        var launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(launcher, "-Xmx1g", "--enable-native-access=ALL-UNNAMED", "-jar",
                jar.toString(), "--server.port=" + port, "--portal.data-dir=" + dataDir,
                "--portal.demo.enabled=true"));
        var esHome = System.getProperty("portal.elasticsearch.embedded.home");
        if (esHome != null) {
            command.add("--portal.elasticsearch.embedded.home=" + esHome);
        }
        portal = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (!ready()) {
            assertThat(portal.isAlive()).as("the jar exited; its log: %s", log).isTrue();
            assertThat(Instant.now()).as("the jar did not become ready; its log: %s", log).isBefore(deadline);
            Thread.onSpinWait();
            portal.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (portal != null) {
            portal.destroy();
            if (!portal.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                portal.destroyForcibly();
            }
        }
    }

    private static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("alis-portalen-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in target/: run ./mvnw package"));
        }
    }

    private static boolean ready() {
        try {
            return get("/actuator/health/readiness", null).statusCode() == 200
                    && Files.readString(log).contains("Demo data: 168 positions");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse<String> get(String path, String email) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (email != null) {
            var password = email.startsWith("admin@") ? "Demo-admin-2026" : PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String path, String email) throws IOException, InterruptedException {
        var response = get(path, email);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void the_jar_serves_the_ui_in_production_mode() throws Exception {
        assertThat(Files.readString(log)).contains("Vaadin is running in production mode")
                .doesNotContain("Vite dev server failed");
        try (var browser = new Browser(port)) {
            browser.open("/stillinger");
            browser.waitFor(By.cssSelector(".result-card h2 a"));
            assertThat(browser.driver.findElements(By.cssSelector(".result-card"))).hasSizeGreaterThan(5);
            assertThat(browser.cspViolations()).isEmpty();
        }
    }

    @Test
    void the_demo_tells_four_months_of_recruitment() throws Exception {
        var today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        var positions = json("/api/v1/stats/positions", "admin@alisportalen.no");
        Set<String> positionStatuses = new HashSet<>();
        int longest = 0;
        Set<ApplicationStatus> applicationStatuses = EnumSet.noneOf(ApplicationStatus.class);
        Set<Integer> weeks = new HashSet<>();
        for (var row : positions) {
            var status = row.get("status").asString();
            positionStatuses.add(status);
            longest = Math.max(longest, row.get("daysOpen").asInt());
            if (row.get("applicationCount").asInt() == 0 && !status.equals("FILLED")) {
                continue;
            }
            var applications = json("/api/v1/positions/" + row.get("positionId").asString() + "/applications",
                    "admin@alisportalen.no");
            int accepted = 0;
            for (var application : applications) {
                var applicationStatus = ApplicationStatus.valueOf(application.get("status").asString());
                applicationStatuses.add(applicationStatus);
                accepted += applicationStatus == ApplicationStatus.ACCEPTED ? 1 : 0;
                var submitted = Instant.parse(application.get("submittedAt").asString()).atZone(ZoneId.of("Europe/Oslo"));
                assertThat(submitted.toLocalDate()).isBeforeOrEqualTo(today);
                weeks.add(submitted.get(IsoFields.WEEK_BASED_YEAR) * 100 + submitted.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                // Every step of the history happened in order: each status change after the one before.
                Instant previous = Instant.MIN;
                for (var change : application.get("history")) {
                    var at = Instant.parse(change.get("at").asString());
                    assertThat(at).isAfterOrEqualTo(previous).isBeforeOrEqualTo(Instant.now());
                    previous = at;
                }
            }
            if (status.equals("FILLED")) {
                assertThat(accepted).as("a filled position has its accepted applicant").isEqualTo(1);
            }
        }
        assertThat(positionStatuses).contains("PUBLISHED", "CLOSED", "FILLED");
        // Closed positions have published applicant lists; the demo's story has one granted exemption.
        int published = 0;
        int withheld = 0;
        for (var row : positions) {
            if (!row.get("status").asString().equals("PUBLISHED")) {
                var list = json("/api/v1/positions/" + row.get("positionId").asString() + "/applicant-list", null);
                published += list.get("status").asString().equals("PUBLISHED") ? 1 : 0;
                withheld += list.path("withheld").asInt(0);
            }
        }
        assertThat(published).as("published applicant lists").isGreaterThanOrEqualTo(3);
        assertThat(withheld).as("granted exemptions on published lists").isGreaterThanOrEqualTo(1);
        assertThat(longest).as("published up to four months ago").isGreaterThanOrEqualTo(90);
        assertThat(applicationStatuses).containsExactlyInAnyOrder(ApplicationStatus.values());
        assertThat(weeks).as("applications spread over the weeks").hasSizeGreaterThanOrEqualTo(12);

        // Visitors came along: every position published a week ago or more was shown, most opened, fewer applied through the button;
        // and the positions nobody applied to say so in search.
        long shown = 0;
        long opened = 0;
        long clicked = 0;
        for (var row : positions) {
            if (row.get("status").asString().equals("PUBLISHED") && row.get("daysOpen").asInt() >= 7) {
                assertThat(row.get("impressions").asLong()).as("impressions of %s", row.get("positionId")).isPositive();
            }
            shown += row.get("impressions").asLong();
            opened += row.get("views").asLong();
            clicked += row.get("applyClicks").asLong();
        }
        assertThat(shown).isGreaterThan(opened);
        assertThat(opened).isGreaterThan(clicked).isPositive();
        assertThat(json("/api/v1/positions?size=100", null).get("items").valueStream()
                .filter(i -> i.path("needsApplicants").asBoolean(false)).count()).isPositive();

        var summary = json("/api/v1/stats/summary", "admin@alisportalen.no");
        assertThat(summary.toString()).contains("\"medianDaysOpen\"");
        assertThat(summary.get("medianDaysOpen").asDouble()).isPositive();

        // The saved alert has notified about positions as they appeared, weeks ago as well as lately.
        var notifications = json("/api/v1/me/notifications", "student@lege.demo");
        assertThat(notifications).isNotEmpty();
        var oldest = new ArrayList<Instant>();
        notifications.forEach(n -> oldest.add(Instant.parse(n.get("createdAt").asString())));
        assertThat(oldest.stream().min(Instant::compareTo).orElseThrow())
                .isBefore(Instant.now().minus(Duration.ofDays(30)));
    }

    @Test
    void each_roles_start_page_at_desktop_and_phone_size() throws Exception {
        record Role(String name, String email, String start) {}
        var roles = List.of(new Role("anonymous", null, "/"), new Role("applicant", "lis1@lege.demo", "/mine/treff"),
                new Role("municipality", "bodo@kommune.demo", "/kommune/stillinger"),
                new Role("alis-office", "alis-nord@alis.demo", "/alis-kontor"),
                new Role("admin", "admin@alisportalen.no", "/alis-kontor"));
        for (var role : roles) {
            // One browser and login per role; the start page is loaded afresh at each size.
            try (var browser = new Browser(port)) {
                if (role.email() != null) {
                    browser.login(role.email(), role.email().startsWith("admin@") ? "Demo-admin-2026" : PASSWORD);
                }
                for (var size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
                    browser.driver.manage().window().setSize(size);
                    browser.open(role.start());
                    browser.waitFor(By.tagName("main"));
                    browser.waitFor(By.tagName("h1"));
                    var file = SCREENSHOTS.resolve(role.name() + "-" + size.width + ".png");
                    browser.screenshot(file);
                    assertThat(file).exists();
                    assertThat(browser.sidewaysOverflow()).as("%s at %d px", role.start(), size.width).isEmpty();
                    assertThat(browser.cspViolations()).isEmpty();
                }
            }
        }
    }
}
