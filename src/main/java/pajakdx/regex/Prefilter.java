package pajakdx.regex;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a text must contain for a pattern to match it, as an and/or tree of literal strings
 * (the idea of RE2's prefilter). Checking it against a {@link Signature} of the text costs a
 * few bit tests, so most patterns of a message table reject most texts without running their
 * automaton. A prefilter only ever says "cannot match" or "may match": it never hides a match.
 *
 * <p>Characters are compared after {@link #fold}, which maps every character that the
 * automaton may treat as equal to another (case-insensitive matching) to one symbol, so one
 * prefilter serves both case modes.
 */
sealed interface Prefilter extends Serializable {
    /** Most strings a node's exact set may hold before it is turned into a filter. */
    int MAX_EXACT = 16;
    /** Longest string kept in an exact set. */
    int MAX_LENGTH = 24;

    boolean mayMatch(Signature text);

    /** Always "may match": the pattern gives nothing to test cheaply. */
    record All() implements Prefilter {
        public boolean mayMatch(Signature text) {
            return true;
        }
    }

    /** The text holds {@code folded} (tested by its characters, or by its adjacent pairs). */
    record Str(String folded) implements Prefilter {
        public boolean mayMatch(Signature text) {
            if (folded.length() == 1) {
                return text.hasSymbol(folded.charAt(0));
            }
            for (int i = 0; i + 1 < folded.length(); i++) {
                if (!text.hasPair(folded.charAt(i), folded.charAt(i + 1))) {
                    return false;
                }
            }
            return true;
        }
    }

    record And(List<Prefilter> all) implements Prefilter {
        public boolean mayMatch(Signature text) {
            for (Prefilter p : all) {
                if (!p.mayMatch(text)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(List<Prefilter> any) implements Prefilter {
        public boolean mayMatch(Signature text) {
            for (Prefilter p : any) {
                if (p.mayMatch(text)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The characters and adjacent pairs of a text, folded; computed once per text. */
    final class Signature {
        private final long[] symbols = new long[2];
        private final long[] pairs = new long[16];

        Signature(CharSequence text) {
            int previous = -1;
            for (int i = 0; i < text.length(); i++) {
                int s = FOLD[text.charAt(i)];
                symbols[s >>> 6] |= 1L << s;
                if (previous >= 0) {
                    int h = pairHash(previous, s);
                    pairs[h >>> 6] |= 1L << h;
                }
                previous = s;
            }
        }

        boolean hasSymbol(char s) {
            return (symbols[s >>> 6] & (1L << s)) != 0;
        }

        boolean hasPair(char a, char b) {
            return hasPairHash(pairHash(a, b));
        }

        boolean hasPairHash(int h) {
            return (pairs[h >>> 6] & (1L << h)) != 0;
        }

        static int pairHash(int a, int b) {
            return (a * 31 + b) & 1023;
        }
    }

    /**
     * Folding: each character goes to the lower-case ASCII letter (or other ASCII character) it
     * can be equal to under case-insensitive comparison, and every other character to 0. Built
     * from the connected parts of the graph joining each character to its lower and upper case,
     * which contains every pair {@code LinearRegex} may consider equal.
     */
    byte[] FOLD = Folding.table();

    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append((char) FOLD[s.charAt(i)]);
        }
        return out.toString();
    }

    /** For the rule cache (see {@link LinearRegex#writeTo}). */
    static void write(Prefilter p, java.io.DataOutput out) throws java.io.IOException {
        if (p instanceof All) {
            out.writeByte(0);
        } else if (p instanceof Str s) {
            out.writeByte(1);
            out.writeUTF(s.folded());
        } else {
            List<Prefilter> parts = p instanceof And a ? a.all() : ((Or) p).any();
            out.writeByte(p instanceof And ? 2 : 3);
            out.writeInt(parts.size());
            for (Prefilter q : parts) {
                write(q, out);
            }
        }
    }

    static Prefilter read(java.io.DataInput in, int depth) throws java.io.IOException {
        int tag = in.readByte();
        if (depth > 1_000) {
            throw new java.io.IOException("a prefilter nested too deep");
        }
        if (tag == 0) {
            return new All();
        }
        if (tag == 1) {
            String folded = in.readUTF();
            for (int i = 0; i < folded.length(); i++) {
                if (folded.charAt(i) >= 128) { // folding gives ASCII only (see FOLD)
                    throw new java.io.IOException("a prefilter that folding cannot give");
                }
            }
            return new Str(folded);
        }
        if (tag != 2 && tag != 3) {
            throw new java.io.IOException("bad prefilter " + tag);
        }
        int n = in.readInt();
        if (n < 0 || n > LinearRegex.MAX_STATES) {
            throw new java.io.IOException("bad prefilter of " + n + " parts");
        }
        List<Prefilter> parts = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(read(in, depth + 1));
        }
        return tag == 2 ? new And(List.copyOf(parts)) : new Or(List.copyOf(parts));
    }

    /** Builds the prefilter of a parsed pattern. */
    static Prefilter of(LinearRegex.Node tree) {
        return Info.of(tree).filter();
    }

    /** For one node: the exact set of folded strings it matches when small, else a filter. */
    record Info(Set<String> exact, Prefilter match) {
        static Info exactly(Set<String> strings) {
            return new Info(strings, null);
        }

        static Info matching(Prefilter p) {
            return new Info(null, p);
        }

        Prefilter filter() {
            if (exact == null) {
                return match;
            }
            List<Prefilter> any = new ArrayList<>();
            for (String s : exact) {
                if (s.isEmpty()) {
                    return new All();
                }
                any.add(new Str(s));
            }
            return any.size() == 1 ? any.get(0) : new Or(List.copyOf(any));
        }

        static Info of(LinearRegex.Node node) {
            if (node instanceof LinearRegex.Atom a) {
                return a.op() == LinearRegex.Op.CHAR ? exactly(Set.of(fold(String.valueOf(a.ch())))) : matching(new All());
            }
            if (node instanceof LinearRegex.Assertion) {
                return exactly(Set.of(""));
            }
            if (node instanceof LinearRegex.Seq seq) {
                return sequence(seq.parts());
            }
            if (node instanceof LinearRegex.Alt alt) {
                return alternation(alt.options());
            }
            LinearRegex.Repeat r = (LinearRegex.Repeat) node;
            if (r.max() == 0) {
                return exactly(Set.of(""));
            }
            if (r.min() == 0) {
                return matching(new All());
            }
            Info body = of(r.body());
            if (r.min() == 1 && r.max() == 1) {
                return body;
            }
            if (body.exact() != null && r.min() == r.max()) {
                Set<String> repeated = Set.of("");
                for (int i = 0; i < r.min() && repeated != null; i++) {
                    repeated = cross(repeated, body.exact());
                }
                if (repeated != null) {
                    return exactly(repeated);
                }
            }
            return matching(body.filter());
        }

        private static Info sequence(List<LinearRegex.Node> parts) {
            List<Prefilter> required = new ArrayList<>();
            Set<String> current = Set.of("");
            boolean flushed = false;
            for (LinearRegex.Node part : parts) {
                Info info = of(part);
                if (info.exact() != null) {
                    Set<String> joined = cross(current, info.exact());
                    if (joined != null) {
                        current = joined;
                        continue;
                    }
                    required.add(exactly(current).filter());
                    current = info.exact();
                } else {
                    required.add(exactly(current).filter());
                    required.add(info.match());
                    current = Set.of("");
                }
                flushed = true;
            }
            if (!flushed) {
                return exactly(current);
            }
            required.add(exactly(current).filter());
            return matching(and(required));
        }

        private static Info alternation(List<LinearRegex.Node> options) {
            List<Info> infos = options.stream().map(Info::of).toList();
            if (infos.stream().allMatch(i -> i.exact() != null)) {
                Set<String> union = new LinkedHashSet<>();
                infos.forEach(i -> union.addAll(i.exact()));
                if (union.size() <= MAX_EXACT) {
                    return exactly(union);
                }
            }
            List<Prefilter> any = new ArrayList<>();
            for (Info i : infos) {
                Prefilter p = i.filter();
                if (p instanceof All) {
                    return matching(p);
                }
                any.add(p);
            }
            return matching(new Or(List.copyOf(any)));
        }

        /** Every string of {@code a} followed by every string of {@code b}; null when too many or too long. */
        private static Set<String> cross(Set<String> a, Set<String> b) {
            if ((long) a.size() * b.size() > MAX_EXACT) {
                return null;
            }
            Set<String> out = new LinkedHashSet<>();
            for (String x : a) {
                for (String y : b) {
                    if (x.length() + y.length() > MAX_LENGTH) {
                        return null;
                    }
                    out.add(x + y);
                }
            }
            return out;
        }

        private static Prefilter and(List<Prefilter> parts) {
            List<Prefilter> kept = parts.stream().filter(p -> !(p instanceof All)).toList();
            if (kept.isEmpty()) {
                return new All();
            }
            return kept.size() == 1 ? kept.get(0) : new And(kept);
        }
    }

    /** Computes {@link #FOLD} once. */
    final class Folding {
        private Folding() {
        }

        static byte[] table() {
            int n = Character.MAX_VALUE + 1;
            int[] parent = new int[n];
            for (int c = 0; c < n; c++) {
                parent[c] = c;
            }
            for (int c = 0; c < n; c++) {
                union(parent, c, Character.toLowerCase((char) c));
                union(parent, c, Character.toUpperCase((char) c));
            }
            // A part's symbol: the lowest ASCII character in it, lower-cased; none gives 0.
            int[] symbolOfRoot = new int[n];
            for (int c = 127; c >= 1; c--) {
                symbolOfRoot[root(parent, c)] = Character.toLowerCase((char) c);
            }
            byte[] fold = new byte[n];
            for (int c = 0; c < n; c++) {
                fold[c] = (byte) symbolOfRoot[root(parent, c)];
            }
            return fold;
        }

        private static int root(int[] parent, int c) {
            while (parent[c] != c) {
                parent[c] = parent[parent[c]];
                c = parent[c];
            }
            return c;
        }

        private static void union(int[] parent, int a, int b) {
            int ra = root(parent, a);
            int rb = root(parent, b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
