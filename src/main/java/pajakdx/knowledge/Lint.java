package pajakdx.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pajakdx.Problem;
import pajakdx.collect.Suggest;
import pajakdx.facts.Finding;
import pajakdx.facts.FindingType;

/**
 * Checks that compiled rules and the catalog agree: metadata names known relations and
 * sources, conditions use the vocabulary, conclusions name declared causes and remedies, no
 * rule is dead, and no declared cause, remedy or finding is left unused. Errors make a rule
 * base unloadable; warnings are reported by {@code check} only.
 */
final class Lint {
    private static final Pattern LITERAL = Pattern.compile("\\b(value|format)\\s*(==|!=)\\s*\"([^\"]*)\"");

    private final Catalog catalog;
    private final List<RuleInfo> rules;
    private final DrlText drl;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    private Lint(Catalog catalog, List<RuleInfo> rules, DrlText drl) {
        this.catalog = catalog;
        this.rules = rules;
        this.drl = drl;
    }

    /** Lints {@code rules} against {@code catalog}; adds to {@code errors} and {@code warnings}. */
    static void run(Catalog catalog, List<RuleInfo> rules, DrlText drl, List<Problem> errors, List<Problem> warnings) {
        Lint lint = new Lint(catalog, rules, drl);
        for (RuleInfo rule : rules) {
            lint.metadata(rule);
            lint.conclusions(rule);
            boolean vocabularyOk = lint.vocabulary(rule, rule.condition());
            if (vocabularyOk) {
                NeverFires.why(rule, catalog).ifPresent(why -> lint.error(why.findingId() != null
                        ? drl.findLast(rule, why.findingId()) : drl.findCode(rule, code -> code.contains("AsOf")),
                        "rule '" + rule.name() + "' can never fire: " + why.text()));
            }
        }
        lint.unused();
        errors.addAll(lint.errors);
        warnings.addAll(lint.warnings);
    }

    private void metadata(RuleInfo rule) {
        if (!rule.concludes()) {
            warn(drl.of(rule), "rule '" + rule.name() + "' concludes nothing: its right-hand side inserts no Cause"
                    + " and offers no Remedy");
            return;
        }
        if (rule.relations().isEmpty()) {
            error(drl.of(rule), "rule '" + rule.name() + "' concludes something but names no relation: add"
                    + " @relations(\"ID\") with ids from relations.yaml");
        }
        if (rule.sources().isEmpty()) {
            error(drl.of(rule), "rule '" + rule.name() + "' concludes something but cites no source: add"
                    + " @source(\"key\") with a key from sources.yaml");
        }
        for (String r : rule.relations()) {
            if (!catalog.relations().containsKey(r)) {
                error(drl.find(rule, r), "rule '" + rule.name() + "' names unknown relation '" + r
                        + "' (not in relations.yaml)" + Suggest.closest(r, catalog.relations().keySet()));
            }
        }
        for (String s : rule.sources()) {
            if (!catalog.sources().containsKey(s)) {
                error(drl.find(rule, s), "rule '" + rule.name() + "' cites unknown source '" + s
                        + "' (not in sources.yaml)" + Suggest.closest(s, catalog.sources().keySet()));
            }
        }
    }

    private void conclusions(RuleInfo rule) {
        for (Conclusion k : rule.conclusions()) {
            boolean cause = k.target() == Conclusion.Target.CAUSE;
            Set<String> declared = cause ? catalog.causes().keySet() : catalog.remedies().keySet();
            String what = cause ? "cause" : "remedy";
            if (!declared.contains(k.id())) {
                error(drl.find(rule, k.id()), "rule '" + rule.name() + "' concludes " + what + " '" + k.id()
                        + "', which no catalog file declares" + Suggest.closest(k.id(), declared));
                continue;
            }
            List<String> declaredRelations = cause ? catalog.causes().get(k.id()).relations()
                    : catalog.remedies().get(k.id()).relations();
            if (!declaredRelations.isEmpty() && !rule.relations().isEmpty()
                    && catalog.relations().keySet().containsAll(rule.relations())
                    && declaredRelations.stream().noneMatch(rule.relations()::contains)) {
                warn(drl.find(rule, k.id()), "rule '" + rule.name() + "' names " + String.join(", ", rule.relations())
                        + " but concludes " + what + " '" + k.id() + "', which encodes "
                        + String.join(", ", declaredRelations));
            }
        }
    }

    /** Checks every Finding pattern's id and literal values; false when something is unknown. */
    private boolean vocabulary(RuleInfo rule, Condition c) {
        boolean ok = true;
        for (Condition child : children(c)) {
            ok &= vocabulary(rule, child);
        }
        if (c instanceof Condition.Pattern p) {
            ok = pattern(rule, p);
        }
        return ok;
    }

