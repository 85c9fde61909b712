package pajakdx.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * A regular expression matched in time linear in the text: the pattern is compiled to a small
 * automaton that is run over every position at once (Thompson's construction, Pike's VM without
 * captures). No input can make it backtrack or recurse, so a message table row or a rule
 * written by an analyst can never hang a diagnosis or overflow the stack, whatever the text.
 *
 * <p>It reads the part of java.util.regex that message tables need: literals, {@code .}, classes
 * {@code [a-z\d]} and {@code [^...]}, {@code \d \D \w \W \s \S \b \B}, escaped punctuation,
 * groups {@code (...)} and {@code (?:...)}, alternation, the quantifiers {@code ? * + {n}
 * {n,} {n,m}} (a lazy {@code ?} after them is accepted: it changes which match is found, not
 * whether there is one), and the anchors {@code ^ $}. Everything else (back references, look
 * around, possessive quantifiers, inline flags) is refused with the position it starts at.
 * Instances are immutable and safe to share between threads.
 */
public final class LinearRegex implements java.io.Serializable {
    private static final long serialVersionUID = 3L;
    /** Longest pattern accepted. */
    public static final int MAX_PATTERN = 2_000;
    /** Most automaton states; counted repetitions are expanded, so {@code .{0,5000}} is too large. */
    public static final int MAX_STATES = 10_000;

    private final String pattern;
    private final boolean ignoreCase;
    /** The automaton, one entry per state: what it does and its arguments. */
    private final Op[] ops;
    private final int[] arg;
    private final int[] arg2;
    private final CharClass[] classes;
    /** Whether some state tests a word boundary (then the text's word characters are noted once). */
    private final boolean boundaries;
    /**
     * What every matching text contains: a text without it is rejected before the automaton
     * runs, which is most texts for most patterns of a message table.
     */
    private final Prefilter prefilter;
    /**
     * The states that read a text's first character of a match (assertions assumed to hold), when
     * the pattern cannot match the empty string: where none reads the character at hand, no match
     * starts there, and a search with no attempt alive skips ahead. Null when that cannot be
     * decided so simply (a leading {@code .}, an empty match). Derived, so rebuilt when read.
     */
    private transient volatile Starters starts;

    /** The starters' states and the ASCII characters some of them read (a 128-bit set). */
    private record Starters(int[] states, long[] ascii) {
    }

    /** The automaton in arrays; what is derived from them (boundaries, starters) is found here. */
    private LinearRegex(String pattern, boolean ignoreCase, Op[] ops, int[] arg, int[] arg2, CharClass[] classes,
                        Prefilter prefilter) {
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
        this.ops = ops;
        this.arg = arg;
        this.arg2 = arg2;
        this.classes = classes;
        List<Op> all = java.util.Arrays.asList(ops);
        this.boundaries = all.contains(Op.BOUNDARY) || all.contains(Op.NOT_BOUNDARY);
        this.prefilter = prefilter;
        findStarters();
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        findStarters();
    }

