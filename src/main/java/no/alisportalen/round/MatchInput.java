package no.alisportalen.round;

import java.util.Arrays;

/**
 * A round's rankings as plain indices: applicants {@code 0..applicants-1}, positions {@code 0..positions-1}.
 * Rank lists are best first and without repeats; whatever is not on a list is unacceptable to its owner.
 *
 * @param capacity places per position
 * @param applicantRanks each single applicant's positions; ignored (empty) for members of a couple
 * @param positionRanks each position's acceptable applicants
 * @param couples the members of each couple, {@code {first, second}}
 * @param coupleRanks each couple's pairs, best first: {@code {position of first, position of second}}; both or
 *     neither are assigned
 */
record MatchInput(int[] capacity, int[][] applicantRanks, int[][] positionRanks, int[][] couples,
        int[][][] coupleRanks) {

    MatchInput {
        if (capacity.length != positionRanks.length) {
            throw new IllegalArgumentException("one capacity per position");
        }
        if (couples.length != coupleRanks.length) {
            throw new IllegalArgumentException("one rank list per couple");
        }
    }

    /** Singles only. */
    MatchInput(int[] capacity, int[][] applicantRanks, int[][] positionRanks) {
        this(capacity, applicantRanks, positionRanks, new int[0][], new int[0][][]);
    }

    int applicants() {
        return applicantRanks.length;
    }

    int positions() {
        return capacity.length;
    }

    /** For each applicant, the couple it belongs to, or -1. */
    int[] coupleOf() {
        var of = new int[applicants()];
        Arrays.fill(of, -1);
        for (int c = 0; c < couples.length; c++) {
            of[couples[c][0]] = c;
            of[couples[c][1]] = c;
        }
        return of;
    }

    /** {@code rank[p]} maps applicant → place in p's list (0 best), -1 when unacceptable; one array per position. */
    PositionRanks rankTable() {
        return new PositionRanks(this);
    }

    /**
     * Where each applicant stands in each position's list, without an applicants × positions table (41,000 ×
     * 45,000 would not fit): per position, its list's applicants sorted, and their places beside them.
     */
    static final class PositionRanks {
        private final int[][] sortedApplicants;
        private final int[][] places;

        PositionRanks(MatchInput input) {
            int n = input.positions();
            sortedApplicants = new int[n][];
            places = new int[n][];
            for (int p = 0; p < n; p++) {
                var list = input.positionRanks()[p];
                long[] packed = new long[list.length];
                for (int i = 0; i < list.length; i++) {
                    packed[i] = ((long) list[i] << 32) | i;
                }
                Arrays.sort(packed);
                sortedApplicants[p] = new int[list.length];
                places[p] = new int[list.length];
                for (int i = 0; i < packed.length; i++) {
                    sortedApplicants[p][i] = (int) (packed[i] >>> 32);
                    places[p][i] = (int) packed[i];
                }
            }
        }

        /** The applicant's place in the position's list (0 best), or -1 when the position does not accept it. */
        int rank(int position, int applicant) {
            int i = Arrays.binarySearch(sortedApplicants[position], applicant);
            return i < 0 ? -1 : places[position][i];
        }
    }
}
