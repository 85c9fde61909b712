package pajakdx.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pajakdx.knowledge.MessagePattern;

/**
 * Matches the raw error texts a user saw against the message table of the rule base. Case,
 * runs of white space and surrounding text do not matter. The patterns run in time linear in
 * the text (see {@link pajakdx.regex.LinearRegex}): no pattern and no message can make
 * recognition hang or overflow the stack.
 */
public final class MessageRecognizer {
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

    /** Every row matching {@code message}, in table order. */
    public static List<Match> recognise(List<MessagePattern> table, String message) {
        String text = normalise(message);
        List<Match> out = new ArrayList<>();
        for (MessagePattern p : table) {
            if (p.pattern().find(text)) {
                out.add(new Match(p, message));
            }
        }
        return out;
    }
}
