package pajakdx;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pajakdx.facts.Status;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.CauseDef;
import pajakdx.knowledge.Conclusion;
import pajakdx.knowledge.Gate;
import pajakdx.knowledge.Kind;
import pajakdx.knowledge.Rule;

/**
 * Explaining away: once a confirmed cause accounts for a problem of the case, the problem's other
 * causes are not needed to explain it. They are shown as {@code not-needed} instead of
 * suspected, their remedies are not offered and no question is asked about them (unless the
 * agent goes on, {@link DiagnoseOptions#withExplainAway(boolean)}).
 *
 * <p>A cause belongs to the problems its rules are gated on ({@code Finding(id == "problem",
 * value == ...)}); one with a rule that is not gated on the problem belongs to none and is never
 * explained away. A confirmed cause accounts for the case's problems it belongs to, unless it is
 * generic advice. A suspected cause is not needed when every problem of the case it belongs to is
 * accounted for by a cause it may not hold together with: the vocabulary names the causes that
 * can hold at the same time ({@code coexists:}), and those never explain each other away.
 */
final class ExplainingAway {
    /** The status of a cause explained away, in the diagnosis. */
    static final String NOT_NEEDED = "not-needed";

    private final Catalog catalog;
    /** Cause id to the problems its rules are gated on; absent when one of its rules is not gated on the problem. */
    private final Map<String, Set<String>> problemsOf = new HashMap<>();
    /** Problem to the causes tied to it, in rule order. */
    private final Map<String, Set<String>> causesOf = new HashMap<>();

    ExplainingAway(Catalog catalog, List<Rule> rules) {
        this.catalog = catalog;
        Set<String> ungated = new HashSet<>();
        for (Rule r : rules) {
            Gate gate = Gate.of(r.condition());
            for (Conclusion k : r.conclusions()) {
                if (k.target() != Conclusion.Target.CAUSE) {
                    continue;
                }
                if (gate == null || !gate.findingId().equals(Catalog.PROBLEM)) {
                    ungated.add(k.id());
                } else {
                    problemsOf.computeIfAbsent(k.id(), x -> new LinkedHashSet<>()).addAll(gate.values());
                }
            }
        }
        ungated.forEach(problemsOf::remove);
        problemsOf.forEach((cause, problems) -> problems.forEach(p -> causesOf.computeIfAbsent(p,
                x -> new LinkedHashSet<>()).add(cause)));
    }

    /** The causes tied to {@code problem}. */
    Set<String> causesOf(String problem) {
        return causesOf.getOrDefault(problem, Set.of());
    }

    /** The problems a cause's rules are gated on; empty when it is not tied to problems. */
    Set<String> problemsOf(String causeId) {
        return problemsOf.getOrDefault(causeId, Set.of());
    }

    /** The case's problems that {@code causeId} belongs to. */
    Set<String> ownProblems(String causeId, List<String> caseProblems) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : caseProblems) {
            if (problemsOf(causeId).contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * For each problem of the case a confirmed cause accounts for, the confirmed causes that do,
     * in the order of {@code status}.
     */
    Map<String, List<String>> accounted(Map<String, Status> status, List<String> caseProblems) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        status.forEach((id, s) -> {
            CauseDef def = catalog.causes().get(id);
            if (s != Status.CONFIRMED || def == null || def.kind() == Kind.GENERIC) {
                return;
            }
            for (String p : ownProblems(id, caseProblems)) {
                out.computeIfAbsent(p, x -> new java.util.ArrayList<>()).add(id);
            }
        });
        return out;
    }

    /**
     * True when every problem of the case that {@code causeId} belongs to is accounted for by a
     * confirmed cause it cannot hold together with.
     */
    boolean explainedAway(String causeId, List<String> caseProblems, Map<String, List<String>> accounted) {
        Set<String> own = ownProblems(causeId, caseProblems);
        if (own.isEmpty()) {
            return false;
        }
        for (String p : own) {
            List<String> by = accounted.getOrDefault(p, List.of());
            if (by.stream().allMatch(other -> coexist(causeId, other))) {
                return false;
            }
        }
        return true;
    }

    /** The confirmed causes that account for the problems of {@code causeId} (for the reason shown). */
    Set<String> explainedBy(String causeId, List<String> caseProblems, Map<String, List<String>> accounted) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : ownProblems(causeId, caseProblems)) {
            for (String other : accounted.getOrDefault(p, List.of())) {
                if (!coexist(causeId, other)) {
                    out.add(other);
                }
            }
        }
        return out;
    }

    private boolean coexist(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        CauseDef da = catalog.causes().get(a);
        CauseDef db = catalog.causes().get(b);
        return da != null && da.coexists().contains(b) || db != null && db.coexists().contains(a);
    }
}
