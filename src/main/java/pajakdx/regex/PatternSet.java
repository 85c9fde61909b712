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
 * one folded string of up to three characters that every text it matches must contain, chosen
 * as rare as possible across the set, so a text is tried only against the patterns filed under
 * the strings it holds: the cost follows the text and the few rows it could match, not the
 * size of the table. Keys are exact (not hashed into a small space): in a large table many
 * rows share any one character pair (a number, a product name), far fewer share a rare
 * three-character string. The answer is exactly that of calling
 * {@link LinearRegex#find(LinearRegex.Text)} on every pattern in turn: a key only ever skips
 * a pattern that could not match. Immutable and safe to share.
 */
public final class PatternSet {
    /** Folded characters are below this (see {@link Prefilter#FOLD}). */
    private static final int SYMBOLS = 128;
    /** Keys: a character is itself, a pair starts at {@code PAIR}, a triple at {@code TRIPLE}. */
    private static final int PAIR = SYMBOLS;
    private static final int TRIPLE = PAIR + SYMBOLS * SYMBOLS;
    private static final int EMPTY = -1;

    private final LinearRegex[] patterns;
    private final int[][] filed;
    private final int[] unkeyed;
    // Open addressing from key to its position in filed; EMPTY marks a free slot.
    private final int[] slotKeys;
    private final int[] slotFiled;

    public PatternSet(List<LinearRegex> patterns) {
        this.patterns = patterns.toArray(LinearRegex[]::new);
        List<Set<Integer>> needs = new ArrayList<>();
        Map<Integer, Integer> frequency = new HashMap<>();
        for (LinearRegex p : this.patterns) {
            Set<Integer> n = keys(p.prefilter());
            needs.add(n);
            n.forEach(k -> frequency.merge(k, 1, Integer::sum));
        }
        Map<Integer, List<Integer>> byKey = new LinkedHashMap<>();
        List<Integer> none = new ArrayList<>();
        for (int i = 0; i < needs.size(); i++) {
            Integer rarest = null;
            for (int k : needs.get(i)) {
                // On a tie, the longer string (a larger key): it is in fewer texts.
                if (rarest == null || frequency.get(k) < frequency.get(rarest)
                        || frequency.get(k).equals(frequency.get(rarest)) && k > rarest) {
                    rarest = k;
                }
            }
            if (rarest == null) {
                none.add(i);
            } else {
                byKey.computeIfAbsent(rarest, k -> new ArrayList<>()).add(i);
            }
        }
        filed = byKey.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        unkeyed = none.stream().mapToInt(Integer::intValue).toArray();
        int slots = Integer.highestOneBit(Math.max(4, byKey.size() * 2)) * 2;
        slotKeys = new int[slots];
        slotFiled = new int[slots];
        java.util.Arrays.fill(slotKeys, EMPTY);
        int position = 0;
        for (int key : byKey.keySet()) {
            int s = slot(key);
            while (slotKeys[s] != EMPTY) {
                s = (s + 1) & (slots - 1);
            }
            slotKeys[s] = key;
            slotFiled[s] = position++;
        }
    }

    /** How many patterns the set holds. */
    public int size() {
        return patterns.length;
    }

    /** The positions of the patterns that match somewhere in {@code text}, in ascending order. */
    public int[] matching(LinearRegex.Text text) {
        long[] hit = new long[(patterns.length + 63) >>> 6];
        // A key the text holds twice is tried once.
        long[] tried = new long[(filed.length + 63) >>> 6];
        int count = 0;
        CharSequence chars = text.chars;
        int beforeLast = -1;
        int last = -1;
        for (int i = 0; i < chars.length(); i++) {
            int c = Prefilter.FOLD[chars.charAt(i)];
            count += tryKey(c, text, hit, tried);
            if (last >= 0) {
                count += tryKey(pair(last, c), text, hit, tried);
                if (beforeLast >= 0) {
                    count += tryKey(triple(beforeLast, last, c), text, hit, tried);
                }
            }
            beforeLast = last;
            last = c;
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

    /** Tries the patterns filed under {@code key}, once per text; returns how many matched. */
    private int tryKey(int key, LinearRegex.Text text, long[] hit, long[] tried) {
        int f = filedUnder(key);
        if (f < 0 || (tried[f >>> 6] & (1L << f)) != 0) {
            return 0;
        }
        tried[f >>> 6] |= 1L << f;
        int count = 0;
        for (int i : filed[f]) {
            if (patterns[i].find(text)) {
                hit[i >>> 6] |= 1L << i;
                count++;
            }
        }
        return count;
    }

    private int filedUnder(int key) {
        int mask = slotKeys.length - 1;
        for (int s = slot(key); ; s = (s + 1) & mask) {
            int k = slotKeys[s];
            if (k == key) {
                return slotFiled[s];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    private int slot(int key) {
        return (key * 0x9E3779B9 >>> 7) & (slotKeys.length - 1);
    }

    /**
     * The keys every text the prefilter admits must hold: its strings' three-character parts
     * (a shorter string: itself); when an "one of" has none in common at that length, pairs,
     * then single characters, which alternatives share more often. Empty when none.
     */
    static Set<Integer> keys(Prefilter p) {
        for (int length = 3; length >= 1; length--) {
            Set<Integer> out = needs(p, length);
            if (!out.isEmpty()) {
                return out;
            }
        }
        return Set.of();
    }

    /**
     * Keys of parts of at most {@code length} characters every admitted text holds: for a string
     * its parts (a shorter string: itself), for "all of" the union, for "one of" the intersection.
     */
    static Set<Integer> needs(Prefilter p, int length) {
        Set<Integer> out = new TreeSet<>();
        if (p instanceof Prefilter.Str s) {
            String f = s.folded();
            if (f.isEmpty()) {
                return out; // a prefilter never holds one (it is "always" instead); nothing to key on
            }
            int n = Math.min(length, f.length());
            for (int i = 0; i + n <= f.length(); i++) {
                out.add(key(f, i, n));
            }
        } else if (p instanceof Prefilter.And and) {
            and.all().forEach(part -> out.addAll(needs(part, length)));
        } else if (p instanceof Prefilter.Or or) {
            boolean first = true;
            for (Prefilter part : or.any()) {
                Set<Integer> n = needs(part, length);
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

    /** The key of the {@code n} folded characters of {@code f} from {@code i} (n is 1 to 3). */
    static int key(String f, int i, int n) {
        return switch (n) {
            case 1 -> f.charAt(i);
            case 2 -> pair(f.charAt(i), f.charAt(i + 1));
            default -> triple(f.charAt(i), f.charAt(i + 1), f.charAt(i + 2));
        };
    }

    private static int pair(int a, int b) {
        return PAIR + a * SYMBOLS + b;
    }

    private static int triple(int a, int b, int c) {
        return TRIPLE + (a * SYMBOLS + b) * SYMBOLS + c;
    }
}
