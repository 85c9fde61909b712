package pajakdx.text;

/**
 * Masks personal identifiers (NPWP, NIK, NITKU) so that logs, traces, outputs and error
 * messages never carry them whole.
 */
public final class Masking {
    private static final int VISIBLE = 3;
    /**
     * Digit runs this long are taken for identifiers in free text. Identifiers have 15, 16 or 22
     * digits; 12 also catches one mistyped by a few digits, and no date or time reaches it.
     */
    public static final int IDENTIFIER_DIGITS = 12;

    private Masking() {
    }

    /** Replaces every digit but the last three with {@code *}: {@code ************901}. */
    public static String mask(String digits) {
        if (digits == null) {
            return null;
        }
        int keep = Math.min(VISIBLE, digits.length() / 4);
        StringBuilder out = new StringBuilder(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            out.append(i >= digits.length() - keep || !Character.isLetterOrDigit(c) ? c : '*');
        }
        return out.toString();
    }

    /** Replaces every digit (of any script) with {@code *}, keeping letters and separators. */
    public static String maskAllDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isDigit(cp)) {
                out.append('*');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * Masks identifier-like numbers inside free text (titles, raw error messages, file names):
     * every run of at least {@link #IDENTIFIER_DIGITS} digits, groups joined by single spaces,
     * dots, dashes or slashes as people write NPWP and NIK, keeps only its last three digits.
     * Digits of any script count, so full-width or Arabic-Indic numbers are masked too.
     */
    public static String maskText(String text) {
        if (text == null || text.length() < IDENTIFIER_DIGITS) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!Character.isDigit(cp)) {
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int end = runEnd(text, i);
            String run = text.substring(i, end);
            out.append(countDigits(run) >= IDENTIFIER_DIGITS ? maskKeepingLast(run) : run);
            i = end;
        }
        return out.toString();
    }

    /**
     * Masks identifier-like numbers in the last part of a path only: case files are often named
     * after the taxpayer, while folders (temporary folders with long random numbers among them)
     * stay as they are so the user can still find the file.
     */
    public static String maskFileName(String path) {
        if (path == null) {
            return null;
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(0, slash + 1) + maskText(path.substring(slash + 1));
    }

    /**
     * Where to cut {@code text} to at most {@code max} characters without splitting a run of
     * digits: a cut identifier would fall under the masking threshold and leak its first part.
     * The run is dropped whole instead.
     */
    public static int safeCut(String text, int max) {
        if (text.length() <= max) {
            return text.length();
        }
        int cut = max;
        while (cut > 0 && (Character.isDigit(text.charAt(cut - 1))
                || cut >= 2 && isSeparator(text.charAt(cut - 1)) && Character.isDigit(text.charAt(cut - 2)))) {
            cut--;
        }
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never leave half a character
        }
        return cut;
    }

    /** End of a run of digit groups joined by single separators, starting at the digit at {@code from}. */
    private static int runEnd(String text, int from) {
        int i = from;
        int end = from;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isDigit(cp)) {
                i = next;
                end = i;
            } else if (isSeparator(cp) && next < text.length() && Character.isDigit(text.codePointAt(next))) {
                i = next;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean isSeparator(int c) {
        return c == '.' || c == '-' || c == '/' || c == '_' || Character.isSpaceChar(c)
                || c >= '\u2010' && c <= '\u2015' || c == '\u2212';
    }

    private static int countDigits(String run) {
        return (int) run.codePoints().filter(Character::isDigit).count();
    }

    private static String maskKeepingLast(String run) {
        int toMask = countDigits(run) - VISIBLE;
        StringBuilder out = new StringBuilder(run.length());
        for (int i = 0; i < run.length(); ) {
            int cp = run.codePointAt(i);
            if (Character.isDigit(cp) && toMask > 0) {
                out.append('*');
                toMask--;
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
