package pajakdx.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A rule's left-hand side as data, taken from the compiled rule, so that WHY NOT and question
 * selection can evaluate it condition by condition without running the rule.
 */
public sealed interface Condition {

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
     * @param type        the fact class
     * @param binding     the pattern's variable ({@code $f}) or null
     * @param findingId   for Finding patterns, the id the pattern names
     * @param constraints constraint expressions other than the id test, as Drools normalised them
     * @param fieldBindings variables bound to fields inside the pattern: name to field expression
     */
    record Pattern(Class<?> type, String binding, String findingId, List<String> constraints,
                   Map<String, String> fieldBindings) implements Condition {
    }

    /** A construct WHY NOT cannot break down (eval, accumulate, from ...): shown as text. */
    record Opaque(String text) implements Condition {
    }
}
