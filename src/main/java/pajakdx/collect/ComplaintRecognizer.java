package pajakdx.collect;

import java.util.ArrayList;
import java.util.List;
import pajakdx.knowledge.ComplaintPattern;
import pajakdx.regex.LinearRegex;

/**
 * Reads the first line of a ticket ("tidak bisa impersonate PT sejak Februari", "can't log in to
 * Coretax") against the complaint table of the vocabulary ({@code complaints:}), as the message
 * table reads error texts: lower case, white space collapsed, patterns in linear time. What it
 * finds is a proposal for the agent to see and correct, never an answer given behind their back.
 */
public final class ComplaintRecognizer {
    /** A complaint row that matched. */
    public record Match(ComplaintPattern pattern) {
    }

    private ComplaintRecognizer() {
    }

    /** Every row matching {@code complaint}, in table order. */
    public static List<Match> recognise(List<ComplaintPattern> table, String complaint) {
        LinearRegex.Text text = LinearRegex.prepare(MessageRecognizer.normalise(complaint));
        List<Match> out = new ArrayList<>();
        for (ComplaintPattern p : table) {
            if (p.pattern().find(text)) {
                out.add(new Match(p));
            }
        }
        return out;
    }

    /** The problems the rows matching {@code complaint} name, each once, in table order. */
    public static List<String> problems(List<ComplaintPattern> table, String complaint) {
        List<String> out = new ArrayList<>();
        for (Match m : recognise(table, complaint)) {
            String p = m.pattern().sets().get(pajakdx.knowledge.Catalog.PROBLEM);
            if (p != null && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
