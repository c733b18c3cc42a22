package no.alisportalen.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import no.alisportalen.application.Application;
import no.alisportalen.application.ApplicationService;
import no.alisportalen.application.ApplicationStatus;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.PositionStatus;
import org.jspecify.annotations.Nullable;

/**
 * Four months of recruitment, replayed through the services in the order it happened: municipalities write and
 * publish positions week by week, applicants apply while they are open, municipalities interview, offer, hire
 * and reject, close positions at their deadline and mark some filled, applicants withdraw, and the alert
 * evaluator runs once a week. Each step runs at its own past instant ({@link no.alisportalen.base.Backdating}),
 * so every date the portal shows is a date in this story. The same day of loading gives the same story.
 */
final class DemoHistory {

    /** Municipalities with a demo account act for themselves; the administrator acts for the rest. */
    private static final Map<String, String> MUNICIPALITY_ACCOUNTS = Map.of(
            "1804", "bodo@kommune.demo", "5501", "tromso@kommune.demo", "4036", "vinje@kommune.demo");

    /** @param lane steps in one lane run in order; {@link #BARRIER} steps wait for everything before them */
    private record Step(Instant at, long order, int lane, String actor, Runnable action) {}

    private static final int BARRIER = -1;
    /** Positions whose steps run at the same time. */
    private static final int LANES = 8;

    /** A planned position and, once its step has run, the position it became. */
    private static final class Slot {
        final DemoPositions.Planned planned;
        final Municipality municipality;
        @Nullable Position position;

        Slot(DemoPositions.Planned planned, Municipality municipality) {
            this.planned = planned;
            this.municipality = municipality;
        }

        Position position() {
            return java.util.Objects.requireNonNull(position, "steps run in order: created before used");
        }
    }

    private static final class Applied {
        @Nullable Application application;

        Application application() {
            return java.util.Objects.requireNonNull(application, "steps run in order: applied before moved");
        }
    }

    /** Records a week's anonymous visitors of a position: impressions, views and apply clicks. */
    interface Visitors {
        void record(no.alisportalen.position.PositionId position, String week, int impressions, int views,
                int applyClicks);
    }

    private Visitors visitors = (position, week, impressions, views, applyClicks) -> {};

    private final List<Step> steps = new ArrayList<>();
    private final Clock clock;
    private final Instant now;
    private final LocalDate today;
    private final String admin;
    private long order;

    DemoHistory(Clock clock, String admin) {
        this.clock = clock;
        this.now = clock.instant();
        this.today = LocalDate.now(clock);
        this.admin = admin;
    }

    /** Who records the visitors' exposure (by default nobody: the plan alone is the same). */
    DemoHistory visitors(Visitors recorder) {
        this.visitors = recorder;
        return this;
    }

    /** Plans the whole story; nothing runs yet. */
    void plan(List<DemoPositions.Planned> planned, Map<String, Municipality> municipalities, List<String> applicants,
            PositionService positions, ApplicationService applications, Runnable evaluateAlerts,
            List<Map.Entry<String, Runnable>> applicantSetup) {
        var random = new Random(4036);
        var start = today.minusDays(DemoPositions.HISTORY_DAYS);
        // The demo applicants set their wishes and save them as an alert before the first position appears.
        for (var setup : applicantSetup) {
            add(BARRIER, start.minusDays(1), 20 * 60, setup.getKey(), setup.getValue());
        }
        for (var day = start; !day.isAfter(today); day = day.plusDays(7)) {
            add(BARRIER, day, 23 * 60 + 30, admin, evaluateAlerts);
        }
        for (int i = 0; i < planned.size(); i++) {
            var slot = new Slot(planned.get(i), municipalities.get(planned.get(i).data().municipalityNumber()));
            planPosition(slot, i, random, applicants, positions, applications);
        }
    }

