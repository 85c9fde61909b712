package pajakdx.text;

import java.util.List;

/**
 * Masks personal identifiers (NPWP, NIK, NITKU) so that logs, traces, outputs and error
 * messages never carry them whole.
 */
public final class Masking {
    private static final int VISIBLE = 3;
    /**
     * Digit runs this long are taken for identifiers in free text unless they have the shape of a
     * date, faktur number, amount or phone number ({@link NumberShapes}). Identifiers have 15, 16
     * or 22 digits; 12 also catches one mistyped by a few digits.
     */
    public static final int IDENTIFIER_DIGITS = 12;
    /** Shortest part of a typed identifier that {@link #maskQuoted} masks where it is quoted alone. */
    public static final int FRAGMENT_DIGITS = 4;

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
            if (DigitRuns.isDigit(cp)) {
                out.append('*');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * Masks identifier-like numbers inside free text (titles, raw error messages, file names, REPL
     * replies): every run of at least {@link #IDENTIFIER_DIGITS} digits keeps only its last three
     * digits. A run is what {@link DigitRuns} finds: digit groups of any script joined by white
     * space, punctuation or symbols, invisible characters looked through, so no separator hides an
     * identifier. Runs that are, as a whole, dates, faktur numbers, one amount or one phone number
     * stay readable ({@link NumberShapes}). This is the one masking policy of every output.
     */
    public static String maskText(String text) {
        if (text == null || text.length() < IDENTIFIER_DIGITS || DigitRuns.countDigits(text) < IDENTIFIER_DIGITS) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        for (DigitRuns.Run run : DigitRuns.find(text)) {
            if (run.digitCount() < IDENTIFIER_DIGITS || NumberShapes.readable(text, run)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, run.start()).append(maskKeepingLast(text.substring(run.start(), run.end())));
            copied = run.end();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** The digits of every number in {@code text} that {@link #maskText} masks (for {@link #maskQuoted}). */
    public static List<String> identifierDigits(String text) {
        if (text == null || DigitRuns.countDigits(text) < IDENTIFIER_DIGITS) {
            return List.of();
        }
        return DigitRuns.find(text).stream()
                .filter(r -> r.digitCount() >= IDENTIFIER_DIGITS && !NumberShapes.readable(text, r))
                .map(DigitRuns.Run::digits).toList();
    }

    /**
     * {@link #maskText}, and also every shorter number of at least {@link #FRAGMENT_DIGITS} digits
     * that is part of one of {@code identifiers}: a reply quoting one word of a typed line (a
     * command split at white space) would otherwise show a group of an identifier on its own,
     * too short to be masked there.
     */
    public static String maskQuoted(String text, List<String> identifiers) {
        return maskParts(maskText(text), identifiers);
    }

    /**
     * Masks every number of at least {@link #FRAGMENT_DIGITS} digits in {@code masked} that is
     * part of one of {@code identifiers}, and nothing else ({@code masked} is masked already).
     */
    public static String maskParts(String masked, List<String> identifiers) {
        if (identifiers.isEmpty() || masked == null) {
            return masked;
        }
        StringBuilder out = null;
        int copied = 0;
        for (DigitRuns.Run run : DigitRuns.find(masked)) {
            String digits = run.digits();
            if (digits.length() >= FRAGMENT_DIGITS && identifiers.stream().anyMatch(id -> id.contains(digits))) {
                if (out == null) {
                    out = new StringBuilder(masked.length());
                }
                out.append(masked, copied, run.start()).append(maskAllDigits(masked.substring(run.start(), run.end())));
                copied = run.end();
            }
        }
        return out == null ? masked : out.append(masked, copied, masked.length()).toString();
    }

    /**
     * Masks identifier-like numbers in the last part of a path only: case files are often named
     * after the taxpayer, while folders (temporary folders with long random numbers among them)
     * stay as they are so the user can still find the file.
     */
    public static String maskFileName(String path) {
        return maskFileName(path, List.of());
    }

    /** {@link #maskFileName}, the file name masked as by {@link #maskQuoted}. */
    public static String maskFileName(String path, List<String> identifiers) {
        if (path == null) {
            return null;
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(0, slash + 1) + maskQuoted(path.substring(slash + 1), identifiers);
    }

    /**
     * {@code text} cut to at most {@code max} characters and an ellipsis, where {@link #safeCut}
     * says: for messages that quote input, which are masked after they are made.
     */
    public static String abbreviate(String text, int max) {
        int cut = safeCut(text, max);
        return cut < text.length() ? text.substring(0, cut) + "…" : text;
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
        // The whole text: a gap of invisible characters may be of any length, so a run may reach
        // back over the cut from anywhere after it.
        int cut = max;
        for (DigitRuns.Run run : DigitRuns.find(text)) {
            if (run.start() < cut && run.end() > cut) {
                cut = run.start();
            }
        }
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never leave half a character
        }
        return cut;
    }

    private static String maskKeepingLast(String run) {
        int toMask = DigitRuns.countDigits(run) - VISIBLE;
        StringBuilder out = new StringBuilder(run.length());
        for (int i = 0; i < run.length(); ) {
            int cp = run.codePointAt(i);
            if (DigitRuns.isDigit(cp) && toMask > 0) {
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
