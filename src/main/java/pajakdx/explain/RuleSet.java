package pajakdx.explain;

import java.util.Arrays;

/**
 * Rules by position in their rule base, ascending, each once: the few rules a case can fire (see
 * {@link RuleGates#candidateSet}). Sized by the rules it holds, not by the rule base, so that
 * comparing or hashing one (a partition's key) costs the same with 760 rules or 76,000.
 */
public final class RuleSet {
    private final int[] positions;
    private final int hash;

    RuleSet(int[] ascending) {
        this.positions = ascending;
        this.hash = Arrays.hashCode(ascending);
    }

    /** Number of rules. */
    public int size() {
        return positions.length;
    }

    /** The position of the {@code i}-th rule, ascending in {@code i}. */
    public int get(int i) {
        return positions[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSet s && s.hash == hash && Arrays.equals(s.positions, positions);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(positions);
    }
}
