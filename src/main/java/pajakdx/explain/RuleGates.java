package pajakdx.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pajakdx.facts.Finding;
import pajakdx.knowledge.Condition;
import pajakdx.knowledge.Gate;
import pajakdx.knowledge.Rule;

/**
 * Rules grouped by their gate (see {@link Gate}): a top-level condition that admits only listed
 * values of one finding (in practice the problem). When that finding is known and its value is
 * none the gate admits, that condition fails and so the whole rule does, whatever else is known:
 * question selection skips such rules without evaluating them. The rules left are exactly those
 * the three-valued evaluation would not find failed on their gate, in the original order.
 */
public final class RuleGates {
    /** Rules (by position) of one gate finding: all of them, and those admitting each value. */
    private record Gates(List<Integer> all, Map<String, List<Integer>> byValue) {
    }

    private final int size;
    private final List<Integer> ungated = new ArrayList<>();
    private final Map<String, Gates> gates = new HashMap<>();

    public RuleGates(List<Rule> rules) {
        size = rules.size();
        for (int i = 0; i < rules.size(); i++) {
            Gate gate = Gate.of(rules.get(i).condition());
            if (gate == null) {
                ungated.add(i);
                continue;
            }
            Gates g = gates.computeIfAbsent(gate.findingId(), f -> new Gates(new ArrayList<>(), new HashMap<>()));
            g.all().add(i);
            for (String v : gate.values()) {
                g.byValue().computeIfAbsent(v, x -> new ArrayList<>()).add(i);
            }
        }
    }

    /** The rules of {@code rules} (the list this was built from) not failed by a gate, in order. */
    public List<Rule> candidates(List<Rule> rules, Map<String, Finding> findings) {
        RuleSet chosen = candidateSet(findings);
        List<Rule> out = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size() && chosen.get(i) < size; i++) {
            out.add(rules.get(chosen.get(i)));
        }
        return out;
    }

    /**
     * The positions (in the list this was built from) of the rules no gate fails for these
     * findings: the only rules that can fire in a session holding them (rules never change
     * findings). A new set on every call.
     */
    public RuleSet candidateSet(Map<String, Finding> findings) {
        // Gathered from the lists of the gates that open, not from a set as wide as the rule base.
        int[] chosen = new int[16];
        int n = 0;
        for (int i : ungated) {
            chosen = grow(chosen, n);
            chosen[n++] = i;
        }
        for (var e : gates.entrySet()) {
            Finding f = findings.get(e.getKey());
            if (f == null || !f.isKnown()) {
                for (int i : e.getValue().all()) {
                    chosen = grow(chosen, n);
                    chosen[n++] = i;
                }
                continue;
            }
            // The gate is a set: a case with several problems opens the rules of each.
            for (String value : f.getValues()) {
                for (int i : e.getValue().byValue().getOrDefault(value, List.of())) {
                    chosen = grow(chosen, n);
                    chosen[n++] = i;
                }
            }
        }
        Arrays.sort(chosen, 0, n);
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            if (distinct == 0 || chosen[distinct - 1] != chosen[k]) {
                chosen[distinct++] = chosen[k];
            }
        }
        return new RuleSet(Arrays.copyOf(chosen, distinct));
    }

    private static int[] grow(int[] a, int n) {
        return n < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }

    /** The gate of {@code condition} as {@link Gate#of} reads it (for tests). */
    static Gate gateOf(Condition condition) {
        return Gate.of(condition);
    }

    /** Values a gate admits (for tests). */
    static Set<String> admitted(Condition condition) {
        Gate g = Gate.of(condition);
        return g == null ? null : g.values();
    }
}
