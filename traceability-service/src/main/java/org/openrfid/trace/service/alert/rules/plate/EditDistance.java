package org.openrfid.trace.service.alert.rules.plate;

/** Levenshtein distance over code points (a CJK province counts as one character), with an early stop. */
final class EditDistance {

    private EditDistance() {
    }

    /** The edit distance of {@code a} and {@code b}, or {@code limit + 1} as soon as it is known to exceed {@code limit}. */
    static int between(String a, String b, int limit) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (Math.abs(x.length - y.length) > limit) {
            return limit + 1;
        }
        int[] prev = new int[y.length + 1];
        int[] cur = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[y.length], limit + 1);
    }
}
