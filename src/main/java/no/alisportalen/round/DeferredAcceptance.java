package no.alisportalen.round;

import java.util.Arrays;
import java.util.Random;

/**
 * Applicant-proposing deferred acceptance with capacities (Gale–Shapley; Roth 1984). Without couples its
 * result is the unique applicant-optimal stable assignment, and no applicant gains by ranking untruthfully.
 *
 * <p>Couples follow the NRMP's Roth–Peranson algorithm (1999): singles first; then the couples one at a time,
 * in an order drawn from the recorded seed, each proposing its pairs best first and holding a pair only when
 * both positions take their member (displacing the positions' worst holders). A displaced couple member frees
 * its partner's place too, and the couple proposes again from its next pair. Places freed that way can leave
 * applicants who were turned away earlier wanting them: repair passes find every blocking pair and couple and
 * let it propose again, at most {@link #MAX_PASSES} times. With couples a stable assignment may not exist; the
 * result then says {@code stable: false} (the independent {@link StabilityChecker} decides) instead of looping.
 */
final class DeferredAcceptance {

    static final int MAX_PASSES = 25;
    static final String ALGORITHM = "applicant-proposing deferred acceptance; couples as in Roth–Peranson";

    private final MatchInput input;
    private final MatchInput.PositionRanks ranks;
    private final int[] coupleOf;
    private final int[] assigned;
    /** Per unit (applicant index for singles, applicants + couple index for couples): the next list entry. */
    private final int[] next;
    private final int[][] held;
    private final int[][] heldRank;
    private final int[] heldCount;
    private final int[] stack;
    private int top;

    private DeferredAcceptance(MatchInput input) {
        this.input = input;
        this.ranks = input.rankTable();
        this.coupleOf = input.coupleOf();
        int applicants = input.applicants();
        this.assigned = new int[applicants];
        Arrays.fill(assigned, -1);
        this.next = new int[applicants + input.couples().length];
        this.held = new int[input.positions()][];
        this.heldRank = new int[input.positions()][];
        for (int p = 0; p < input.positions(); p++) {
            held[p] = new int[input.capacity()[p]];
            heldRank[p] = new int[input.capacity()[p]];
        }
        this.heldCount = new int[input.positions()];
        // A unit is pushed when it becomes free; it is free at most once at a time.
        this.stack = new int[applicants + input.couples().length + 1];
    }

    /** Runs the match; the same input and seed always give the same result. */
    static MatchResult match(MatchInput input, long seed) {
        var engine = new DeferredAcceptance(input);
        for (int a = input.applicants() - 1; a >= 0; a--) {
            if (engine.coupleOf[a] < 0) {
                engine.push(a);
            }
        }
        engine.drain();
        int couples = input.couples().length;
        int passes = 0;
        if (couples > 0) {
            int[] order = new int[couples];
            for (int c = 0; c < couples; c++) {
                order[c] = c;
            }
            var random = new Random(seed);
            for (int i = couples - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int c : order) {
                engine.push(input.applicants() + c);
                engine.drain();
            }
            while (passes < MAX_PASSES && engine.repair()) {
                passes++;
                engine.drain();
            }
        }
        var assignment = engine.assigned.clone();
        return new MatchResult(assignment, StabilityChecker.check(input, assignment).isEmpty(), passes, ALGORITHM);
    }

    private void push(int unit) {
        stack[top++] = unit;
    }

    private void drain() {
        while (top > 0) {
            int unit = stack[--top];
            if (unit < input.applicants()) {
                proposeSingle(unit);
            } else {
                proposeCouple(unit - input.applicants());
            }
        }
    }

    private void proposeSingle(int a) {
        var list = input.applicantRanks()[a];
        while (next[a] < list.length) {
            int p = list[next[a]++];
            int r = ranks.rank(p, a);
            if (r >= 0 && admits(p, r)) {
                take(p, a, r);
                return;
            }
        }
    }

    private void proposeCouple(int c) {
        var pairs = input.coupleRanks()[c];
        int first = input.couples()[c][0];
        int second = input.couples()[c][1];
        while (next[input.applicants() + c] < pairs.length) {
            var pair = pairs[next[input.applicants() + c]++];
            int r1 = ranks.rank(pair[0], first);
            int r2 = ranks.rank(pair[1], second);
            if (r1 < 0 || r2 < 0) {
                continue;
            }
            if (fits(pair, r1, r2)) {
                take(pair[0], first, r1);
                take(pair[1], second, r2);
                return;
            }
        }
    }

    /** Whether both positions of a pair take their member (two places when it is one position). */
    private boolean fits(int[] pair, int r1, int r2) {
        return pair[0] == pair[1] ? admitsTwo(pair[0], Math.max(r1, r2)) : admits(pair[0], r1) && admits(pair[1], r2);
    }