    private void planPosition(Slot slot, int index, Random r, List<String> applicants, PositionService positions,
            ApplicationService applications) {
        var planned = slot.planned;
        var author = MUNICIPALITY_ACCOUNTS.getOrDefault(slot.municipality.number(), admin);
        var written = planned.written();
        add(index, written, 8 * 60 + index % 120, author, () -> slot.position = positions.create(planned.data()));
        if (planned.status() == PositionStatus.DRAFT) {
            return;
        }
        add(index, written, 10 * 60 + index % 120, author,
                () -> slot.position = positions.publish(slot.position().id(), slot.position().version()));
        var deadline = java.util.Objects.requireNonNull(planned.data().applicationDeadline());
        boolean ended = planned.status() != PositionStatus.PUBLISHED;
        if (ended) {
            add(index, deadline.plusDays(1), 8 * 60, author, () -> positions.close(slot.position().id()));
        }
        // Central positions draw more applicants than rural ones: the imbalance the portal exists to change.
        int centrality = slot.municipality.centrality();
        int count = centrality <= 2 ? 1 + r.nextInt(4) : centrality <= 4 ? r.nextInt(3) : r.nextInt(2);
        if (planned.status() == PositionStatus.FILLED) {
            count = Math.max(1, count);
        }
        var lastDay = ended ? deadline : today;
        long span = ChronoUnit.DAYS.between(written, lastDay);
        if (span < 1) {
            return;
        }
        planVisitors(slot, index, author, written, lastDay);
        var pool = new ArrayList<>(applicants);
        java.util.Collections.shuffle(pool, r);
        for (int k = 0; k < Math.min(count, pool.size()); k++) {
            var applicant = pool.get(k);
            var applied = new Applied();
            var on = written.plusDays(1 + r.nextInt((int) span));
            int minute = 7 * 60 + r.nextInt(14 * 60);
            add(index, on, minute, applicant,
                    () -> applied.application = applications.apply(slot.position().id(), DemoAccounts.LETTER));
            BiFunction<ApplicationStatus, String, Runnable> move = (status, note) ->
                    () -> applied.application = applications.changeStatus(applied.application().id(), status, note,
                            null);
            if (planned.status() == PositionStatus.FILLED) {
                if (k == 0) {
                    add(index, deadline.plusDays(2), 9 * 60, author, move.apply(ApplicationStatus.INTERVIEW, "Intervju avtalt"));
                    add(index, deadline.plusDays(5), 9 * 60, author, move.apply(ApplicationStatus.OFFERED, "Tilbud sendt"));
                    add(index, deadline.plusDays(8), 9 * 60, author, move.apply(ApplicationStatus.ACCEPTED, "Tilbudet er takket ja til"));
                    add(index, deadline.plusDays(9), 8 * 60, author, () -> positions.fill(slot.position().id()));
                } else {
                    add(index, deadline.plusDays(9), 9 * 60, author, move.apply(ApplicationStatus.REJECTED, "Stillingen er besatt"));
                }
                continue;
            }
            var end = ended ? deadline.plusDays(12) : today;
            long age = ChronoUnit.DAYS.between(on, end);
            double roll = r.nextDouble();
            if (roll < 0.08 && age >= 2) {
                add(index, on.plusDays(1 + r.nextInt((int) age - 1)), 18 * 60, applicant,
                        () -> applied.application = applications.withdraw(applied.application().id()));
            } else if (roll < 0.25 && age >= 3) {
                add(index, on.plusDays(2 + r.nextInt((int) age - 2)), 13 * 60, author,
                        move.apply(ApplicationStatus.REJECTED, "Andre søkere passet bedre"));
            } else if (roll < 0.65 && age >= 5) {
                var interview = on.plusDays(3 + r.nextInt((int) Math.min(age - 4, 10)));
                add(index, interview, 11 * 60, author, move.apply(ApplicationStatus.INTERVIEW, "Intervju avtalt"));
                long left = ChronoUnit.DAYS.between(interview, end);
                if (r.nextDouble() < 0.35 && left >= 4) {
                    var offered = interview.plusDays(3 + r.nextInt((int) Math.min(left - 3, 5)));
                    add(index, offered, 14 * 60, author, move.apply(ApplicationStatus.OFFERED, "Tilbud sendt"));
                    if (r.nextBoolean() && ChronoUnit.DAYS.between(offered, end) >= 3) {
                        add(index, offered.plusDays(2), 10 * 60, author,
                                move.apply(ApplicationStatus.ACCEPTED, "Tilbudet er takket ja til"));
                    }
                }
            }
        }
    }

