package pajakdx.knowledge;

import java.util.List;

/**
 * A rule's left-hand side as data, read once from the DRL by Drools' own parser: the only
 * structure a rule's conditions may have (patterns on the fact types, combined with and, or,
 * not, exists). Drools compiles the canonical DRL printed from it; WHY NOT, questions, lint and
 * the gates read it directly.
 */
public sealed interface Condition extends java.io.Serializable {

    /** All children hold. */
    record All(List<Condition> children) implements Condition {
    }

    /** At least one child holds. */
    record Any(List<Condition> children) implements Condition {
    }

    /** The child does not hold. */
    record Not(Condition child) implements Condition {
    }

    /** The child holds for at least one fact. */
    record Exists(Condition child) implements Condition {
    }

    /**
     * A pattern on one fact type, e.g. {@code Finding(id == "x", value == "no")}.
     *
     * @param type        the fact type
     * @param binding     the pattern's variable ({@code $a}) or null
     * @param constraints its constraints in the order written (an id test included)
     * @param at          where the pattern starts
     */
    record Pattern(FactType type, String binding, List<Constraint> constraints, Location at) implements Condition {

        /** For a Finding pattern, the id its first {@code id == "..."} names; otherwise null. */
        public String findingId() {
            if (type != FactType.FINDING) {
                return null;
            }
            for (Constraint c : constraints) {
                if (c instanceof Constraint.Compare k && k.field() == Constraint.Field.ID && k.op() == Constraint.Op.EQ) {
                    return k.value();
                }
            }
            return null;
        }

        /** The constraints other than the id test that {@link #findingId()} reads. */
        public List<Constraint> tests() {
            String id = findingId();
            if (id == null) {
                return constraints;
            }
            boolean[] skipped = {false};
            return constraints.stream().filter(c -> {
                boolean idTest = !skipped[0] && c instanceof Constraint.Compare k && k.field() == Constraint.Field.ID
                        && k.op() == Constraint.Op.EQ;
                skipped[0] |= idTest;
                return !idTest;
            }).toList();
        }

        /** True when the pattern can match at most one fact: a finding named by id, or the as-of. */
        public boolean pinned() {
            return type == FactType.AS_OF || findingId() != null;
        }
    }

    /** The conditions directly inside {@code c}. */
    static List<Condition> children(Condition c) {
        if (c instanceof All a) {
            return a.children();
        }
        if (c instanceof Any a) {
            return a.children();
        }
        if (c instanceof Not n) {
            return List.of(n.child());
        }
        if (c instanceof Exists e) {
            return List.of(e.child());
        }
        return List.of();
    }

    /** The top-level conditions of a rule's left-hand side (the children of its outer and). */
    static List<Condition> top(Condition c) {
        return c instanceof All a ? a.children() : List.of(c);
    }
}