    /** The conditions directly inside {@code c}. */
    private static List<Condition> children(Condition c) {
        if (c instanceof Condition.All a) {
            return a.children();
        }
        if (c instanceof Condition.Any a) {
            return a.children();
        }
        if (c instanceof Condition.Not n) {
            return List.of(n.child());
        }
        if (c instanceof Condition.Exists e) {
            return List.of(e.child());
        }
        return List.of();
    }

    private boolean pattern(RuleInfo rule, Condition.Pattern p) {
        if (p.type() != Finding.class) {
            return true;
        }
        if (p.findingId() == null) {
            error(drl.findCode(rule, code -> code.matches(".*\\bFinding\\s*\\(.*") && !code.matches(".*\\bid\\s*==.*")),
                    "rule '" + rule.name() + "': a Finding condition must name its finding, one id with =="
                            + " as in Finding(id == \"some.finding\", value == \"yes\"); without it the rule could"
                            + " match any finding and its vocabulary cannot be checked");
            return false;
        }
        FindingDef def = catalog.findings().get(p.findingId());
        if (def == null) {
            error(drl.find(rule, p.findingId()), "rule '" + rule.name() + "' tests unknown finding '" + p.findingId()
                    + "'" + Suggest.closest(p.findingId(), catalog.findings().keySet())
                    + "; declare it under 'findings:' in a topic .yaml");
            return false;
        }
        boolean ok = true;
        for (String expr : p.constraints()) {
            Matcher m = LITERAL.matcher(expr);
            while (m.find()) {
                String problem = m.group(1).equals("value") ? badValue(def, m.group(3)) : badFormat(def, m.group(3));
                if (problem != null) {
                    error(drl.find(rule, p.findingId(), m.group(3)), "rule '" + rule.name() + "': " + problem);
                    ok = false;
                }
            }
        }
        return ok;
    }

    private static String badValue(FindingDef def, String value) {
        List<String> allowed = def.valueIds();
        if (!allowed.isEmpty()) {
            return allowed.contains(value) ? null : "'" + value + "' is not a value of " + def.type().label()
                    + " finding '" + def.id() + "'" + Suggest.closest(value, allowed) + " (allowed: "
                    + String.join(", ", allowed) + "), so the condition can never hold";
        }
        if (def.type() == FindingType.NUMBER && !value.matches("-?\\d+")) {
            return "'" + value + "' is not a number, but finding '" + def.id() + "' holds numbers";
        }
        if (def.type() == FindingType.DATE && !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return "'" + value + "' is not a date (YYYY-MM-DD), but finding '" + def.id() + "' holds dates";
        }
        return null;
    }

    private static String badFormat(FindingDef def, String format) {
        if (def.type() != FindingType.IDENTIFIER) {
            return "finding '" + def.id() + "' is a " + def.type().label() + " finding and has no format";
        }
        return def.formats().contains(format) ? null : "'" + format + "' is not a format of identifier '"
                + def.id() + "' (allowed: " + String.join(", ", def.formats()) + ")";
    }

    /** Declared knowledge that nothing uses: usually a typo on one side, or a rule not written yet. */
    private void unused() {
        Set<String> concludedCauses = new HashSet<>();
        Set<String> offered = new HashSet<>();
        Set<String> tested = new HashSet<>();
        for (RuleInfo r : rules) {
            for (Conclusion k : r.conclusions()) {
                (k.target() == Conclusion.Target.CAUSE ? concludedCauses : offered).add(k.id());
            }
            collectFindings(r.condition(), tested);
        }
        for (CauseDef cause : catalog.causes().values()) {
            offered.addAll(cause.remedies());
            if (!concludedCauses.contains(cause.id())) {
                warn(cause.at(), "cause '" + cause.id() + "' is declared but no rule concludes it");
            }
        }
        for (RemedyDef remedy : catalog.remedies().values()) {
            if (!offered.contains(remedy.id())) {
                warn(remedy.at(), "remedy '" + remedy.id() + "' is never offered: no cause lists it under"
                        + " 'remedies:' and no rule offers it");
            }
        }
        for (FindingDef f : catalog.findings().values()) {
            if (!f.id().equals(Catalog.PROBLEM) && !tested.contains(f.id())) {
                warn(f.at(), "finding '" + f.id() + "' is declared but no rule tests it");
            }
        }
    }

    private static void collectFindings(Condition c, Set<String> out) {
        if (c instanceof Condition.Pattern p && p.findingId() != null) {
            out.add(p.findingId());
        }
        children(c).forEach(x -> collectFindings(x, out));
    }

    private void error(DrlText.Pos at, String message) {
        errors.add(Problem.at(at.file(), at.line(), at.column(), message));
    }

    private void warn(DrlText.Pos at, String message) {
        warnings.add(Problem.at(at.file(), at.line(), at.column(), message));
    }

    private void warn(Location at, String message) {
        warnings.add(Problem.at(at.file(), at.line(), 0, message));
    }
}
