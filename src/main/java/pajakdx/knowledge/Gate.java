package pajakdx.knowledge;

import java.util.Set;

/**
 * What a rule applies to: a top-level pattern on one finding named by id whose tests admit only
 * listed values ({@code Finding(id == "problem", value == "impersonate-fails")}, or
 * {@code value in (...)}). When that finding is known with another value, the rule cannot fire,
 * whatever else holds. Most rules are gated on the problem; a rule may apply to several.
 *
 * @param findingId the finding tested (in practice {@code problem})
 * @param values    the values that let the rule through
 */
public record Gate(String findingId, Set<String> values) {

    /**
     * The first top-level Finding pattern named by id whose tests can be read without a value
     * of another fact and one of which only admits listed values; null when the rule has none.
     */
    public static Gate of(Condition condition) {
        for (Condition c : Condition.top(condition)) {
            if (c instanceof Condition.Pattern p && p.findingId() != null && !p.tests().isEmpty()
                    && p.tests().stream().allMatch(Gate::readDirectly)) {
                for (Constraint t : p.tests()) {
                    Set<String> values = Constraint.admittedValues(t);
                    if (values != null) {
                        return new Gate(p.findingId(), values);
                    }
                }
            }
        }
        return null;
    }

    /** Tests of known, or of value or format by (in)equality: they never fail to evaluate. */
    private static boolean readDirectly(Constraint c) {
        if (c instanceof Constraint.AnyOf any) {
            return any.parts().stream().allMatch(Gate::readDirectly);
        }
        return c instanceof Constraint.Known || c instanceof Constraint.Compare k && k.number() == null
                && k.field() != Constraint.Field.ID && (k.op() == Constraint.Op.EQ || k.op() == Constraint.Op.NE);
    }
}
