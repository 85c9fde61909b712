package pajakdx.explain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import pajakdx.engine.Snapshot;
import pajakdx.facts.Finding;
import pajakdx.knowledge.Condition;
import pajakdx.knowledge.Constraint;
import pajakdx.knowledge.FactType;

/**
 * Evaluates a rule's conditions against a snapshot with three values: met, failed, or unknown
 * because a finding it tests is not known yet. This is what WHY NOT and question selection
 * stand on; the engine itself never calls it. It remembers each rule's outcome for its snapshot,
 * so use one per snapshot and thread.
 */
public final class Evaluator {
    /**
     * What to ask when a condition on the as-of cannot be decided (the case gave only a month or
     * a year, or no date at all): the incident date, which is not a finding of the vocabulary.
     */
    public static final String AS_OF = "as_of";

    private final Snapshot snapshot;
    private final Function<Condition, String> textOf;
    // A diagnosis asks about the same rule several times (questions, WHY NOT of each cause it
    // concludes, causes not concluded); the snapshot does not change, so each rule is evaluated once.
    private final Map<Condition, Outcome> fullOutcomes = new IdentityHashMap<>();
    private final Map<Condition, Outcome> shortOutcomes = new IdentityHashMap<>();

    public Evaluator(Snapshot snapshot) {
        this(snapshot, ConditionText::of);
    }

    /** With {@code textOf} giving each condition's readable text (e.g. from texts rendered once per rule base). */
    public Evaluator(Snapshot snapshot, Function<Condition, String> textOf) {
        this.snapshot = snapshot;
        this.textOf = textOf;
    }

    /** The outcome of evaluating a condition tree. */
    public record Outcome(Truth truth, List<Check> checks, Set<String> unknownFindings) {
    }

    /**
     * Evaluates {@code condition}. With {@code full} true it reports every condition; with false it
     * may stop at the first failed top-level condition (enough to know a rule cannot fire), or
     * return the full outcome when this evaluator has one already.
     */
    public Outcome evaluate(Condition condition, boolean full) {
        Outcome known = fullOutcomes.get(condition);
        if (known == null && !full) {
            known = shortOutcomes.get(condition);
        }
        if (known != null) {
            return known;
        }
        Outcome o = compute(condition, full);
        // A short evaluation that failed nothing went through every condition: it is a full one.
        (full || o.truth() != Truth.FAILED ? fullOutcomes : shortOutcomes).put(condition, o);
        return o;
    }

    private Outcome compute(Condition condition, boolean full) {
        List<Condition> top = condition instanceof Condition.All a ? a.children() : List.of(condition);
        Map<String, Object> vars = new HashMap<>();
        vars.put("$asOf", snapshot.asOf());
        List<Check> checks = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Truth overall = Truth.MET;
        for (Condition c : top) {
            Result r = eval(c, vars);
            checks.add(new Check(textOf.apply(c), r.truth, r.because, r.ask));
            if (r.truth == Truth.FAILED) {
                overall = Truth.FAILED;
                if (!full) {
                    break;
                }
            } else if (r.truth == Truth.UNKNOWN) {
                unknown.addAll(r.unknown);
                if (overall == Truth.MET) {
                    overall = Truth.UNKNOWN;
                }
            }
        }
        return new Outcome(overall, checks, unknown);
    }

    private record Result(Truth truth, String because, String ask, Set<String> unknown) {
        static Result of(Truth t, String because) {
            return new Result(t, because, null, Set.of());
        }
    }

    private Result eval(Condition c, Map<String, Object> vars) {
        if (c instanceof Condition.Pattern p) {
            return pattern(p, vars);
        }
        if (c instanceof Condition.Not n) {
            Result r = eval(n.child(), new HashMap<>(vars));
            return switch (r.truth) {
                case MET -> Result.of(Truth.FAILED, r.because);
                case FAILED -> Result.of(Truth.MET, r.because);
                case UNKNOWN -> r;
            };
        }
        if (c instanceof Condition.Exists e) {
            return eval(e.child(), new HashMap<>(vars));
        }
        if (c instanceof Condition.All a) {
            Truth t = Truth.MET;
            List<String> because = new ArrayList<>();
            Set<String> unknown = new LinkedHashSet<>();
            String ask = null;
            for (Condition child : a.children()) {
                Result r = eval(child, vars);
                if (r.because != null) {
                    because.add(r.because);
                }
                if (r.truth == Truth.FAILED) {
                    return Result.of(Truth.FAILED, r.because);
                }
                if (r.truth == Truth.UNKNOWN) {
                    t = Truth.UNKNOWN;
                    unknown.addAll(r.unknown);
                    ask = ask == null ? r.ask : ask;
                }
            }
            return new Result(t, because.isEmpty() ? null : String.join("; ", because), ask, unknown);
        }
        if (c instanceof Condition.Any a) {
            Set<String> unknown = new LinkedHashSet<>();
            List<String> because = new ArrayList<>();
            String ask = null;
            for (Condition child : a.children()) {
                Result r = eval(child, new HashMap<>(vars));
                if (r.truth == Truth.MET) {
                    return r;
                }
                if (r.truth == Truth.UNKNOWN) {
                    unknown.addAll(r.unknown);
                    ask = ask == null ? r.ask : ask;
                }
                if (r.because != null) {
                    because.add(r.because);
                }
            }
            return unknown.isEmpty() ? Result.of(Truth.FAILED, String.join("; ", because))
                    : new Result(Truth.UNKNOWN, null, ask, unknown);
        }
        return new Result(Truth.UNKNOWN, "cannot be evaluated outside the engine", null, Set.of());
    }

