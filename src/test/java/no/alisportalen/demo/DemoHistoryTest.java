package no.alisportalen.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.position.PositionStatus;
import org.junit.jupiter.api.Test;

/** The demo's story is the same for the same day, and has the shape the landing pages rely on. */
class DemoHistoryTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T14:30:00Z"), OSLO);
    private final List<Municipality> municipalities = new MunicipalityService().all();

    private List<String> story() {
        var history = new DemoHistory(CLOCK, "admin@alisportalen.no");
        var byNumber = municipalities.stream().collect(Collectors.toMap(Municipality::number, Function.identity()));
        var applicants = java.util.stream.Stream.concat(DemoAccounts.APPLICANTS.stream(),
                DemoAccounts.MORE_APPLICANTS.stream()).map(a -> a.email()).toList();
        // The services are never called: only the plan is compared.
        history.plan(DemoPositions.plan(municipalities, LocalDate.now(CLOCK)), byNumber, applicants, null, null,
                () -> {}, List.of(Map.entry("student@lege.demo", () -> {})));
        return history.describe();
    }

    @Test
    void the_same_day_gives_the_same_story() {
        assertThat(story()).isEqualTo(story()).hasSizeGreaterThan(600);
    }

    @Test
    void every_step_lies_in_the_last_four_months_and_before_now() {
        var story = story();
        var first = Instant.parse(story.getFirst().split(" ")[0]);
        var last = Instant.parse(story.getLast().split(" ")[0]);
        assertThat(first).isAfter(CLOCK.instant().minus(java.time.Duration.ofDays(DemoPositions.HISTORY_DAYS + 2)));
        assertThat(last).isBefore(CLOCK.instant());
    }

    @Test
    void positions_were_written_over_four_months_and_some_ended_weeks_ago() {
        var today = LocalDate.now(CLOCK);
        var plan = DemoPositions.plan(municipalities, today);
        assertThat(plan).hasSize(DemoPositions.COUNT);
        assertThat(plan.stream().map(DemoPositions.Planned::status).distinct())
                .contains(PositionStatus.DRAFT, PositionStatus.PUBLISHED, PositionStatus.CLOSED, PositionStatus.FILLED);
        assertThat(plan.stream().map(DemoPositions.Planned::written).min(LocalDate::compareTo).orElseThrow())
                .isBefore(today.minusDays(90));
        for (var planned : plan) {
            var deadline = planned.data().applicationDeadline();
            assertThat(planned.written()).isBeforeOrEqualTo(today);
            if (planned.status() == PositionStatus.CLOSED || planned.status() == PositionStatus.FILLED) {
                // Closed the day after the deadline, and filled nine days after that: all before today.
                assertThat(deadline).isBefore(today.minusDays(10));
            } else {
                assertThat(deadline).isAfter(today);
            }
        }
        // The demo municipalities' own pages have several positions to show.
        assertThat(plan.stream().filter(p -> p.data().municipalityNumber().equals("1804"))).hasSizeGreaterThanOrEqualTo(4);
    }
}
