package pajakdx.regex;

import java.util.ArrayList;
import java.util.List;

/** A set of characters: ranges and named classes, possibly negated. Immutable. */
final class CharClass implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final char[] from;
    private final char[] to;
    private final boolean negated;
    /**
     * Membership of the ASCII characters, as {@link #contains} decides it: bits 0 to 127 with
     * case, 128 to 255 without. Derived, so rebuilt when read.
     */
    private transient long[] ascii;

    private CharClass(List<char[]> ranges, boolean negated) {
        this.from = new char[ranges.size()];
        this.to = new char[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            from[i] = ranges.get(i)[0];
            to[i] = ranges.get(i)[1];
        }
        this.negated = negated;
        tabulate();
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        tabulate();
    }

    private void tabulate() {
        long[] bits = new long[4];
        for (char c = 0; c < 128; c++) {
            if (decide(c, false)) {
                bits[c >>> 6] |= 1L << c;
            }
            if (decide(c, true)) {
                bits[2 + (c >>> 6)] |= 1L << c;
            }
        }
        ascii = bits;
    }

    /** Collects ranges, then freezes them. */
    static final class Builder {
        private final List<char[]> ranges = new ArrayList<>();

        Builder range(char a, char b) {
            ranges.add(new char[] {a, b});
            return this;
        }

        /** Adds the ranges of a named class (d, w, s); upper case letters are handled by the caller. */
        Builder named(char name) {
            switch (name) {
                case 'd' -> range('0', '9');
                case 'w' -> range('a', 'z').range('A', 'Z').range('0', '9').range('_', '_');
                case 's' -> range(' ', ' ').range('\t', '\r');
                default -> throw new IllegalArgumentException(String.valueOf(name));
            }
            return this;
        }

        CharClass build(boolean negated) {
            return new CharClass(ranges, negated);
        }
    }

    /** {@code \d}, {@code \w}, {@code \s} and their negations {@code \D \W \S}. */
    static CharClass named(char letter) {
        return new Builder().named(Character.toLowerCase(letter)).build(Character.isUpperCase(letter));
    }

    boolean contains(char c, boolean ignoreCase) {
        if (c < 128) {
            return (ascii[(ignoreCase ? 2 : 0) + (c >>> 6)] & (1L << c)) != 0;
        }
        return decide(c, ignoreCase);
    }

    private boolean decide(char c, boolean ignoreCase) {
        boolean in = inRanges(c) || ignoreCase && (inRanges(Character.toLowerCase(c))
                || inRanges(Character.toUpperCase(c)));
        return in != negated;
    }

    private boolean inRanges(char c) {
        for (int i = 0; i < from.length; i++) {
            if (c >= from[i] && c <= to[i]) {
                return true;
            }
        }
        return false;
    }

    /** What {@code .} does not match, as in java.util.regex without DOTALL. */
    static boolean lineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** A word character for {@code \b}, as java.util.regex decides it. */
    static boolean boundaryWord(char c) {
        if (c < 128) {
            char lower = (char) (c | 0x20);
            return c == '_' || (lower >= 'a' && lower <= 'z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }
}
