package pajakdx.regex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Many patterns matched against one text, as a message table is: each pattern is filed under
 * one character pair (or character) that every text it matches must contain, chosen as rare as
 * possible across the set, so a text is tried only against the patterns filed under the pairs
 * it holds, not against every row. The answer is exactly that of calling
 * {@link LinearRegex#find(LinearRegex.Text)} on every pattern in turn: the key only ever skips
 * a pattern that could not match. Immutable and safe to share.
 */
public final class PatternSet {
    /** Keys at or above this are single characters ({@code SYMBOL + folded char}); below, pair hashes. */
    private static final int SYMBOL = 1 << 16;

    private final LinearRegex[] patterns;
    private final int[] keys;
    private final int[][] filed;
    private final int[] unkeyed;

    public PatternSet(List<LinearRegex> patterns) {
        this.patterns = patterns.toArray(LinearRegex[]::new);
        List<Set<Integer>> needs = new ArrayList<>();
        Map<Integer, Integer> frequency = new HashMap<>();
        for (LinearRegex p : this.patterns) {
            Set<Integer> n = needs(p.prefilter());
            needs.add(n);
            n.forEach(k -> frequency.merge(k, 1, Integer::sum));
        }
        Map<Integer, List<Integer>> byKey = new LinkedHashMap<>();
        List<Integer> none = new ArrayList<>();
        for (int i = 0; i < needs.size(); i++) {
            Integer rarest = null;
            for (int k : needs.get(i)) {
                if (rarest == null || frequency.get(k) < frequency.get(rarest)) {
                    rarest = k;
                }
            }
            if (rarest == null) {
                none.add(i);
            } else {
                byKey.computeIfAbsent(rarest, k -> new ArrayList<>()).add(i);
            }
        }
        keys = byKey.keySet().stream().mapToInt(Integer::intValue).toArray();
        filed = byKey.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        unkeyed = none.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How many patterns the set holds. */
    public int size() {
        return patterns.length;
    }

    /** The positions of the patterns that match somewhere in {@code text}, in ascending order. */
    public int[] matching(LinearRegex.Text text) {
        long[] hit = new long[(patterns.length + 63) >>> 6];
        int count = 0;
        for (int k = 0; k < keys.length; k++) {
            if (holds(text.signature, keys[k])) {
                for (int i : filed[k]) {
                    if (patterns[i].find(text)) {
                        hit[i >>> 6] |= 1L << i;
                        count++;
                    }
                }
            }
        }
        for (int i : unkeyed) {
            if (patterns[i].find(text)) {
                hit[i >>> 6] |= 1L << i;
                count++;
            }
        }
        int[] out = new int[count];
        int n = 0;
        for (int w = 0; w < hit.length; w++) {
            for (long bits = hit[w]; bits != 0; bits &= bits - 1) {
                out[n++] = (w << 6) + Long.numberOfTrailingZeros(bits);
            }
        }
        return out;
    }

    private static boolean holds(Prefilter.Signature s, int key) {
        return key >= SYMBOL ? s.hasSymbol((char) (key - SYMBOL)) : s.hasPairHash(key);
    }

    /**
     * Keys every text the prefilter admits must hold: for a string its pairs (or its one
     * character), for "all of" the union, for "one of" the intersection; empty when none.
     */
    static Set<Integer> needs(Prefilter p) {
        Set<Integer> out = new TreeSet<>();
        if (p instanceof Prefilter.Str s) {
            String f = s.folded();
            if (f.length() == 1) {
                out.add(SYMBOL + f.charAt(0));
            }
            for (int i = 0; i + 1 < f.length(); i++) {
                out.add(Prefilter.Signature.pairHash(f.charAt(i), f.charAt(i + 1)));
            }
        } else if (p instanceof Prefilter.And and) {
            and.all().forEach(part -> out.addAll(needs(part)));
        } else if (p instanceof Prefilter.Or or) {
            boolean first = true;
            for (Prefilter part : or.any()) {
                Set<Integer> n = needs(part);
                if (first) {
                    out.addAll(n);
                    first = false;
                } else {
                    out.retainAll(n);
                }
            }
        }
        return out;
    }
}