    private Result pattern(Condition.Pattern p, Map<String, Object> vars) {
        if (p.findingId() != null) {
            return findingPattern(p, vars);
        }
        Collection<?> facts = switch (p.type()) {
            case FINDING -> snapshot.findings().values();
            case AS_OF -> List.of(snapshot.asOf());
            case CAUSE -> snapshot.causes().keySet();
            case REMEDY -> snapshot.remedies().keySet();
        };
        for (Object fact : facts) {
            Boolean ok = allHold(p.constraints(), fact, vars);
            if (ok == null && fact instanceof pajakdx.facts.AsOf a && !a.isPrecise()) {
                // A month or a year the test holds on for some days and not for others: the date decides.
                return new Result(Truth.UNKNOWN, fact.toString(), AS_OF, Set.of(AS_OF));
            }
            if (ok == null) {
                return new Result(Truth.UNKNOWN, "could not evaluate on " + fact, null, Set.of());
            }
            if (ok) {
                bind(p, fact, vars);
                return Result.of(Truth.MET, fact.toString());
            }
        }
        return Result.of(Truth.FAILED, p.type() == FactType.AS_OF ? String.valueOf(snapshot.asOf()) : "no such fact");
    }

    private Result findingPattern(Condition.Pattern p, Map<String, Object> vars) {
        Finding f = snapshot.findings().get(p.findingId());
        List<Constraint> tests = p.tests();
        if (f == null && pajakdx.knowledge.Catalog.MESSAGE.equals(p.findingId())) {
            // Which messages were recognised is never asked: with none, a test on one fails (as in the engine).
            return Result.of(Truth.FAILED, "no message recognised");
        }
        if (f != null && f.isMultiple()) {
            return several(p, f, tests, vars);
        }
        boolean onlyKnownTests = tests.stream().allMatch(c -> c instanceof Constraint.Known);
        if (f == null || !f.isKnown()) {
            if (onlyKnownTests && !tests.isEmpty()) {
                Finding standIn = f != null ? f : Finding.unknown(p.findingId(), pajakdx.facts.FindingType.TEXT);
                boolean ok = Boolean.TRUE.equals(allHold(tests, standIn, vars));
                return Result.of(ok ? Truth.MET : Truth.FAILED, p.findingId() + " is not known");
            }
            if (f != null && tests.isEmpty()) {
                return Result.of(Truth.MET, f.toString());
            }
            return new Result(Truth.UNKNOWN, f == null ? p.findingId() + " not answered" : f.toString(),
                    p.findingId(), Set.of(p.findingId()));
        }
        Boolean ok = allHold(tests, f, vars);
        if (ok == null && undecidedByDates(f, vars)) {
            // A date known to a month or a year (this one, or the as-of it is measured to): a
            // fuller date decides; the as-of is asked when this date is already a day.
            String ask = f.isPreciseDate() ? AS_OF : f.getId();
            return new Result(Truth.UNKNOWN, f.toString(), ask, Set.of(ask));
        }
        if (ok == null) {
            return new Result(Truth.UNKNOWN, "could not evaluate on " + f, null, Set.of());
        }
        if (ok) {
            bind(p, f, vars);
        }
        return Result.of(ok ? Truth.MET : Truth.FAILED, f.toString());
    }

    private static boolean undecidedByDates(Finding f, Map<String, Object> vars) {
        return f.getDate() != null && (!f.isPreciseDate()
                || vars.values().stream().anyMatch(v -> v instanceof pajakdx.facts.AsOf a && !a.isPrecise()));
    }

    /**
     * A finding holding several values (the problems of a case): the engine sees one fact per
     * value, so the pattern holds when it holds for one of them.
     */
    private Result several(Condition.Pattern p, Finding f, List<Constraint> tests, Map<String, Object> vars) {
        boolean undecided = false;
        for (Finding one : f.components()) {
            Boolean ok = allHold(tests, one, vars);
            if (Boolean.TRUE.equals(ok)) {
                bind(p, one, vars);
                return Result.of(Truth.MET, one.toString());
            }
            undecided |= ok == null;
        }
        return undecided ? new Result(Truth.UNKNOWN, "could not evaluate on " + f, null, Set.of())
                : Result.of(Truth.FAILED, f.toString());
    }

    /** True/false, or null when a constraint cannot be evaluated here. */
    private static Boolean allHold(List<Constraint> constraints, Object fact, Map<String, Object> vars) {
        for (Constraint c : constraints) {
            Boolean holds = c.test(fact, vars);
            if (holds == null) {
                return null;
            }
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static void bind(Condition.Pattern p, Object fact, Map<String, Object> vars) {
        if (p.binding() != null) {
            vars.put(p.binding(), fact);
        }
    }
}
