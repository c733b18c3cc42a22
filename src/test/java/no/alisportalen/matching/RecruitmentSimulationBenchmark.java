package no.alisportalen.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import no.alisportalen.demo.DemoMarket;
import no.alisportalen.exposure.ApplicantNeed;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionStatus;
import no.alisportalen.position.WorkSetting;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #15's market simulation: does the recruitment boost spread applications to positions nobody applies to,
 * and what does it cost applicants? A national market from the real municipality data — 1,500 positions from the
 * demo generator (rural ones salaried more often, with incentives; published over the last two months) and
 * 3,000 applicants living where people live (home drawn by population, so mostly central), leaning salaried.
 * Over six weeks each applicant arrives on a day, looks at their ranked matches once (the portal's own Java
 * model: hard constraints, preference score, and with the boost the rank score score + 8 × need), examines the
 * list top-down with a position bias (rank r examined with probability 0.9^(r-1), first page of 20 only) and
 * applies to what they examine with a probability growing with the preference score, at most three. Every
 * position on the page gets an impression; the need for applicants is recomputed daily as the portal does, from
 * applications, days open, impressions and recruitment weakness.
 *
 * <p>Same seed with the boost off and on, five seeds. Goals: ≥ 30% fewer positions with zero applications with the
 * boost on; the mean preference score of each applicant's top 5 drops ≤ 5%; every top-5 position satisfies all
 * hard constraints. Writes target/benchmark/recruitment-simulation.md and .svg.
 */
@Tag("benchmark")
class RecruitmentSimulationBenchmark {

    static final int POSITIONS = 1_500;
    static final int APPLICANTS = 3_000;
    static final int DAYS = 42;
    static final int PAGE = 20;
    static final int MARGIN = 8;
    static final long[] SEEDS = {1, 2, 3, 4, 5};

