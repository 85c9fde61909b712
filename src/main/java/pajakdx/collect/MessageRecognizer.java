package pajakdx.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.MessagePattern;
import pajakdx.regex.LinearRegex;

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
        String lower = raw.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == ' ' || c >= '\t' && c <= '\r' || c == '\u00a0') {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(c == '\u2013' || c == '\u2014' ? '-' : c);
        }
        return out.toString().strip();
    }

    /** Every row of the catalog's message table matching {@code message}, in table order. */
    public static List<Match> recognise(Catalog catalog, String message) {
        // Prepared once; the index then tries only the rows whose rarest character pair the text holds.
        LinearRegex.Text text = LinearRegex.prepare(normalise(message));
        List<MessagePattern> table = catalog.messages();
        List<Match> out = new ArrayList<>();
        for (int i : catalog.messageIndex().matching(text)) {
            out.add(new Match(table.get(i), message));
        }
        return out;
    }

    /** Every row of {@code table} matching {@code message}, in table order, each row tried in turn. */
    public static List<Match> recognise(List<MessagePattern> table, String message) {
        LinearRegex.Text text = LinearRegex.prepare(normalise(message));
        List<Match> out = new ArrayList<>();
        for (MessagePattern p : table) {
            if (p.pattern().find(text)) {
                out.add(new Match(p, message));
            }
        }
        return out;
    }
}
