package no.alisportalen.round;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an assignment against the rankings, written apart from the matching so that it does not share its
 * mistakes: it works from the definitions, on maps, not on the engine's tables. What it finds is what a
 * result's {@code stable} reports.
 *
 * <p>Violations: a place the rankings do not allow (unacceptable to either side, over capacity, one member of
 * a couple without the other, a pair the couple did not rank); a blocking pair (a single applicant and a
 * position that both prefer each other to what they have: the position has a free place or holds someone it
 * ranks lower); a blocking couple (a pair the couple ranks above its own whose positions would both take the
 * member, counting the couple's own places as free, two places when both members want the same position).
 */
final class StabilityChecker {

    private StabilityChecker() {}

    /** Every violation found, in words; empty when the assignment is allowed and stable. */
    static List<String> check(MatchInput input, int[] assignment) {
        List<String> problems = new ArrayList<>();
        List<Map<Integer, Integer>> rankOf = new ArrayList<>();
        for (var list : input.positionRanks()) {
            Map<Integer, Integer> ranks = new HashMap<>();
            for (int i = 0; i < list.length; i++) {
                ranks.put(list[i], i);
            }
            rankOf.add(ranks);
        }
        List<List<Integer>> holders = new ArrayList<>();
        for (int p = 0; p < input.positions(); p++) {
            holders.add(new ArrayList<>());
        }
        for (int a = 0; a < assignment.length; a++) {
            if (assignment[a] >= 0) {
                holders.get(assignment[a]).add(a);
                if (!rankOf.get(assignment[a]).containsKey(a)) {
                    problems.add("applicant " + a + " is unacceptable to position " + assignment[a]);
                }
            }
        }
        for (int p = 0; p < input.positions(); p++) {
            if (holders.get(p).size() > input.capacity()[p]) {
                problems.add("position " + p + " is over capacity");
            }
        }
        Map<Integer, Integer> coupleOf = new HashMap<>();
        for (int c = 0; c < input.couples().length; c++) {
            coupleOf.put(input.couples()[c][0], c);
            coupleOf.put(input.couples()[c][1], c);
        }
        for (int a = 0; a < assignment.length; a++) {
            if (coupleOf.containsKey(a)) {
                continue;
            }
            var list = input.applicantRanks()[a];
            int own = indexOf(list, assignment[a]);
            if (assignment[a] >= 0 && own < 0) {
                problems.add("applicant " + a + " did not rank position " + assignment[a]);
            }
            int better = own < 0 ? list.length : own;
            for (int k = 0; k < better; k++) {
                int p = list[k];
                var rank = rankOf.get(p).get(a);
                if (rank != null && wouldTake(p, List.of(rank), holders.get(p), List.of(), input, rankOf)) {
                    problems.add("applicant " + a + " and position " + p + " block");
                }
            }
        }
        for (int c = 0; c < input.couples().length; c++) {
            int first = input.couples()[c][0];
            int second = input.couples()[c][1];
            var pairs = input.coupleRanks()[c];
            int own = -1;
            for (int k = 0; k < pairs.length; k++) {
                if (pairs[k][0] == assignment[first] && pairs[k][1] == assignment[second]) {
                    own = k;
                    break;
                }
            }
            boolean unassigned = assignment[first] < 0 && assignment[second] < 0;
            if (!unassigned && own < 0) {
                problems.add("couple " + c + " holds a pair it did not rank, or only one place");
            }
            int better = own < 0 ? pairs.length : own;
            for (int k = 0; k < better; k++) {
                var r1 = rankOf.get(pairs[k][0]).get(first);
                var r2 = rankOf.get(pairs[k][1]).get(second);
                if (r1 == null || r2 == null) {
                    continue;
                }
                var leaving = List.of(first, second);
                boolean takes = pairs[k][0] == pairs[k][1]
                        ? wouldTake(pairs[k][0], List.of(r1, r2), holders.get(pairs[k][0]), leaving, input, rankOf)
                        : wouldTake(pairs[k][0], List.of(r1), holders.get(pairs[k][0]), leaving, input, rankOf)
                                && wouldTake(pairs[k][1], List.of(r2), holders.get(pairs[k][1]), leaving, input, rankOf);
                if (takes) {
                    problems.add("couple " + c + " and pair " + pairs[k][0] + "/" + pairs[k][1] + " block");
                }
            }
        }
        return problems;
    }

    /**
     * Whether position p would take newcomers of these ranks: after the leaving applicants go, it has enough
     * free places, or enough holders it ranks below every newcomer to make room.
     */
    private static boolean wouldTake(int p, List<Integer> newcomers, List<Integer> holders, List<Integer> leaving,
            MatchInput input, List<Map<Integer, Integer>> rankOf) {
        var staying = holders.stream().filter(h -> !leaving.contains(h)).toList();
        int free = input.capacity()[p] - staying.size();
        int worstNewcomer = newcomers.stream().mapToInt(Integer::intValue).max().orElseThrow();
        long worse = staying.stream().filter(h -> rankOf.get(p).get(h) > worstNewcomer).count();
        return free + worse >= newcomers.size();
    }

    private static int indexOf(int[] list, int value) {
        for (int i = 0; i < list.length; i++) {
            if (list[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