    /** Whether p has a free place or holds someone it ranks below {@code rank}. */
    private boolean admits(int p, int rank) {
        return heldCount[p] < held[p].length || heldRank[p][worst(p)] > rank;
    }

    /** Whether p can take both members of a couple whose worse member has {@code rank}. */
    private boolean admitsTwo(int p, int rank) {
        int capacity = held[p].length;
        if (capacity < 2) {
            return false;
        }
        int free = capacity - heldCount[p];
        if (free >= 2) {
            return true;
        }
        int below = 0;
        for (int i = 0; i < heldCount[p]; i++) {
            below += heldRank[p][i] > rank ? 1 : 0;
        }
        return free + below >= 2;
    }

    private int worst(int p) {
        int worst = 0;
        for (int i = 1; i < heldCount[p]; i++) {
            if (heldRank[p][i] > heldRank[p][worst]) {
                worst = i;
            }
        }
        return worst;
    }

    /** p holds a (ranked {@code rank}), displacing its worst holder when full. */
    private void take(int p, int a, int rank) {
        if (heldCount[p] == held[p].length) {
            int slot = worst(p);
            int displaced = held[p][slot];
            held[p][slot] = a;
            heldRank[p][slot] = rank;
            assigned[displaced] = -1;
            free(displaced);
        } else {
            held[p][heldCount[p]] = a;
            heldRank[p][heldCount[p]] = rank;
            heldCount[p]++;
        }
        assigned[a] = p;
    }

    /** A displaced applicant proposes again; a displaced couple member takes its partner along. */
    private void free(int displaced) {
        int c = coupleOf[displaced];
        if (c < 0) {
            push(displaced);
            return;
        }
        var members = input.couples()[c];
        int partner = members[0] == displaced ? members[1] : members[0];
        if (assigned[partner] >= 0) {
            release(assigned[partner], partner);
        }
        push(input.applicants() + c);
    }

    private void release(int p, int a) {
        for (int i = 0; i < heldCount[p]; i++) {
            if (held[p][i] == a) {
                heldCount[p]--;
                held[p][i] = held[p][heldCount[p]];
                heldRank[p][i] = heldRank[p][heldCount[p]];
                break;
            }
        }
        assigned[a] = -1;
    }

    /**
     * One repair pass: every single applicant and couple that would block the current assignment leaves its
     * place and proposes again from the best entry that blocks. Returns whether anything was found.
     */
    private boolean repair() {
        boolean found = false;
        for (int a = 0; a < input.applicants(); a++) {
            if (coupleOf[a] >= 0) {
                continue;
            }
            var list = input.applicantRanks()[a];
            for (int k = 0; k < list.length && list[k] != assigned[a]; k++) {
                int r = ranks.rank(list[k], a);
                if (r >= 0 && admits(list[k], r)) {
                    if (assigned[a] >= 0) {
                        release(assigned[a], a);
                    }
                    next[a] = k;
                    push(a);
                    found = true;
                    break;
                }
            }
        }
        for (int c = 0; c < input.couples().length; c++) {
            int first = input.couples()[c][0];
            int second = input.couples()[c][1];
            var pairs = input.coupleRanks()[c];
            for (int k = 0; k < pairs.length; k++) {
                var pair = pairs[k];
                if (pair[0] == assigned[first] && pair[1] == assigned[second]) {
                    break; // everything from here on is not better than what the couple holds
                }
                if (blocks(pair, first, second)) {
                    if (assigned[first] >= 0) {
                        release(assigned[first], first);
                    }
                    if (assigned[second] >= 0) {
                        release(assigned[second], second);
                    }
                    next[input.applicants() + c] = k;
                    push(input.applicants() + c);
                    found = true;
                    break;
                }
            }
        }
        return found;
    }

    /** Whether the couple could take this pair, counting its own current places as free. */
    private boolean blocks(int[] pair, int first, int second) {
        int r1 = ranks.rank(pair[0], first);
        int r2 = ranks.rank(pair[1], second);
        if (r1 < 0 || r2 < 0) {
            return false;
        }
        int p1 = assigned[first];
        int p2 = assigned[second];
        // Step out of the own places for the question, then back in: the answer must not count them as taken.
        if (p1 >= 0) {
            release(p1, first);
        }
        if (p2 >= 0) {
            release(p2, second);
        }
        boolean fits = fits(pair, r1, r2);
        if (p1 >= 0) {
            restore(p1, first);
        }
        if (p2 >= 0) {
            restore(p2, second);
        }
        return fits;
    }

    private void restore(int p, int a) {
        held[p][heldCount[p]] = a;
        heldRank[p][heldCount[p]] = ranks.rank(p, a);
        heldCount[p]++;
        assigned[a] = p;
    }
}
