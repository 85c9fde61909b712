package pajakdx.explain;

import java.util.stream.Collectors;
import pajakdx.knowledge.Condition;
import pajakdx.knowledge.Constraint;

/** Renders conditions in the short form people read: {@code badan.last-login-shown = no}. */
public final class ConditionText {
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
            return a.children().stream().map(ConditionText::of).collect(Collectors.joining(" and "));
        }
        return "(" + ((Condition.Any) c).children().stream().map(ConditionText::of).collect(Collectors.joining(" or "))
                + ")";
    }

    private static String pattern(Condition.Pattern p) {
        String tests = p.tests().stream().map(Constraint::text).collect(Collectors.joining(", "));
        return switch (p.type()) {
            case FINDING -> {
                String subject = p.findingId() != null ? p.findingId() : "a finding";
                yield tests.isEmpty() ? subject + " is given" : subject + " " + tests;
            }
            case AS_OF -> tests.isEmpty() ? "as-of given" : "as-of " + tests;
            case CAUSE -> tests.isEmpty() ? "some cause concluded" : "a cause " + tests;
            case REMEDY -> tests.isEmpty() ? "some remedy offered" : "a remedy " + tests;
        };
    }
}
