package pajakdx.knowledge;

import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import pajakdx.facts.AsOf;

/**
 * Bounds how much work one rule can make Drools do before its first firing. Drools builds every
 * match of a rule before firing any, so neither the firing limit nor a time limit checked
 * between firings can stop a rule whose patterns join into billions of matches: with 500
 * findings, four patterns like {@code Finding()} make 500^4. A pattern pinned by its id
 * ({@code Finding(id == "x")}) matches at most one fact, so a rule may hold at most
 * {@link #MAX_UNPINNED} patterns that are not pinned.
 */
final class JoinBound {
    /** Patterns not pinned by id one rule may join: two keep it under a few hundred thousand matches. */
    static final int MAX_UNPINNED = 2;
    private static final Pattern ID_TEST = Pattern.compile("^\\s*id\\s*==\\s*\"[^\"]+\"\\s*$");

    private JoinBound() {
    }

    /** How many patterns of {@code lhs} (nested ones included) are not pinned to one fact. */
    static int unpinned(RuleConditionElement e) {
        int count = 0;
        if (e instanceof org.drools.base.rule.Pattern p && p.getSource() == null && !pinned(p)) {
            count++;
        }
        for (RuleConditionElement child : e.getNestedElements()) {
            count += unpinned(child);
        }
        return count;
    }

    private static boolean pinned(org.drools.base.rule.Pattern p) {
        if (p.getObjectType() instanceof ClassObjectType cot && cot.getClassType() == AsOf.class) {
            return true; // a case has exactly one as-of
        }
        for (Constraint c : p.getConstraints()) {
            if (c instanceof MVELConstraint mc && ID_TEST.matcher(mc.getExpression()).matches()) {
                return true;
            }
        }
        return false;
    }
}
