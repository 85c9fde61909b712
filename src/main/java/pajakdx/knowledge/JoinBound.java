package pajakdx.knowledge;

/**
 * Bounds how much work one rule can make Drools do before its first firing. Drools builds every
 * match of a rule before firing any, so neither the firing limit nor a time limit checked
 * between firings can stop a rule whose patterns join into billions of matches: with 500
 * findings, four patterns like {@code Finding()} make 500^4. A pattern pinned by its id
 * ({@code Finding(id == "x")}, or the one AsOf) matches at most one fact, so a rule may hold at
 * most {@link #MAX_UNPINNED} patterns that are not pinned.
 */
public final class JoinBound {
    /** Patterns not pinned by id one rule may join: two keep it under a few hundred thousand matches. */
    public static final int MAX_UNPINNED = 2;

    private JoinBound() {
    }

    /** How many patterns of {@code c} (nested ones included) are not pinned to one fact. */
    public static int unpinned(Condition c) {
        int count = c instanceof Condition.Pattern p && !p.pinned() ? 1 : 0;
        for (Condition child : Condition.children(c)) {
            count += unpinned(child);
        }
        return count;
    }

    /** The problem with {@code rule}'s joins, or null. */
    static String check(Rule rule) {
        int unpinned = unpinned(rule.condition());
        if (unpinned <= MAX_UNPINNED) {
            return null;
        }
        return "rule '" + rule.name() + "' joins " + unpinned + " patterns not pinned by id (such as Finding()"
                + " without id == \"...\"); at most " + MAX_UNPINNED + " are allowed, or a case with many findings"
                + " could make it build billions of matches before any firing limit applies";
    }
}
