package pajakdx.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pajakdx.base.Problem;
import pajakdx.facts.Status;

/**
 * Writes the suspected and ruled-out rules of a cause from the rule that confirms it, so that an
 * analyst writes one rule where three were needed. A rule marked {@code @derive("suspected,
 * ruledOut")} reads three-valued: its first condition (in practice the problem) is the context
 * it applies in, and each further condition either holds, fails (its finding is known and the
 * test fails) or is unknown (its finding is not known yet). Then:
 * <ul>
 *   <li>confirmed: every condition holds (the rule as written);</li>
 *   <li>suspected: in the context, a finding it tests is unknown and no condition fails;</li>
 *   <li>ruled out: in the context, some condition fails.</li>
 * </ul>
 * Conditions that only bind a variable ({@code $a : AsOf()}) belong to the context too. A
 * condition that can be varied is a positive pattern on a Finding named by id, or on the AsOf
 * (known in every case, so never unknown). Explicit rules stay possible and are needed where a
 * cause is ruled out by less than the failure of its confirming conditions.
 */
public final class Derivation {
    /** The metadata that asks for derived rules, and its values. */
    public static final String METADATA = "derive";
    private static final String SUSPECTED = "suspected";
    private static final String RULED_OUT = "ruledOut";

    private Derivation() {
    }

    /** The files with every derived rule placed right after the rule it comes from. */
    public static List<RuleFile> expand(List<RuleFile> files, List<Problem> problems) {
        List<RuleFile> out = new ArrayList<>();
        for (RuleFile f : files) {
            List<Rule> rules = new ArrayList<>();
            for (Rule r : f.rules()) {
                rules.add(r);
                if (r.metadata().containsKey(METADATA)) {
                    rules.addAll(derive(r, problems));
                }
            }
            out.add(new RuleFile(f.file(), f.packageName(), List.copyOf(rules)));
        }
        return List.copyOf(out);
    }

