package pajakdx.text;

/**
 * Refuses characters that have no business in a case or catalog text and would make output
 * or error messages misleading: control characters (NUL, bell, escape ...), lone surrogate
 * halves (not Unicode at all; JSON writers choke on them), non-characters, and the bidirectional
 * overrides that can make text read differently from what it is.
 */
public final class TextCheck {
    private static final int PREVIEW = 60;

    private TextCheck() {
    }

    /** What is wrong with {@code text}, naming the character by code point; null when it is fine. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "contains half of a surrogate pair (" + codePoint(c) + "), which is not valid Unicode";
            }
            if (isControl(c)) {
                return "contains the control character " + codePoint(c);
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return "contains the non-character " + codePoint(c);
            }
            if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                return "contains the bidirectional control character " + codePoint(c)
                        + ", which can make text read differently from what it is";
            }
        }
        return null;
    }

    /** C0 and C1 controls other than tab, line feed and carriage return. */
    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /**
     * {@code text} as one printable line: line breaks, tabs and every character {@link #problem}
     * refuses are written as code points ({@code U+000A}), so a message quoting user input can
     * be printed and logged as it is.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean odd = !pair && (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029'
                    || problem(String.valueOf(c)) != null);
            if (odd && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (odd) {
                    out.append(codePoint(c));
                } else {
                    out.append(c);
                    if (pair) {
                        out.append(text.charAt(++i));
                    }
                }
            } else if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private static final java.util.regex.Pattern KEY_LIKE = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_.\\- ]{1,80}");

    /**
     * A key of a document, as a message may quote it: {@code 'findings'} when it looks like a
     * field name (letters, digits, {@code _ . -} and spaces, at most 80), else a note that it is
     * not one. A file that is not a case at all (a password file, a key) is read as YAML into
     * keys made of its lines; quoting them would echo the file, so messages name the line only.
     */
    public static String key(String key) {
        return KEY_LIKE.matcher(key).matches() ? "'" + key + "'" : "(not shown: not a field name)";
    }

    /** True when {@link #key} quotes {@code key}. */
    public static boolean keyLike(String key) {
        return KEY_LIKE.matcher(key).matches();
    }

    /**
     * {@code text} safe to quote in a message: at most 60 characters (a run of digits is never
     * cut, see {@link pajakdx.text.Masking#safeCut}), odd characters as code points.
     */
    public static String preview(String text) {
        StringBuilder out = new StringBuilder();
        int end = pajakdx.text.Masking.safeCut(text, PREVIEW);
        int i = 0;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (problem(String.valueOf(c)) != null) {
                out.append(codePoint(c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out + "…" : out.toString();
    }
}
