package pajakdx.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pajakdx.base.RuleFailureException;
import pajakdx.knowledge.MessagePattern;

/**
 * Matches the raw error texts a user saw against the message table of the rule base. Case,
 * runs of white space and surrounding text do not matter. A pattern that backtracks without
 * end on some text (such as {@code (a+)+b}) is stopped after a fixed amount of work and
 * reported with its id and place, instead of hanging the diagnosis.
 */
public final class MessageRecognizer {
    /**
     * Characters a pattern may inspect on one message before it is taken to backtrack without
     * end: a sane pattern looks at each character of a 2,000-character message a few times.
     */
    public static final long MAX_STEPS = 5_000_000;

    /** A message row that matched a raw text. */
    public record Match(MessagePattern pattern, String message) {
    }

    private MessageRecognizer() {
    }

    /** Normalises a message: lower case, white space collapsed, typographic dashes made plain. */
    public static String normalise(String raw) {
        return raw.toLowerCase(Locale.ROOT).replace('\u2013', '-').replace('\u2014', '-')
                .replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    /**
     * Every row matching {@code message}, in table order.
     *
     * @throws RuleFailureException naming the pattern when it runs away on this message
     */
    public static List<Match> recognise(List<MessagePattern> table, String message) {
        String text = normalise(message);
        List<Match> out = new ArrayList<>();
        for (MessagePattern p : table) {
            try {
                if (p.pattern().matcher(new Budgeted(text, MAX_STEPS)).find()) {
                    out.add(new Match(p, message));
                }
            } catch (Budgeted.Exhausted e) {
                throw new RuleFailureException(p.id(), p.at() + ": message pattern '" + p.id()
                        + "' backtracks without end on a message of " + text.length()
                        + " characters; simplify the pattern (no nested repetition such as (a+)+)");
            }
        }
        return out;
    }

    /** A text that counts how often it is read, and gives up past its budget. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private final long[] left;

        Budgeted(String text, long budget) {
            this(text, new long[] {budget});
        }

        private Budgeted(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }

        /** Thrown when the budget is spent; carries no stack trace (it is control flow). */
        static final class Exhausted extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Exhausted() {
                super(null, null, false, false);
            }
        }
    }
}