    private void findStarters() {
        List<Integer> found = new ArrayList<>();
        boolean[] seen = new boolean[ops.length];
        int[] stack = new int[2 * ops.length + 2];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int pc = stack[--top];
            if (pc >= ops.length || seen[pc]) {
                continue;
            }
            seen[pc] = true;
            switch (ops[pc]) {
                case JUMP -> stack[top++] = arg[pc];
                case SPLIT -> {
                    stack[top++] = arg2[pc];
                    stack[top++] = arg[pc];
                }
                case BEGIN, END, BOUNDARY, NOT_BOUNDARY -> stack[top++] = pc + 1;
                case MATCH, ANY -> {
                    return; // may match the empty string, or start anywhere: no skipping (starts stays null)
                }
                case GAP -> {
                    if (classes[pc] == null) {
                        return; // a leading .{0,n}: starts anywhere
                    }
                    found.add(pc);
                    stack[top++] = pc + 1; // a gap may be empty
                }
                default -> found.add(pc);
            }
        }
        long[] ascii = new long[2];
        for (char c = 0; c < 128; c++) {
            for (int pc : found) {
                if (consumes(pc, c)) {
                    ascii[c >>> 6] |= 1L << c;
                    break;
                }
            }
        }
        starts = new Starters(found.stream().mapToInt(Integer::intValue).toArray(), ascii);
    }

    /** Whether a search skips the stretches of a text where no match can start (for tests). */
    boolean skipsAhead() {
        return starts != null;
    }

    /** Whether some starter reads {@code c}. */
    private boolean mayStartWith(Starters starters, char c) {
        if (c < 128) {
            return (starters.ascii()[c >>> 6] & (1L << c)) != 0;
        }
        for (int pc : starters.states()) {
            if (consumes(pc, c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compiles {@code pattern}.
     *
     * @throws RegexSyntaxException naming what is wrong and where (0-based index into the pattern)
     */
    public static LinearRegex compile(String pattern, boolean ignoreCase) {
        if (pattern.length() > MAX_PATTERN) {
            throw new RegexSyntaxException("the pattern is longer than " + MAX_PATTERN + " characters", 0);
        }
        Node tree = new Parser(pattern).parseAll();
        Program p = new Program();
        tree.emit(p);
        p.add(Op.MATCH, 0, null);
        int n = p.size();
        int[] arg = new int[n];
        int[] arg2 = new int[n];
        for (int i = 0; i < n; i++) {
            arg[i] = p.args.get(i)[0];
            arg2[i] = p.args.get(i)[1];
        }
        return new LinearRegex(pattern, ignoreCase, p.ops.toArray(new Op[0]), arg, arg2,
                p.classes.toArray(new CharClass[0]), Prefilter.of(tree));
    }

    public String pattern() {
        return pattern;
    }

    /**
     * The compiled automaton, for the rule cache: reading it back ({@link #readFrom}) costs a
     * fraction of compiling the pattern again, which was most of reading the catalog on a cold
     * start (docs/PERFORMANCE.md, sixth run).
     */
    public void writeTo(java.io.DataOutput out) throws java.io.IOException {
        out.writeUTF(pattern); // at most MAX_PATTERN chars: within writeUTF's limit
        out.writeBoolean(ignoreCase);
        out.writeInt(ops.length);
        for (int pc = 0; pc < ops.length; pc++) {
            out.writeByte(ops[pc].ordinal());
            out.writeInt(arg[pc]);
            out.writeInt(arg2[pc]);
            out.writeBoolean(classes[pc] != null);
            if (classes[pc] != null) {
                classes[pc].writeTo(out);
            }
        }
        Prefilter.write(prefilter, out);
    }

    /**
     * Reads what {@link #writeTo} wrote, refusing an automaton that could not have been compiled:
     * too many states, a jump out of it, a class missing, no final match.
     */
    public static LinearRegex readFrom(java.io.DataInput in) throws java.io.IOException {
        String pattern = in.readUTF();
        boolean ignoreCase = in.readBoolean();
        int n = in.readInt();
        if (n < 1 || n > MAX_STATES + 1 || pattern.length() > MAX_PATTERN) {
            throw new java.io.IOException("bad automaton of " + n + " states");
        }
        Op[] ops = new Op[n];
        int[] arg = new int[n];
        int[] arg2 = new int[n];
        CharClass[] classes = new CharClass[n];
        Op[] all = Op.values();
        for (int pc = 0; pc < n; pc++) {
            int op = in.readUnsignedByte();
            if (op >= all.length) {
                throw new java.io.IOException("bad operation " + op);
            }
            ops[pc] = all[op];
            arg[pc] = in.readInt();
            arg2[pc] = in.readInt();
            classes[pc] = in.readBoolean() ? CharClass.readFrom(in) : null;
            boolean jumps = ops[pc] == Op.JUMP || ops[pc] == Op.SPLIT;
            if (jumps && (arg[pc] < 0 || arg[pc] >= n || ops[pc] == Op.SPLIT && (arg2[pc] < 0 || arg2[pc] >= n))
                    || ops[pc] == Op.CLASS && classes[pc] == null
                    || ops[pc] == Op.CHAR && (arg[pc] < 0 || arg[pc] > Character.MAX_VALUE)) {
                throw new java.io.IOException("bad state " + pc + " (" + ops[pc] + ")");
            }
        }
        if (ops[n - 1] != Op.MATCH) {
            throw new java.io.IOException("an automaton without its final match");
        }
        return new LinearRegex(pattern, ignoreCase, ops, arg, arg2, classes, Prefilter.read(in, 0));
    }

    /** Whether it was compiled to ignore case (see {@link #compile}). */
    public boolean ignoreCase() {
        return ignoreCase;
    }

    /** Number of automaton states (for limits and tests). */
    public int states() {
        return ops.length;
    }

    /** The prefilter found when compiling (for tests). */
    Prefilter prefilter() {
        return prefilter;
    }

    /**
     * A text prepared for matching against many patterns: what the prefilters test is computed
     * once. Immutable; the text itself is kept, not copied.
     */
    public static final class Text {
        final CharSequence chars;
        final Prefilter.Signature signature;
        private final boolean[] words;

        private Text(CharSequence chars) {
            this.chars = chars;
            this.signature = new Prefilter.Signature(chars);
            this.words = wordCharacters(chars); // once, for every pattern that tests \b
        }

        boolean[] words() {
            return words;
        }
    }

    /** Prepares {@code text} for {@link #find(Text)} with many patterns. */
    public static Text prepare(CharSequence text) {
        return new Text(text);
    }

    /** True when the pattern matches somewhere in {@code text} (like {@code Matcher.find()}). */
    public boolean find(CharSequence text) {
        return mayMatch(text) && run(text, boundaries ? wordCharacters(text) : null, false);
    }

    /** {@link #find(CharSequence)} on a prepared text. */
    public boolean find(Text text) {
        return prefilter.mayMatch(text.signature) && run(text.chars, boundaries ? text.words() : null, false);
    }

    /** True when the pattern matches all of {@code text} (like {@code String.matches}). */
    public boolean matches(CharSequence text) {
        return mayMatch(text) && run(text, boundaries ? wordCharacters(text) : null, true);
    }

    private boolean mayMatch(CharSequence text) {
        return prefilter instanceof Prefilter.All || prefilter.mayMatch(new Prefilter.Signature(text));
    }

    @Override
    public String toString() {
        return pattern;
    }

    /** @param word which characters of the text are word characters, when the pattern tests boundaries */
    private boolean run(CharSequence text, boolean[] word, boolean whole) {
        int n = ops.length;
        StateSet current = new StateSet(n);
        StateSet next = new StateSet(n);
        // Every state enters a set once and pushes at most two successors, so 2n + 1 suffices.
        int[] stack = new int[2 * n + 2];
        int len = text.length();
        if (close(0, text, 0, current, stack, word) && (!whole || len == 0)) {
            return true;
        }
        Starters starters = whole ? null : starts;
        // True while `current` holds only the attempt that starts at `at` (no earlier one alive).
        boolean fresh = true;
        for (int at = 0; at < len; at++) {
            if (starters != null && fresh && !mayStartWith(starters, text.charAt(at))) {
                // No attempt alive, and none can start here: go to where one can. The attempts
                // passed over read nothing, and none could match without reading (no starters else).
                do {
                    at++;
                } while (at < len && !mayStartWith(starters, text.charAt(at)));
                if (at == len) {
                    return false;
                }
                current.clear();
                close(0, text, at, current, stack, word);
            }
            char c = text.charAt(at);
            next.clear();
            boolean matched = false;
            boolean alive = false;
            for (int i = 0; i < current.size(); i++) {
                int pc = current.get(i);
                if (ops[pc] == Op.GAP) {
                    int used = current.used(pc);
                    if (used < arg[pc] && consumes(pc, c)) {
                        alive = true;
                        matched |= stayInGap(pc, used + 1, text, at + 1, next, stack, word);
                    }
                } else if (consumes(pc, c)) {
                    alive = true;
                    matched |= close(pc + 1, text, at + 1, next, stack, word);
                }
            }
            if (!whole) {
                // Searching: a new attempt starts at every position (an implicit leading .*?),
                // except where no match can start: there its states would all die on the next
                // character (and none matches without reading one, or there would be no starters).
                if (starters == null || at + 1 < len && mayStartWith(starters, text.charAt(at + 1))) {
                    matched |= close(0, text, at + 1, next, stack, word);
                }
                if (matched) {
                    return true;
                }
                fresh = !alive;
            } else if (next.isEmpty()) {
                return false;
            }
            StateSet swap = current;
            current = next;
            next = swap;
        }
        return whole && current.contains(n - 1);
    }

    /**
     * Adds {@code start} and every state reachable from it without reading a character to
     * {@code set} (an explicit stack: no recursion however long the chain). True when the match
     * state is reached.
     */
    private boolean close(int start, CharSequence text, int at, StateSet set, int[] stack, boolean[] word) {
        boolean match = false;
        int top = 0;
        stack[top++] = start;
        while (top > 0) {
            int pc = stack[--top];
            if (set.contains(pc)) {
                if (ops[pc] == Op.GAP) {
                    set.use(pc, 0); // entered afresh: the most room left (its way out is already closed)
                }
                continue;
            }
            set.add(pc);
            switch (ops[pc]) {
                case GAP -> stack[top++] = pc + 1; // a gap may end anywhere, even before it starts
                case JUMP -> stack[top++] = arg[pc];
                case SPLIT -> {
                    stack[top++] = arg2[pc];
                    stack[top++] = arg[pc];
                }
                case BEGIN -> {
                    if (at == 0) {
                        stack[top++] = pc + 1;
                    }
                }
                case END -> {
                    if (atEnd(text, at)) {
                        stack[top++] = pc + 1;
                    }
                }
                case BOUNDARY, NOT_BOUNDARY -> {
                    boolean before = at > 0 && word[at - 1];
                    boolean after = at < word.length && word[at];
                    if ((before != after) == (ops[pc] == Op.BOUNDARY)) {
                        stack[top++] = pc + 1;
                    }
                }
                case MATCH -> match = true;
                default -> {
                    // a state that reads a character: stays in the set for the next step
                }
            }
        }
        return match;
    }

    /**
     * A gap that read one more character, {@code used} in all, goes on to the next step. Of two
     * attempts in the same gap, the one that has read fewer can do all the other can (the rest of
     * the pattern is the same, and it has more room), so the set keeps one, with the least used.
     * A gap is in a set once, so if it is in {@code next} already, an attempt entered it afresh
     * (none read) and its way out is closed: that one is kept.
     */
    private boolean stayInGap(int pc, int used, CharSequence text, int at, StateSet next, int[] stack, boolean[] word) {
        if (next.contains(pc)) {
            return false;
        }
        next.add(pc);
        next.use(pc, used);
        return close(pc + 1, text, at, next, stack, word);
    }

    private boolean consumes(int pc, char c) {
        return switch (ops[pc]) {
            case CHAR -> sameChar((char) arg[pc], c);
            case ANY -> !CharClass.lineTerminator(c);
            case CLASS -> classes[pc].contains(c, ignoreCase);
            case GAP -> classes[pc] == null ? !CharClass.lineTerminator(c) : classes[pc].contains(c, ignoreCase);
            default -> false;
        };
    }

    private boolean sameChar(char expected, char c) {
        if (expected == c) {
            return true;
        }
        if (!ignoreCase || (c < 128 && expected < 128 && ((c | 0x20) != (expected | 0x20) || !asciiLetter(c)))) {
            return false;
        }
        return CharClass.sameIgnoringCase(expected, c, Character.toLowerCase(Character.toUpperCase(c)));
    }

    private static boolean asciiLetter(char c) {
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'z';
    }

    private static boolean[] wordCharacters(CharSequence text) {
        boolean[] word = new boolean[text.length()];
        for (int i = 0; i < word.length; i++) {
            word[i] = CharClass.boundaryWord(text.charAt(i));
        }
        return word;
    }

    /** Where {@code $} holds, as in java.util.regex: at the end, or before a final line terminator. */
    private static boolean atEnd(CharSequence text, int at) {
        int len = text.length();
        if (at == len) {
            return true;
        }
        if (at == len - 2) {
            return text.charAt(at) == '\r' && text.charAt(at + 1) == '\n';
        }
        return at == len - 1 && CharClass.lineTerminator(text.charAt(at))
                && !(text.charAt(at) == '\n' && at > 0 && text.charAt(at - 1) == '\r');
    }

    // ---- automaton ----

    /**
     * What a state does. {@code GAP} stands for {@code x{0,n}} of one character test {@code x}
     * (a class, or any character when it has none): one state that counts how many it has read
     * (at most {@code arg}), instead of n states that each read one, so a pattern such as
     * {@code a.{0,60}b} keeps one attempt alive in its gap, not sixty.
     */
    enum Op { CHAR, ANY, CLASS, SPLIT, JUMP, BEGIN, END, BOUNDARY, NOT_BOUNDARY, MATCH, GAP }

    /** The automaton while it is built; frozen into arrays by the constructor. */
    static final class Program {
        private final List<Op> ops = new ArrayList<>();
        private final List<int[]> args = new ArrayList<>();
        private final List<CharClass> classes = new ArrayList<>();
        /** The states the pattern would have with its gaps written out: what the limit counts. */
        private int expanded;

        int add(Op op, int arg, CharClass cls) {
            return add(op, arg, cls, 1);
        }

        int add(Op op, int arg, CharClass cls, int weight) {
            if (expanded + weight > MAX_STATES) {
                throw new RegexSyntaxException("the pattern needs more than " + MAX_STATES
                        + " states (a counted repetition such as {0,5000} is expanded); make it smaller", 0);
            }
            expanded += weight;
            ops.add(op);
            args.add(new int[] {arg, 0});
            classes.add(cls);
            return ops.size() - 1;
        }

        int size() {
            return ops.size();
        }

        void patch(int pc, int arg, int arg2) {
            args.get(pc)[0] = arg;
            args.get(pc)[1] = arg2;
        }
    }

    /** A set of states with insertion order, cleared in constant time (Briggs and Torczon). */
    private static final class StateSet {
        private final int[] dense;
        private final int[] sparse;
        /** For a gap's state: how many characters its attempt has read in the gap. */
        private final int[] used;
        private int size;

        StateSet(int capacity) {
            dense = new int[capacity];
            sparse = new int[capacity];
            used = new int[capacity];
        }

        int used(int s) {
            return used[s];
        }

        void use(int s, int count) {
            used[s] = count;
        }

        boolean contains(int s) {
            int i = sparse[s];
            return i < size && dense[i] == s;
        }

        void add(int s) {
            sparse[s] = size;
            dense[size++] = s;
            used[s] = 0;
        }

        int size() {
            return size;
        }

        int get(int i) {
            return dense[i];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            size = 0;
        }
    }

    // ---- syntax tree ----

    /** A parsed piece of pattern that knows how to emit its states. */
    sealed interface Node permits Seq, Alt, Repeat, Atom, Assertion {
        void emit(Program p);
    }

    record Seq(List<Node> parts) implements Node {
        public void emit(Program p) {
            parts.forEach(n -> n.emit(p));
        }
    }

    record Alt(List<Node> options) implements Node {
        public void emit(Program p) {
            List<Integer> jumps = new ArrayList<>();
            for (int i = 0; i < options.size() - 1; i++) {
                int split = p.add(Op.SPLIT, 0, null);
                options.get(i).emit(p);
                jumps.add(p.add(Op.JUMP, 0, null));
                p.patch(split, split + 1, p.size());
            }
            options.get(options.size() - 1).emit(p);
            for (int j : jumps) {
                p.patch(j, p.size(), 0);
            }
        }
    }

    /** {@code body{min,max}}, max -1 for unbounded. */
    record Repeat(Node body, int min, int max) implements Node {
        public void emit(Program p) {
            for (int i = 0; i < min; i++) {
                body.emit(p);
            }
            if (max > min && body instanceof Atom a && (a.op() == Op.ANY || a.op() == Op.CLASS)) {
                // Counted like the SPLIT and the state per repetition it stands for.
                p.add(Op.GAP, max - min, a.cls(), 2 * (max - min));
                return;
            }
            if (max < 0) {
                int split = p.add(Op.SPLIT, 0, null);
                body.emit(p);
                p.add(Op.JUMP, split, null);
                p.patch(split, split + 1, p.size());
                return;
            }
            for (int i = min; i < max; i++) {
                int split = p.add(Op.SPLIT, 0, null);
                body.emit(p);
                p.patch(split, split + 1, p.size());
            }
        }
    }

    /** Reads one character: a literal, any character, or a class. */
    record Atom(Op op, char ch, CharClass cls) implements Node {
        public void emit(Program p) {
            p.add(op, ch, cls);
        }
    }

    /** A zero-width test: start, end, word boundary or not. */
    record Assertion(Op op) implements Node {
        public void emit(Program p) {
            p.add(op, 0, null);
        }
    }
}
