package pajakdx.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the numbers in free text the way a reader sees them: a run of digit groups joined by
 * separators. This is the normaliser behind {@link Masking}: an identifier written with spaces,
 * dots, tabs, line breaks, {@code , : | + ( ) * #}, zero-width characters or any other punctuation
 * between its digits is still one run of 15 or 16 digits.
 *
 * <ul>
 *   <li>A <b>digit</b> is a decimal digit of any script (ASCII, full-width, Arabic-Indic ...) or a
 *       digit-like sign (superscript, circled digit) whose value is 0 to 9.</li>
 *   <li><b>Invisible</b> characters (Unicode format characters such as the zero-width space, word
 *       joiner, soft hyphen and byte-order mark; combining marks; Hangul fillers) are looked through
 *       entirely: they neither join nor end a run.</li>
 *   <li>A <b>gap</b> between two groups is a sequence of separators: white space of any kind (tab,
 *       line breaks, no-break and ideographic spaces), punctuation and symbols. At most
 *       {@link #MAX_GAP_MARKS} of them may be marks other than white space, and the gap is at most
 *       {@link #MAX_GAP_CHARS} characters long, however many invisible characters it also holds
 *       (they separate nothing on screen, so no number of them may hide an identifier); a longer
 *       gap ends the run.</li>
 *   <li>A <b>letter</b> (of any script) or a control character ends a run.</li>
 * </ul>
 */
public final class DigitRuns {
    /** Most punctuation or symbol characters in one gap ({@code ") ("} has two, {@code " - "} one). */
    public static final int MAX_GAP_MARKS = 3;
    /** Longest gap, white space included. */
    public static final int MAX_GAP_CHARS = 8;
    /**
     * A run: where it is in the text ({@code start} at its first digit, {@code end} after its last),
     * its digit groups as ASCII digits, and the gaps between them with invisible characters left out.
     */
    public record Run(int start, int end, List<String> groups, List<String> gaps) {
        /** All digits of the run, as ASCII. */
        public String digits() {
            return String.join("", groups);
        }

        public int digitCount() {
            int n = 0;
            for (String g : groups) {
                n += g.length();
            }
            return n;
        }
    }

    private DigitRuns() {
    }

    /** Every run in {@code text}, in order. */
    public static List<Run> find(String text) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isDigit(cp)) {
                Run r = runAt(text, i);
                runs.add(r);
                i = r.end();
            } else {
                i += Character.charCount(cp);
            }
        }
        return runs;
    }

    /** Number of digits in {@code text}, runs or not (a quick bound before looking for runs). */
    public static int countDigits(CharSequence text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c > 0x7F && isDigit(Character.codePointAt(text, i))) {
                n++;
            }
        }
        return n;
    }

    /** The run whose first digit is at {@code from}. */
    private static Run runAt(String text, int from) {
        List<String> groups = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        StringBuilder group = new StringBuilder();
        int i = from;
        int end = from;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isDigit(cp)) {
                group.append((char) ('0' + Character.getNumericValue(cp)));
                i += Character.charCount(cp);
                end = i;
                continue;
            }
            int after = gapEnd(text, i);
            if (after < 0) {
                break;
            }
            String gap = visible(text, i, after);
            if (!gap.isEmpty()) { // invisible characters alone do not even split a group
                groups.add(group.toString());
                group.setLength(0);
                gaps.add(gap);
            }
            i = after;
        }
        groups.add(group.toString());
        return new Run(from, end, List.copyOf(groups), List.copyOf(gaps));
    }

    /**
     * Where the digit after a gap starting at {@code from} is, or -1 when what starts there is not
     * a gap between two groups of one run (a letter, a long gap, the end of the text).
     */
    private static int gapEnd(String text, int from) {
        int marks = 0;
        int chars = 0;
        int i = from;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isDigit(cp)) {
                return i;
            }
            if (!isInvisible(cp)) {
                if (!isSeparator(cp)) {
                    return -1;
                }
                chars++;
                if (!isSpace(cp)) {
                    marks++;
                }
                if (marks > MAX_GAP_MARKS || chars > MAX_GAP_CHARS) {
                    return -1;
                }
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static String visible(String text, int from, int to) {
        StringBuilder s = new StringBuilder(to - from);
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            if (!isInvisible(cp)) {
                s.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return s.toString();
    }

    /** A decimal digit of any script, or a digit-like sign (superscript, circled) worth 0 to 9. */
    public static boolean isDigit(int cp) {
        if (cp >= '0' && cp <= '9') {
            return true;
        }
        if (cp < 0x80) {
            return false;
        }
        if (Character.isDigit(cp)) {
            return true;
        }
        if (Character.getType(cp) != Character.OTHER_NUMBER) {
            return false;
        }
        int v = Character.getNumericValue(cp);
        return v >= 0 && v <= 9;
    }

    /** Characters that show nothing: format characters, combining marks, fillers. */
    public static boolean isInvisible(int cp) {
        if (cp < 0xAD) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
    }

    /** White space (tab and line breaks included), punctuation and symbols: what may sit inside a number. */
    public static boolean isSeparator(int cp) {
        if (isSpace(cp)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
