package pajakdx.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pajakdx.facts.AsOf;
import pajakdx.facts.Cause;
import pajakdx.facts.Finding;
import pajakdx.facts.Remedy;
import pajakdx.knowledge.Condition;

/** Renders conditions in the short form people read: {@code badan.last-login-shown = no}. */
public final class ConditionText {
    private static final Pattern EQ = Pattern.compile("^\\s*(\\w+)\\s*==\\s*\"([^\"]*)\"\\s*$");
    private static final Pattern NE = Pattern.compile("^\\s*(\\w+)\\s*!=\\s*\"([^\"]*)\"\\s*$");

    private ConditionText() {
    }

    /** One line for a condition. */
    public static String of(Condition c) {
        if (c instanceof Condition.Pattern p) {
            return pattern(p);
        }
        if (c instanceof Condition.Not n) {
            return "not (" + of(n.child()) + ")";
        }
        if (c instanceof Condition.Exists e) {
            return "exists (" + of(e.child()) + ")";
        }
        if (c instanceof Condition.All a) {
            return String.join(" and ", a.children().stream().map(ConditionText::of).toList());
        }
        if (c instanceof Condition.Any a) {
            return "(" + String.join(" or ", a.children().stream().map(ConditionText::of).toList()) + ")";
        }
        return ((Condition.Opaque) c).text();
    }

    private static String pattern(Condition.Pattern p) {
        List<String> parts = new ArrayList<>();
        for (String expr : p.constraints()) {
            parts.add(constraint(expr));
        }
        String tests = String.join(", ", parts);
        if (p.type() == Finding.class) {
            String subject = p.findingId() != null ? p.findingId() : "a finding";
            return tests.isEmpty() ? subject + " is given" : subject + " " + tests;
        }
        if (p.type() == AsOf.class) {
            return tests.isEmpty() ? "as-of given" : "as-of " + tests;
        }
        if (p.type() == Cause.class) {
            return tests.isEmpty() ? "some cause concluded" : "a cause " + tests;
        }
        if (p.type() == Remedy.class) {
            return tests.isEmpty() ? "some remedy offered" : "a remedy " + tests;
        }
        return p.type().getSimpleName() + "(" + String.join(", ", p.constraints()) + ")";
    }

    static String constraint(String expr) {
        String e = expr.strip();
        if (e.contains("||")) {
            List<String> values = new ArrayList<>();
            for (String part : e.split("\\|\\|")) {
                Matcher m = EQ.matcher(part);
                if (!m.matches() || !m.group(1).equals("value")) {
                    return e;
                }
                values.add(m.group(2));
            }
            return "in {" + String.join(", ", values) + "}";
        }
        Matcher eq = EQ.matcher(e);
        if (eq.matches()) {
            return eq.group(1).equals("value") ? "= " + eq.group(2) : eq.group(1) + " = " + eq.group(2);
        }
        Matcher ne = NE.matcher(e);
        if (ne.matches()) {
            return ne.group(1).equals("value") ? "≠ " + ne.group(2) : ne.group(1) + " ≠ " + ne.group(2);
        }
        return switch (e) {
            case "known", "known == true" -> "is known";
            case "!known", "known == false", "! known" -> "is not known";
            case "confirmed" -> "is confirmed";
            case "suspected" -> "is suspected";
            case "ruledOut" -> "is ruled out";
            default -> e;
        };
    }
}
