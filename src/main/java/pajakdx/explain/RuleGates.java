package pajakdx.explain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pajakdx.facts.Finding;
import pajakdx.knowledge.Condition;
import pajakdx.knowledge.RuleInfo;

/**
 * Rules grouped by a "gate": a top-level condition {@code Finding(id == "F", value == "a" ||
 * ...)} (in practice the problem). When F is known and its value is none the gate admits, that
 * condition fails and so the whole rule does, whatever else is known: question selection skips
 * such rules without evaluating them. The rules left are exactly those the three-valued
 * evaluation would not find failed on their gate, in the original order.
 */
public final class RuleGates {
    /** Rules (by position) of one gate finding: all of them, and those admitting each value. */
    private record Gate(List<Integer> all, Map<String, List<Integer>> byValue) {
    }

    private final int size;
    private final BitSet ungated = new BitSet();
    private final Map<String, Gate> gates = new HashMap<>();

    public RuleGates(List<RuleInfo> rules) {
        size = rules.size();
        for (int i = 0; i < rules.size(); i++) {
            Condition.Pattern gate = gateOf(rules.get(i).condition());
            if (gate == null) {
                ungated.set(i);
                continue;
            }
            Gate g = gates.computeIfAbsent(gate.findingId(), f -> new Gate(new ArrayList<>(), new HashMap<>()));
            g.all().add(i);
            for (String expr : gate.constraints()) {
                Set<String> values = ConstraintEval.admittedValues(expr);
                if (values != null) {
                    for (String v : values) {
                        g.byValue().computeIfAbsent(v, x -> new ArrayList<>()).add(i);
                    }
                    break;
                }
            }
        }
    }

    /**
     * The first top-level Finding pattern whose constraints are all read without MVEL (so its
     * evaluation cannot end in "could not evaluate") and one of which only admits listed values.
     */
    static Condition.Pattern gateOf(Condition condition) {
        List<Condition> top = condition instanceof Condition.All a ? a.children() : List.of(condition);
        for (Condition c : top) {
            if (c instanceof Condition.Pattern p && p.type() == Finding.class && p.findingId() != null
                    && !p.constraints().isEmpty()
                    && p.constraints().stream().allMatch(ConstraintEval::isReadDirectly)
                    && p.constraints().stream().anyMatch(e -> ConstraintEval.admittedValues(e) != null)) {
                return p;
            }
        }
        return null;
    }

    /** The rules of {@code rules} (the list this was built from) not failed by a gate, in order. */
    List<RuleInfo> candidates(List<RuleInfo> rules, Map<String, Finding> findings) {
        BitSet chosen = candidateSet(findings);
        List<RuleInfo> out = new ArrayList<>(chosen.cardinality());
        for (int i = chosen.nextSetBit(0); i >= 0 && i < size; i = chosen.nextSetBit(i + 1)) {
            out.add(rules.get(i));
        }
        return out;
    }

    /**
     * The positions (in the list this was built from) of the rules no gate fails for these
     * findings: the only rules that can fire in a session holding them (rules never change
     * findings). A new set on every call.
     */
    public BitSet candidateSet(Map<String, Finding> findings) {
        BitSet chosen = (BitSet) ungated.clone();
        for (var e : gates.entrySet()) {
            Finding f = findings.get(e.getKey());
            List<Integer> open = f != null && f.isKnown()
                    ? e.getValue().byValue().getOrDefault(f.getValue(), List.of())
                    : e.getValue().all();
            for (int i : open) {
                chosen.set(i);
            }
        }
        return chosen;
    }
}
