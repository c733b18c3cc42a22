package no.alisportalen.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * NRMP scale (issue #16): 45,000 applicants, 41,000 positions with 1–3 places, rank lists of 10–15, 2,000
 * couples ranking 10–15 pairs of positions near each other; then the same instance without couples (their
 * members rank alone). Preferences are correlated as in real markets: every applicant leans towards the same
 * sought-after positions, every position towards the same strong applicants. Goals: ≤ 10 s and ≤ 2 GB heap
 * with couples, ≤ 3 s without. Writes target/benchmark/round-match.md. Run: ./mvnw -Pbenchmark test
 * -Dtest=RoundMatchBenchmark (the surefire JVM has -Xmx1536m, so finishing at all shows the heap goal).
 */
@Tag("benchmark")
class RoundMatchBenchmark {

    static final int APPLICANTS = 45_000;
    static final int POSITIONS = 41_000;
    static final int COUPLES = 2_000;
    /** Positions lie in areas; a couple's pairs are two positions in the same area (within commuting distance). */
    static final int AREAS = 400;

    static MatchInput instance(long seed, boolean couples) {
        var r = new Random(seed);
        var capacity = new int[POSITIONS];
        var desirability = new double[POSITIONS];
        var area = new int[POSITIONS];
        List<List<Integer>> byArea = new ArrayList<>();
        for (int a = 0; a < AREAS; a++) {
            byArea.add(new ArrayList<>());
        }
        for (int p = 0; p < POSITIONS; p++) {
            capacity[p] = 1 + r.nextInt(3);
            desirability[p] = r.nextGaussian();
            area[p] = r.nextInt(AREAS);
            byArea.get(area[p]).add(p);
        }
        var strength = new double[APPLICANTS];
        for (int a = 0; a < APPLICANTS; a++) {
            strength[a] = r.nextGaussian();
        }
        int coupled = couples ? 2 * COUPLES : 0;
        var applicantRanks = new int[APPLICANTS][];
        var coupleMembers = new int[couples ? COUPLES : 0][];
        var coupleRanks = new int[couples ? COUPLES : 0][][];
        List<List<Integer>> rankedBy = new ArrayList<>(POSITIONS);
        for (int p = 0; p < POSITIONS; p++) {
            rankedBy.add(new ArrayList<>());
        }
        for (int a = 0; a < APPLICANTS; a++) {
            if (a < coupled) {
                applicantRanks[a] = new int[0];
                continue;
            }
            applicantRanks[a] = chooseBest(r, 10 + r.nextInt(6), desirability);
            for (int p : applicantRanks[a]) {
                rankedBy.get(p).add(a);
            }
        }
        for (int c = 0; c < coupleMembers.length; c++) {
            coupleMembers[c] = new int[] {2 * c, 2 * c + 1};
            int pairs = 10 + r.nextInt(6);
            var list = new ArrayList<int[]>();
            for (int k = 0; k < pairs; k++) {
                var near = byArea.get(r.nextInt(AREAS));
                int p1 = near.get(r.nextInt(near.size()));
                int p2 = near.get(r.nextInt(near.size()));
                list.add(new int[] {p1, p2});
            }
            // Best first: by the pair's combined appeal.
            list.sort((x, y) -> Double.compare(desirability[y[0]] + desirability[y[1]],
                    desirability[x[0]] + desirability[x[1]]));
            coupleRanks[c] = list.toArray(new int[0][]);
            for (var pair : coupleRanks[c]) {
                rankedBy.get(pair[0]).add(2 * c);
                rankedBy.get(pair[1]).add(2 * c + 1);
            }
        }
        // Each position ranks everyone who ranked it, by strength plus its own taste.
        var positionRanks = new int[POSITIONS][];
        for (int p = 0; p < POSITIONS; p++) {
            var candidates = rankedBy.get(p).stream().distinct().toList();
            double[] score = new double[candidates.size()];
            Integer[] order = new Integer[candidates.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
                score[i] = strength[candidates.get(i)] + 0.5 * r.nextGaussian();
            }
            Arrays.sort(order, (x, y) -> Double.compare(score[y], score[x]));
            positionRanks[p] = Arrays.stream(order).mapToInt(i -> candidates.get(i)).toArray();
        }
        return new MatchInput(capacity, applicantRanks, positionRanks, coupleMembers, coupleRanks);
    }

    /** The applicant's list: sampled positions, the more desirable ones more often, best first with noise. */
    private static int[] chooseBest(Random r, int length, double[] desirability) {
        var picked = new java.util.LinkedHashSet<Integer>();
        while (picked.size() < length) {
            // Two draws, keep the more desirable: a lean towards the sought-after positions.
            int x = r.nextInt(POSITIONS);
            int y = r.nextInt(POSITIONS);
            picked.add(desirability[x] >= desirability[y] ? x : y);
        }
        var list = new ArrayList<>(picked);
        var noisy = new java.util.HashMap<Integer, Double>();
        list.forEach(p -> noisy.put(p, desirability[p] + 0.7 * r.nextGaussian()));
        list.sort((x, y) -> Double.compare(noisy.get(y), noisy.get(x)));
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    record Run(String name, long millis, long heapMb, int assigned, int filled, boolean stable, int passes) {}

    static Run run(String name, MatchInput input) {
        System.gc();
        var pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        long started = System.nanoTime();
        var result = DeferredAcceptance.match(input, 16);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        int assigned = (int) Arrays.stream(result.assignment()).filter(p -> p >= 0).count();
        var filled = new boolean[input.positions()];
        Arrays.stream(result.assignment()).filter(p -> p >= 0).forEach(p -> filled[p] = true);
        int filledCount = 0;
        for (boolean f : filled) {
            filledCount += f ? 1 : 0;
        }
        return new Run(name, millis, Math.max(0, peak - before) / (1024 * 1024), assigned, filledCount,
                result.stable(), result.passes());
    }

    @Test
    void nrmp_scale() throws Exception {
        var withCouples = instance(2026, true);
        var singlesOnly = instance(2026, false);
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            runs.add(run("with 2,000 couples", withCouples));
            runs.add(run("singles only", singlesOnly));
        }
        var text = new StringBuilder("# Match round at NRMP scale\n\n");
        text.append("45,000 applicants, 41,000 positions (1–3 places), lists of 10–15; JVM max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores.\n\n");
        text.append("| Run | ms | heap growth MB (peak − before) | assigned | positions filled | stable | passes |\n");
        text.append("| --- | ---: | ---: | ---: | ---: | --- | ---: |\n");
        for (var run : runs) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %d |%n", run.name(), run.millis(),
                    run.heapMb(), run.assigned(), run.filled(), run.stable(), run.passes()));
        }
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/round-match.md"), text);
        System.out.println(text);
        // Sanity, not speed: the benchmark must have matched something real.
        assertThat(runs).allMatch(run -> run.assigned() > APPLICANTS / 2);
    }
}
