package pajakdx.regex;

import java.util.ArrayList;
import java.util.List;

/** A set of characters: ranges and named classes, possibly negated. Immutable. */
final class CharClass implements java.io.Serializable {
    private static final long serialVersionUID = 2L;
    /** How an entry compares under ignore-case, as java.util.regex with CASE_INSENSITIVE | UNICODE_CASE. */
    private static final byte SINGLE = 0;
    private static final byte RANGE = 1;
    private static final byte NAMED = 2;
    private final char[] from;
    private final char[] to;
    private final byte[] kind;
    private final boolean negated;
    /**
     * Membership of the ASCII characters, as {@link #contains} decides it: bits 0 to 127 with
     * case, 128 to 255 without. Derived, so rebuilt when read.
     */
    private transient long[] ascii;

    private CharClass(List<char[]> ranges, boolean negated) {
        this.from = new char[ranges.size()];
        this.to = new char[ranges.size()];
        this.kind = new byte[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            from[i] = ranges.get(i)[0];
            to[i] = ranges.get(i)[1];
            kind[i] = (byte) ranges.get(i)[2];
        }
        this.negated = negated;
        tabulate();
    }

    private CharClass(char[] from, char[] to, byte[] kind, boolean negated) {
        this.from = from;
        this.to = to;
        this.kind = kind;
        this.negated = negated;
        tabulate();
    }

    /** For the rule cache (see {@link LinearRegex#writeTo}). */
    void writeTo(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(from.length);
        for (int i = 0; i < from.length; i++) {
            out.writeChar(from[i]);
            out.writeChar(to[i]);
            out.writeByte(kind[i]);
        }
        out.writeBoolean(negated);
    }

    static CharClass readFrom(java.io.DataInput in) throws java.io.IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 16) {
            throw new java.io.IOException("bad character class of " + n + " entries");
        }
        char[] from = new char[n];
        char[] to = new char[n];
        byte[] kind = new byte[n];
        for (int i = 0; i < n; i++) {
            from[i] = in.readChar();
            to[i] = in.readChar();
            kind[i] = in.readByte();
            if (kind[i] < SINGLE || kind[i] > NAMED) {
                throw new java.io.IOException("bad character class entry " + kind[i]);
            }
        }
        return new CharClass(from, to, kind, in.readBoolean());
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

        /** A range written {@code a-b} (even {@code k-k}: java.util.regex folds it as a range). */
        Builder range(char a, char b) {
            ranges.add(new char[] {a, b, RANGE});
            return this;
        }

        /** One character written alone. */
        Builder single(char c) {
            ranges.add(new char[] {c, c, SINGLE});
            return this;
        }

        private Builder named(char a, char b) {
            ranges.add(new char[] {a, b, NAMED});
            return this;
        }

        /** Adds the ranges of a named class (d, w, s); upper case letters are handled by the caller. */
        Builder named(char name) {
            switch (name) {
                case 'd' -> named('0', '9');
                case 'w' -> named('a', 'z').named('A', 'Z').named('0', '9').named('_', '_');
                case 's' -> named(' ', ' ').named('\t', '\r');
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

    /**
     * As java.util.regex decides it under CASE_INSENSITIVE | UNICODE_CASE: a character written
     * alone matches every character of the same case fold (so {@code [\u212A]}, the Kelvin sign,
     * matches {@code k}); a range matches a character whose upper case, or that upper case's
     * lower case, is in it; {@code \d \w \s} ignore case.
     */
    private boolean decide(char c, boolean ignoreCase) {
        char upper = ignoreCase ? Character.toUpperCase(c) : c;
        char folded = ignoreCase ? Character.toLowerCase(upper) : c;
        for (int i = 0; i < from.length; i++) {
            boolean in = switch (ignoreCase ? kind[i] : NAMED) {
                case SINGLE -> sameIgnoringCase(from[i], c, folded);
                case RANGE -> in(i, c) || in(i, upper) || in(i, folded);
                default -> in(i, c);
            };
            if (in) {
                return !negated;
            }
        }
        return negated;
    }

    private boolean in(int i, char c) {
        return c >= from[i] && c <= to[i];
    }

    /**
     * Whether {@code c} is the character {@code written} under case-insensitive matching, as
     * java.util.regex decides it with UNICODE_CASE: a character with case matches every character
     * with the same fold (lower case of upper case); one without case only itself.
     *
     * @param cFolded the fold of {@code c}
     */
    static boolean sameIgnoringCase(char written, char c, char cFolded) {
        if (written == c) {
            return true;
        }
        char upper = Character.toUpperCase(written);
        char folded = Character.toLowerCase(upper);
        return upper != folded && (c == folded || cFolded == folded);
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