    private static List<Rule> derive(Rule r, List<Problem> problems) {
        List<String> wanted = new ArrayList<>();
        for (String w : split(r.metadata().get(METADATA))) {
            String norm = w.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
            if (norm.equals("suspected")) {
                wanted.add(SUSPECTED);
            } else if (norm.equals("ruledout")) {
                wanted.add(RULED_OUT);
            } else {
                return refuse(r, "@derive(\"" + r.metadata().get(METADATA) + "\") names '" + w
                        + "'; it takes suspected and ruledOut", problems);
            }
        }
        if (wanted.isEmpty()) {
            return refuse(r, "@derive needs suspected, ruledOut or both", problems);
        }
        if (r.conclusions().isEmpty() || r.conclusions().stream().anyMatch(k -> k.target() != Conclusion.Target.CAUSE
                || k.status() != Status.CONFIRMED)) {
            return refuse(r, "@derive works on a rule that only confirms causes (insertLogical(Cause.confirmed(...)))",
                    problems);
        }
        List<Condition> top = Condition.top(r.condition());
        List<Condition> context = new ArrayList<>();
        List<Condition.Pattern> varied = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            Condition c = top.get(i);
            if (i == 0 || c instanceof Condition.Pattern p && p.tests().isEmpty()) {
                context.add(c);
            } else if (c instanceof Condition.Pattern p && (p.type() == FactType.AS_OF
                    || p.type() == FactType.FINDING && p.findingId() != null && !onlyKnownTests(p))) {
                varied.add(p);
            } else {
                return refuse(r, "@derive cannot vary the condition '" + describe(c) + "': after the first condition,"
                        + " each must be a pattern on a Finding named by id (or on the AsOf) that tests its value;"
                        + " write the suspected and ruled-out rules yourself", problems);
            }
        }
        if (varied.isEmpty()) {
            return refuse(r, "@derive needs conditions after the first one to vary", problems);
        }
        String base = r.name().replaceFirst("(?i):\\s*confirmed\\s*$", "");
        Map<String, Rule> out = new LinkedHashMap<>();
        if (wanted.contains(SUSPECTED)) {
            for (Condition.Pattern p : varied) {
                if (p.type() != FactType.FINDING) {
                    continue; // the as-of is always known
                }
                List<Condition> when = new ArrayList<>(context);
                for (Condition.Pattern other : varied) {
                    when.add(other == p ? unknown(p) : notFailed(other));
                }
                String name = unique(out, base + ": suspected while " + p.findingId() + " is unknown");
                out.put(name, derived(r, name, when, Status.SUSPECTED));
            }
        }
        if (wanted.contains(RULED_OUT)) {
            for (Condition.Pattern p : varied) {
                List<Condition> when = new ArrayList<>(context);
                when.addAll(binders(p, varied));
                when.add(failed(p));
                String name = unique(out, base + ": ruled out by "
                        + (p.type() == FactType.AS_OF ? "the as-of date" : p.findingId()));
                out.put(name, derived(r, name, when, Status.RULED_OUT));
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * {@code name}, or {@code name (2)}, {@code (3)}... when a rule of that name was derived already:
     * two varied conditions on one finding each rule the cause out, and neither may replace the other.
     */
    private static String unique(Map<String, Rule> out, String name) {
        String candidate = name;
        for (int n = 2; out.containsKey(candidate); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile(" \\((\\d+)\\)$");

    private static final java.util.regex.Pattern CONFIRMED = java.util.regex.Pattern.compile("(?i):\\s*confirmed\\s*$");
    private static final java.util.regex.Pattern TERKONFIRMASI =
            java.util.regex.Pattern.compile("(?i):\\s*terkonfirmasi\\s*$");

    /**
     * The Indonesian title of a derived rule, from the Indonesian title of the rule it comes from
     * ({@code baseId}): the same endings as its name, in Indonesian; null when its name has none of them.
     */
    static String titleId(String baseId, Rule derived) {
        String base = CONFIRMED.matcher(derived.derivedFrom()).replaceFirst("");
        String idBase = TERKONFIRMASI.matcher(baseId).replaceFirst("");
        if (!derived.name().startsWith(base + ": ")) {
            return null;
        }
        String ending = derived.name().substring(base.length() + 2);
        java.util.regex.Matcher numbered = NUMBERED.matcher(ending);
        String number = numbered.find() ? numbered.group() : "";
        ending = ending.substring(0, ending.length() - number.length());
        if (ending.startsWith("suspected while ") && ending.endsWith(" is unknown")) {
            return idBase + ": diduga selama " + ending.substring(16, ending.length() - 11) + " belum diketahui" + number;
        }
        if (ending.equals("ruled out by the as-of date")) {
            return idBase + ": disingkirkan oleh tanggal kejadian" + number;
        }
        if (ending.startsWith("ruled out by ")) {
            return idBase + ": disingkirkan oleh " + ending.substring(13) + number;
        }
        return null;
    }

    /**
     * The variables {@code p} uses that another varied condition binds ({@code $a : AsOf(onOrAfter(...))}
     * before {@code this.daysBefore($a)}), each bound alone: a rule ruled out by {@code p} leaves the
     * other conditions out, and without its binding Drools could not compile the rule.
     */
    private static List<Condition> binders(Condition.Pattern p, List<Condition.Pattern> varied) {
        List<Condition> out = new ArrayList<>();
        for (Condition.Pattern other : varied) {
            if (other != p && other.binding() != null && p.tests().stream().anyMatch(c -> uses(c, other.binding()))) {
                out.add(new Condition.Pattern(other.type(), other.binding(), List.of(), other.at()));
            }
        }
        return out;
    }

    private static boolean uses(Constraint c, String variable) {
        if (c instanceof Constraint.AllOf all) {
            return all.parts().stream().anyMatch(x -> uses(x, variable));
        }
        if (c instanceof Constraint.AnyOf any) {
            return any.parts().stream().anyMatch(x -> uses(x, variable));
        }
        return c instanceof Constraint.Measure m && m.variable().equals(variable);
    }

    private static boolean onlyKnownTests(Condition.Pattern p) {
        return p.tests().stream().allMatch(c -> c instanceof Constraint.Known);
    }

    /** {@code not Finding(id == "x", known)}. */
    private static Condition unknown(Condition.Pattern p) {
        return new Condition.Not(new Condition.Pattern(FactType.FINDING, null,
                List.of(idTest(p), new Constraint.Known(false, p.at())), p.at()));
    }

    /** The pattern with its tests negated: the finding is known and fails them. */
    private static Condition.Pattern failed(Condition.Pattern p) {
        List<Constraint> tests = p.tests();
        Constraint negated = tests.size() == 1 ? tests.get(0).negate()
                : new Constraint.AllOf(tests, p.at()).negate();
        List<Constraint> constraints = new ArrayList<>();
        if (p.type() == FactType.FINDING) {
            constraints.add(idTest(p));
            constraints.add(new Constraint.Known(false, p.at()));
        }
        constraints.add(negated);
        return new Condition.Pattern(p.type(), p.binding(), List.copyOf(constraints), p.at());
    }

    /** The condition does not fail: for a finding, no known value fails it; the as-of must hold it. */
    private static Condition notFailed(Condition.Pattern p) {
        if (p.type() == FactType.AS_OF) {
            return p;
        }
        Condition.Pattern failed = failed(p);
        return new Condition.Not(new Condition.Pattern(failed.type(), null, failed.constraints(), failed.at()));
    }

    private static Constraint idTest(Condition.Pattern p) {
        return new Constraint.Compare(Constraint.Field.ID, Constraint.Op.EQ, p.findingId(), null, p.at());
    }

    private static Rule derived(Rule r, String name, List<Condition> when, Status status) {
        Map<String, String> metadata = new LinkedHashMap<>(r.metadata());
        metadata.remove(METADATA);
        List<Conclusion> conclusions = r.conclusions().stream()
                .map(k -> new Conclusion(Conclusion.Target.CAUSE, k.id(), status, k.at())).toList();
        return new Rule(name, r.topic(), r.at(), r.relations(), r.sources(), Map.copyOf(metadata), conclusions,
                new Condition.All(List.copyOf(when)), r.name(), r.metadataAt());
    }

    private static String describe(Condition c) {
        if (c instanceof Condition.Not) {
            return "not ...";
        }
        if (c instanceof Condition.Exists) {
            return "exists ...";
        }
        if (c instanceof Condition.Any) {
            return "... or ...";
        }
        return c instanceof Condition.Pattern p ? p.type().drl() + "(...)" : "...";
    }

    private static List<Rule> refuse(Rule r, String message, List<Problem> problems) {
        problems.add(Problem.at(r.at().file(), r.at().line(), 0, "rule '" + r.name() + "': " + message));
        return List.of();
    }

    private static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String s : value.split("[,\\s]+")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }
}
