package pajakdx.repl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pajakdx.text.Masking;

/**
 * Masks identifier-like digit runs (NPWP, NIK, NITKU: 12 digits or more, separators allowed,
 * standing on their own rather than inside a word or a path) in free text the REPL echoes or keeps in its history, so typed identifiers never land there whole.
 */
final class Redact {
    /** A run of digits with separators, not part of a word or a path ({@code junit-123.../x} is left alone). */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\w/\\\\.-])\\d(?:[\\d.\\- ]*\\d)?(?![\\w/\\\\])");
    private static final int MIN_DIGITS = 12;

    private Redact() {
    }

    static String identifiers(String text) {
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            long digits = run.chars().filter(Character::isDigit).count();
            m.appendReplacement(out, Matcher.quoteReplacement(digits >= MIN_DIGITS ? Masking.mask(run) : run));
        }
        m.appendTail(out);
        return out.toString();
    }
}