    final List<Municipality> municipalities = new MunicipalityService().all();
    final Map<String, Municipality> byNumber = new HashMap<>();
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));

    record Outcome(long seed, boolean boost, int zeroApplications, int unreachable, double meanTop5Score,
            int top5Violations, int applications, int boostedInTop5) {}

    @Test
    void the_boost_spreads_applications_at_little_cost() throws IOException {
        municipalities.forEach(m -> byNumber.put(m.number(), m));
        List<Outcome> outcomes = new ArrayList<>();
        for (long seed : SEEDS) {
            outcomes.add(run(seed, false));
            outcomes.add(run(seed, true));
        }
        var report = report(outcomes);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/recruitment-simulation.md"), report);
        Files.writeString(Path.of("target/benchmark/recruitment-simulation.svg"), chart(outcomes));
        System.out.println(report);
        for (var o : outcomes) {
            assertThat(o.top5Violations()).as("top-5 positions breaking a hard constraint").isZero();
        }
    }

    Outcome run(long seed, boolean boost) {
        var random = new Random(seed);
        var data = DemoMarket.positions(municipalities, today, POSITIONS, 1000 + seed);
        List<Position> positions = new ArrayList<>();
        long[] openedDay = new long[POSITIONS];
        for (int i = 0; i < data.size(); i++) {
            var d = data.get(i);
            var m = byNumber.get(d.municipalityNumber());
            openedDay[i] = -random.nextInt(60);
            var published = today.plusDays(openedDay[i]).atStartOfDay(ZoneId.of("Europe/Oslo")).toInstant();
            positions.add(new Position(new PositionId("sim" + i), 1, PositionStatus.PUBLISHED,
                    d.withDates(today.plusDays(DAYS + 150), today.plusDays(DAYS + 1 + random.nextInt(90))), m.name(),
                    m.countyName(), m.region(),
                    m.centrality(), published, published, null));
        }
        var applicants = applicants(random);
        int[] arrival = new int[APPLICANTS];
        for (int a = 0; a < APPLICANTS; a++) {
            arrival[a] = random.nextInt(DAYS);
        }
        int[] applications = new int[POSITIONS];
        long[][] impressionsByDay = new long[POSITIONS][DAYS];
        double[] need = new double[POSITIONS];
        boolean[] reachable = new boolean[POSITIONS];
        double top5Sum = 0;
        int top5Count = 0;
        int violations = 0;
        int boostedInTop5 = 0;
        int applied = 0;
        var behaviour = new Random(seed * 31 + 7); // the same choices in both runs where the lists agree
        for (int day = 0; day < DAYS; day++) {
            recomputeNeeds(positions, openedDay, applications, impressionsByDay, day, need);
            for (int a = 0; a < APPLICANTS; a++) {
                if (arrival[a] != day) {
                    continue;
                }
                var model = applicants.get(a);
                List<int[]> eligible = new ArrayList<>();
                double[] score = new double[POSITIONS];
                for (int p = 0; p < POSITIONS; p++) {
                    if (model.passesHard(positions.get(p))) {
                        reachable[p] = true;
                        score[p] = model.score(positions.get(p));
                        eligible.add(new int[] {p});
                    }
                }
                // As the portal orders: rank score, then the earliest deadline, then the id.
                eligible.sort((x, y) -> {
                    double rx = score[x[0]] + (boost ? MARGIN * need[x[0]] : 0);
                    double ry = score[y[0]] + (boost ? MARGIN * need[y[0]] : 0);
                    if (rx != ry) {
                        return Double.compare(ry, rx);
                    }
                    int byDeadline = positions.get(x[0]).data().applicationDeadline()
                            .compareTo(positions.get(y[0]).data().applicationDeadline());
                    return byDeadline != 0 ? byDeadline : Integer.compare(x[0], y[0]);
                });
                int shown = Math.min(PAGE, eligible.size());
                for (int r = 0; r < Math.min(5, eligible.size()); r++) {
                    int p = eligible.get(r)[0];
                    top5Sum += Math.round(score[p]);
                    top5Count++;
                    violations += model.passesHard(positions.get(p)) ? 0 : 1;
                    boostedInTop5 += boost && need[p] > 0 ? 1 : 0;
                }
                int mine = 0;
                for (int r = 0; r < shown; r++) {
                    int p = eligible.get(r)[0];
                    impressionsByDay[p][day]++;
                    double examine = Math.pow(0.9, r);
                    double s = Math.round(score[p]) / 100.0;
                    double apply = 0.02 + 0.4 * s * s * s;
                    double u1 = behaviour.nextDouble();
                    double u2 = behaviour.nextDouble();
                    if (mine < 3 && u1 < examine && u2 < apply) {
                        applications[p]++;
                        applied++;
                        mine++;
                    }
                }
            }
        }
        int zero = 0;
        int unreachable = 0;
        for (int p = 0; p < POSITIONS; p++) {
            zero += applications[p] == 0 ? 1 : 0;
            unreachable += reachable[p] ? 0 : 1;
        }
        return new Outcome(seed, boost, zero, unreachable, top5Sum / Math.max(1, top5Count), violations, applied,
                boostedInTop5);
    }

    /** As ApplicantNeeds does: impressions over the last 14 days against the region's median. */
    private void recomputeNeeds(List<Position> positions, long[] openedDay, int[] applications,
            long[][] impressionsByDay, int day, double[] need) {
        long[] recent = new long[positions.size()];
        Map<Region, List<Long>> byRegion = new HashMap<>();
        for (int p = 0; p < positions.size(); p++) {
            for (int d = Math.max(0, day - 13); d < day; d++) {
                recent[p] += impressionsByDay[p][d];
            }
            byRegion.computeIfAbsent(positions.get(p).region(), r -> new ArrayList<>()).add(recent[p]);
        }
        Map<Region, Double> medians = new HashMap<>();
        byRegion.forEach((region, values) -> {
            var sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            int n = sorted.length;
            medians.put(region, n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0);
        });
        for (int p = 0; p < positions.size(); p++) {
            var position = positions.get(p);
            need[p] = ApplicantNeed.assess(position.id(), day - openedDay[p], applications[p], recent[p],
                    medians.get(position.region()), ApplicantNeed.littleSeenFloor(20),
                    position.data().recruitmentWeak()).need();
        }
    }

    /** Applicants live where people live; most want a fixed salary and GP practice; some limit place and load. */
    private List<MatchModel> applicants(Random random) {
        long population = municipalities.stream().mapToLong(Municipality::population).sum();
        List<MatchModel> models = new ArrayList<>();
        for (int a = 0; a < APPLICANTS; a++) {
            long pick = (long) (random.nextDouble() * population);
            Municipality home = municipalities.getLast();
            for (var m : municipalities) {
                pick -= m.population();
                if (pick < 0) {
                    home = m;
                    break;
                }
            }
            var b = Preferences.defaults().toBuilder();
            b.homeMunicipality = home.number();
            double roll = random.nextDouble();
            b.fixedSalary = roll < 0.35 ? Requirement.REQUIRED : roll < 0.85 ? Requirement.PREFERRED : Requirement.ANY;
            if (random.nextDouble() < 0.45) {
                b.regions = Set.of(home.region());
                b.locationRequired = random.nextDouble() < 0.5;
            }
            if (random.nextDouble() < 0.5) {
                b.maxDistanceKm = 100 + 50 * random.nextInt(9);
            }
            if (random.nextDouble() < 0.4) {
                b.maxListLength = 700 + 100 * random.nextInt(6);
            }
            if (random.nextDouble() < 0.3) {
                b.minOnCallRotation = 3 + random.nextInt(6);
            }
            if (random.nextDouble() < 0.6) {
                b.settings = EnumSet.of(WorkSetting.GP_PRACTICE);
            }
            if (random.nextDouble() < 0.2) {
                b.employmentForms = EnumSet.of(EmploymentForm.SALARIED);
            }
            // People weigh things differently: each weight 1–5, location and distance leaning higher.
            b.weights = new Weights(2 + random.nextInt(4), 1 + random.nextInt(5), 1 + random.nextInt(5),
                    1 + random.nextInt(5), random.nextInt(4), 1 + random.nextInt(5), random.nextInt(4),
                    random.nextInt(4));
            var p = b.build();
            models.add(new MatchModel(p, home.location(), home.name(),
                    n -> byNumber.containsKey(n) ? byNumber.get(n).countyNumber() : ""));
        }
        return models;
    }

    private static String report(List<Outcome> outcomes) {
        var text = new StringBuilder("# Recruitment simulation (issue #15)\n\n");
        text.append(String.format(Locale.ROOT, "%d positions, %d applicants, %d days, margin %d points, run %s%n%n",
                POSITIONS, APPLICANTS, DAYS, MARGIN, Instant.now()));
        text.append("| seed | boost | zero applications | reachable by nobody | applications | mean top-5 score "
                + "| boosted in top 5 | top-5 hard-constraint breaches |\n|---|---|---|---|---|---|---|---|\n");
        for (var o : outcomes) {
            text.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %d | %.2f | %d | %d |%n", o.seed(),
                    o.boost() ? "on" : "off", o.zeroApplications(), o.unreachable(), o.applications(),
                    o.meanTop5Score(), o.boostedInTop5(), o.top5Violations()));
        }
        List<Double> fewer = new ArrayList<>();
        List<Double> fewerReachable = new ArrayList<>();
        List<Double> drop = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i += 2) {
            var off = outcomes.get(i);
            var on = outcomes.get(i + 1);
            fewer.add(100.0 * (off.zeroApplications() - on.zeroApplications()) / off.zeroApplications());
            int offReachable = off.zeroApplications() - off.unreachable();
            fewerReachable.add(100.0 * (offReachable - (on.zeroApplications() - on.unreachable())) / offReachable);
            drop.add(100.0 * (off.meanTop5Score() - on.meanTop5Score()) / off.meanTop5Score());
        }
        text.append(String.format(Locale.ROOT, "%nFewer positions with zero applications with the boost on: "
                + "%s %% (min %.1f, max %.1f; goal ≥ 30)%n", spread(fewer), min(fewer), max(fewer)));
        text.append(String.format(Locale.ROOT, "Of those some applicant could apply to (hard constraints met for at "
                + "least one): %s %% fewer%n", spread(fewerReachable)));
        text.append(String.format(Locale.ROOT, "Drop of the mean preference score of each applicant's top 5: "
                + "%s %% (min %.2f, max %.2f; goal ≤ 5)%n", spread(drop), min(drop), max(drop)));
        return text.toString();
    }

    private static String spread(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList().toString();
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** Zero-application positions per seed, off beside on. */
    private static String chart(List<Outcome> outcomes) {
        var dataset = new DefaultCategoryDataset();
        for (var o : outcomes) {
            dataset.addValue(o.zeroApplications(), o.boost() ? "Boost on" : "Boost off", "Seed " + o.seed());
        }
        var chart = ChartFactory.createBarChart("Positions with zero applications after six weeks", null,
                "Positions", dataset, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        var renderer = chart.getCategoryPlot().getRenderer();
        renderer.setSeriesPaint(0, new java.awt.Color(0x4a, 0x55, 0x68));
        renderer.setSeriesPaint(1, new java.awt.Color(0x0b, 0x53, 0x94));
        var svg = new SVGGraphics2D(640, 360);
        chart.draw(svg, new java.awt.Rectangle(0, 0, 640, 360));
        return svg.getSVGDocument();
    }
}
