package pajakdx.base;

import pajakdx.text.TextCheck;
import java.util.List;
import java.util.stream.Collectors;
import pajakdx.text.Masking;
import pajakdx.text.Messages;

/**
 * One thing wrong with an input, located as precisely as known: {@code file:line:column: message}
 * for rule files, {@code file: field: message} for case files. Numbers that look like NPWP or NIK
 * are masked ({@link Masking#maskText}), so messages can be logged and shown as they are.
 *
 * @param file   path as the user gave it (or as found under the rules folder); may be null
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param field  dotted field path in a case file (e.g. {@code findings.npwp}); may be null
 * @param message what is wrong, in plain words
 */
public record Problem(String file, int line, int column, String field, String message) {

    /**
     * Identifier-like numbers never travel in a problem, even when the input put them there; and
     * a problem is always one printable line, whatever characters the input quoted in it held.
     */
    public Problem {
        file = TextCheck.printable(Masking.maskFileName(file));
        field = abbreviate(TextCheck.printable(Masking.maskText(field)), MAX_FIELD);
        message = abbreviate(TextCheck.printable(Masking.maskText(message)), MAX_KEPT);
    }

    /** Longest field path and message shown: a hostile key or value must not make a message unreadable. */
    static final int MAX_FIELD = 120;
    static final int MAX_MESSAGE = 400;
    /**
     * Longest message kept: longer than shown, so that a message is said in another language
     * whole (its template's end included) and only then cut to {@link #MAX_MESSAGE}.
     */
    static final int MAX_KEPT = 4000;

    /** What is wrong, in plain words: at most {@link #MAX_MESSAGE} characters. */
    @Override
    public String message() {
        return abbreviate(message, MAX_MESSAGE);
    }

    /**
     * The message as kept, up to {@link #MAX_KEPT} characters: for code that moves a problem
     * elsewhere or stores it, so that it can still be said whole in another language.
     */
    public String wholeMessage() {
        return message;
    }

    private static String abbreviate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(max - 2)) ? max - 2 : max - 1; // never half a character
        return s.substring(0, cut) + "…";
    }

    public static Problem at(String file, int line, int column, String message) {
        return new Problem(file, line, column, null, message);
    }

    public static Problem inField(String file, String field, String message) {
        return new Problem(file, 0, 0, field, message);
    }

    public static Problem of(String message) {
        return new Problem(null, 0, 0, null, message);
    }

    /** The same problem located in {@code newFile} when it had no file yet. */
    public Problem inFile(String newFile) {
        return file != null ? this : new Problem(newFile, line, column, field, message);
    }

    /** {@code file:line:column: field: message}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (file != null) {
            s.append(file);
            if (line > 0) {
                s.append(':').append(line);
                if (column > 0) {
                    s.append(':').append(column);
                }
            }
            s.append(": ");
        }
        if (field != null) {
            s.append(field).append(": ");
        }
        return s.append(message()).toString();
    }

    /**
     * {@link #toString()} with the message said in {@code lang}: English as it is, Indonesian when
     * {@link Messages} knows the message (else English); where it is stays as it is.
     */
    public String toString(Lang lang) {
        if (lang == Lang.EN) {
            return toString();
        }
        return new Problem(file, line, column, field, Messages.indonesian(message)).toString(); // said whole, then cut
    }

    static String describe(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining(System.lineSeparator()));
    }
}
