package pajakdx.repl;

import java.util.List;
import pajakdx.explain.ConditionText;
import pajakdx.knowledge.Condition;

/** A rule's conditions, searched for one finding (for WHY: the rules a question decides). */
final class RuleConditions {
    private RuleConditions() {
    }

    /** True when some condition, at any depth, tests {@code findingId}. */
    static boolean mentions(Condition c, String findingId) {
        if (c instanceof Condition.Pattern p) {
            return findingId.equals(p.findingId());
        }
        if (c instanceof Condition.Not n) {
            return mentions(n.child(), findingId);
        }
        if (c instanceof Condition.Exists e) {
            return mentions(e.child(), findingId);
        }
        if (c instanceof Condition.All a) {
            return a.children().stream().anyMatch(x -> mentions(x, findingId));
        }
        if (c instanceof Condition.Any a) {
            return a.children().stream().anyMatch(x -> mentions(x, findingId));
        }
        return false;
    }

    /** The rule's top-level conditions that test {@code findingId}, as text. */
    static List<String> about(Condition c, String findingId) {
        List<Condition> top = c instanceof Condition.All a ? a.children() : List.of(c);
        return top.stream().filter(x -> mentions(x, findingId)).map(ConditionText::of).toList();
    }
}