    /**
     * A week's visitors at its end: central positions are shown and opened more (drawn from their own seed, so
     * the rest of the story is the same with or without them).
     */
    private void planVisitors(Slot slot, int index, String author, LocalDate from, LocalDate to) {
        var r = new Random(7919L * (index + 1));
        int centrality = slot.municipality.centrality();
        int base = centrality <= 2 ? 45 : centrality <= 4 ? 22 : 9;
        for (var day = from; day.isBefore(to); day = day.plusDays(7)) {
            var end = day.plusDays(6).isAfter(to) ? to : day.plusDays(6);
            int impressions = (int) Math.round(base * (0.6 + 0.8 * r.nextDouble()));
            int views = (int) Math.round(impressions * (0.12 + 0.18 * r.nextDouble()));
            int clicks = (int) Math.round(views * (0.1 + 0.2 * r.nextDouble()));
            var week = day.toString();
            add(index, end, 22 * 60, author, () -> visitors.record(slot.position().id(), week, impressions, views,
                    clicks));
        }
    }

    /** A step at a minute of a day; today's steps are squeezed into the part of today that has passed. */
    private void add(int lane, LocalDate day, int minuteOfDay, String actor, Runnable action) {
        var dayStart = day.atStartOfDay(clock.getZone()).toInstant();
        var offset = Duration.ofMinutes(minuteOfDay);
        Instant at;
        if (day.isBefore(today)) {
            at = dayStart.plus(offset);
        } else if (day.isEqual(today)) {
            long passed = Duration.between(dayStart, now).toMillis();
            at = dayStart.plusMillis(Math.max(0, passed - 60_000) * offset.toMinutes() / (24 * 60));
        } else {
            return; // has not happened yet
        }
        steps.add(new Step(at, order++, lane, actor, action));
    }

    /** The planned story, one line per step (when, who, in which lane): what the determinism test compares. */
    List<String> describe() {
        return steps.stream().sorted(Comparator.comparing(Step::at).thenComparingLong(Step::order))
                .map(s -> s.at() + " " + s.lane() + " " + s.actor()).toList();
    }

    /**
     * Runs every step as its actor at its instant. Positions are independent stories, so each week runs as
     * parallel lanes (one per position, its steps in time order), and the weekly alert evaluation waits for the
     * week to end. A step is mostly waiting for the store's replies, so more positions run at once than there
     * are cores: with eight the load took 5-8 s on two cores, with four 11 s, with sixteen 7-8 s (DD015).
     * Returns how many steps ran.
     */
    int run(Actor actor) {
        steps.sort(Comparator.comparing(Step::at).thenComparingLong(Step::order));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(LANES);
        try {
            List<Step> week = new ArrayList<>();
            for (var step : steps) {
                if (step.lane() == BARRIER) {
                    runWeek(week, actor, pool);
                    week.clear();
                    runStep(step, actor);
                } else {
                    week.add(step);
                }
            }
            runWeek(week, actor, pool);
        } finally {
            pool.shutdown();
        }
        return steps.size();
    }

    private static void runWeek(List<Step> week, Actor actor, java.util.concurrent.ExecutorService pool) {
        var lanes = new java.util.LinkedHashMap<Integer, List<Step>>();
        week.forEach(step -> lanes.computeIfAbsent(step.lane(), l -> new ArrayList<>()).add(step));
        var running = lanes.values().stream().map(lane -> pool.submit(() -> lane.forEach(s -> runStep(s, actor))))
                .toList();
        for (var lane : running) {
            try {
                lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Demo history interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    private static void runStep(Step step, Actor actor) {
        no.alisportalen.base.Backdating.at(step.at(), () -> actor.as(step.actor(), () -> {
            step.action().run();
            return null;
        }));
    }

    /** Runs work as the account with this e-mail address. */
    interface Actor {
        <T> T as(String email, Supplier<T> work);
    }
}
