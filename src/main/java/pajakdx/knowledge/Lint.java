package pajakdx.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pajakdx.base.Problem;
import pajakdx.text.Suggest;
import pajakdx.facts.FindingType;

/**
 * Checks that the rule model and the catalog agree: metadata names known relations and
 * sources, conditions use the vocabulary, conclusions name declared causes and remedies, no
 * rule is dead or joins without bound, and no declared cause, remedy or finding is left unused.
 * Errors make a rule base unloadable; warnings are reported by {@code check} only. Every
 * message points at the place the model recorded for the piece it is about.
 */
public final class Lint {
    private final Catalog catalog;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    private Lint(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Each enumerated finding's values as a set: {@code problem} has one per problem, tested by nearly every rule. */
    private final Map<String, Set<String>> valueSets = new HashMap<>();

    /** Lints {@code rules} against {@code catalog}; adds to {@code errors} and {@code warnings}. */
    public static void run(Catalog catalog, List<Rule> rules, List<Problem> errors, List<Problem> warnings) {
        Lint lint = new Lint(catalog);
        NeverFires neverFires = new NeverFires(catalog);
        for (Rule rule : rules) {
            if (rule.derivedFrom() != null) {
                continue; // its vocabulary, metadata and conclusions are the rule's it was derived from
            }
            lint.metadata(rule);
            lint.conclusions(rule);
            String join = JoinBound.check(rule);
            if (join != null) {
                lint.error(rule.at(), join);
            }
            boolean vocabularyOk = lint.vocabulary(rule, rule.condition());
            if (vocabularyOk) {
                neverFires.why(rule).ifPresent(why -> lint.error(why.pattern() != null ? why.pattern().at()
                        : rule.at(), "rule '" + rule.name() + "' can never fire: " + why.text()));
            }
        }
        lint.unused(rules);
        lint.titles(rules);
        lint.summaries();
        errors.addAll(lint.errors);
        warnings.addAll(lint.warnings);
    }

    private void metadata(Rule rule) {
        if (!rule.concludes()) {
            warn(rule.at(), "rule '" + rule.name() + "' concludes nothing: its right-hand side inserts no Cause"
                    + " and offers no Remedy");
            return;
        }
        if (rule.relations().isEmpty()) {
            error(rule.at(), "rule '" + rule.name() + "' concludes something but names no relation: add"
                    + " @relations(\"ID\") with ids from relations.yaml");
        }
        if (rule.sources().isEmpty()) {
            error(rule.at(), "rule '" + rule.name() + "' concludes something but cites no source: add"
                    + " @source(\"key\") with a key from sources.yaml");
        }
        for (String r : rule.relations()) {
            if (!catalog.relations().containsKey(r) && !catalog.unreadable(r, "relations.yaml")) {
                error(rule.metadataAt("relations"), "rule '" + rule.name() + "' names unknown relation '" + r
                        + "' (not in relations.yaml)" + Suggest.closest(r, catalog.relations().keySet()));
            }
        }
        for (String s : rule.sources()) {
            if (!catalog.sources().containsKey(s) && !catalog.unreadable(s, "sources.yaml")) {
                error(rule.metadataAt(rule.metadata().containsKey("source") ? "source" : "sources"), "rule '"
                        + rule.name() + "' cites unknown source '" + s
                        + "' (not in sources.yaml)" + Suggest.closest(s, catalog.sources().keySet()));
            }
        }
    }

    private void conclusions(Rule rule) {
        for (Conclusion k : rule.conclusions()) {
            boolean cause = k.target() == Conclusion.Target.CAUSE;
            Set<String> declared = cause ? catalog.causes().keySet() : catalog.remedies().keySet();
            String what = cause ? "cause" : "remedy";
            if (!declared.contains(k.id())) {
                if (catalog.declaredButBroken(k.id())) {
                    continue; // its declaration's own error says what is wrong
                }
                error(k.at() != null ? k.at() : rule.at(), "rule '" + rule.name() + "' concludes " + what + " '" + k.id()
                        + "', which no catalog file declares" + Suggest.closest(k.id(), declared));
                continue;
            }
            List<String> declaredRelations = cause ? catalog.causes().get(k.id()).relations()
                    : catalog.remedies().get(k.id()).relations();
            if (!declaredRelations.isEmpty() && !rule.relations().isEmpty()
                    && catalog.relations().keySet().containsAll(rule.relations())
                    && declaredRelations.stream().noneMatch(rule.relations()::contains)) {
                warn(k.at() != null ? k.at() : rule.at(), "rule '" + rule.name() + "' names "
                        + String.join(", ", rule.relations())
                        + " but concludes " + what + " '" + k.id() + "', which encodes "
                        + String.join(", ", declaredRelations));
            }
        }
    }

    /** Checks every Finding pattern's id and literal values; false when something is unknown. */
    private boolean vocabulary(Rule rule, Condition c) {
        boolean ok = true;
        for (Condition child : Condition.children(c)) {
            ok &= vocabulary(rule, child);
        }
        if (c instanceof Condition.Pattern p) {
            ok = pattern(rule, p);
        }
        return ok;
    }

    private boolean pattern(Rule rule, Condition.Pattern p) {
        if (p.type() != FactType.FINDING) {
            return true;
        }
        if (p.findingId() == null) {
            error(p.at(), "rule '" + rule.name() + "': a Finding condition must name its finding, one id with =="
                    + " as in Finding(id == \"some.finding\", value == \"yes\"); without it the rule could"
                    + " match any finding and its vocabulary cannot be checked");
            return false;
        }
        FindingDef def = catalog.findings().get(p.findingId());
        if (def == null && catalog.declaredButBroken(p.findingId())) {
            return false; // its declaration's own error says what is wrong
        }
        if (def == null) {
            Location at = p.constraints().stream().filter(c -> c instanceof Constraint.Compare k
                    && k.field() == Constraint.Field.ID).map(Constraint::at).findFirst().orElse(p.at());
            error(at, "rule '" + rule.name() + "' tests unknown finding '" + p.findingId() + "'"
                    + Suggest.closest(p.findingId(), catalog.findings().keySet())
                    + "; declare it under 'findings:' in a topic .yaml");
            return false;
        }
        boolean ok = true;
        for (Constraint c : p.tests()) {
            ok &= literals(rule, def, c);
        }
        return ok;
    }

    /** Checks the literals of one test against the finding's declaration. */
    private boolean literals(Rule rule, FindingDef def, Constraint c) {
        if (c instanceof Constraint.AnyOf any) {
            return any.parts().stream().map(p -> literals(rule, def, p)).reduce(true, Boolean::logicalAnd);
        }
        if (c instanceof Constraint.AllOf all) {
            return all.parts().stream().map(p -> literals(rule, def, p)).reduce(true, Boolean::logicalAnd);
        }
        String problem = null;
        if (c instanceof Constraint.Compare k && k.number() == null) {
            problem = switch (k.field()) {
                case VALUE -> badValue(def, k.value());
                case FORMAT -> badFormat(def, k.value());
                case ID -> "'id' is tested once, as the pattern's first test";
                default -> null;
            };
        } else if (c instanceof Constraint.Compare k && k.field() == Constraint.Field.NUMBER
                && def.type() != FindingType.NUMBER) {
            problem = "finding '" + def.id() + "' is a " + def.type().label() + " finding and has no number";
        } else if ((c instanceof Constraint.DateTest || c instanceof Constraint.Measure) && def.type() != FindingType.DATE) {
            problem = "finding '" + def.id() + "' is a " + def.type().label() + " finding, not a date";
        } else if (c instanceof Constraint.Matches m && !def.valueIds().isEmpty() && def.valueIds().stream()
                .noneMatch(v -> Boolean.TRUE.equals(m.test(pajakdx.facts.Finding.of(def.id(), def.type(), v), Map.of())))) {
            problem = "'" + m.raw() + "' holds for no value of " + def.type().label() + " finding '" + def.id()
                    + "' (allowed: " + String.join(", ", def.valueIds()) + "), so the condition can never hold;"
                    + " compare with ==, as in value == \"" + def.valueIds().get(0) + "\"";
        }
        if (problem != null) {
            error(c.at(), "rule '" + rule.name() + "': " + problem);
            return false;
        }
        return true;
    }

    private String badValue(FindingDef def, String value) {
        Set<String> known = valueSets.computeIfAbsent(def.id(), k -> new HashSet<>(def.valueIds()));
        if (!known.isEmpty()) {
            if (known.contains(value)) {
                return null;
            }
            List<String> allowed = def.valueIds();
            return "'" + value + "' is not a value of " + def.type().label()
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
    private void unused(List<Rule> rules) {
        Set<String> concludedCauses = new HashSet<>();
        Set<String> offered = new HashSet<>();
        Set<String> tested = new HashSet<>();
        for (Rule r : rules) {
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
            if (!Catalog.builtIn(f.id()) && !tested.contains(f.id())) {
                warn(f.at(), "finding '" + f.id() + "' is declared but no rule tests it");
            }
        }
    }

    /**
     * Every rule shown to people has a title in both languages: its name in English, and in
     * Indonesian under {@code rule_titles:} of its topic (derived rules take theirs from the
     * rule they come from); a title for a rule that does not exist is a typo. A folder with no
     * titles at all (written before titles existed) is shown by rule names and warned about nothing.
     */
    private void titles(List<Rule> rules) {
        Set<String> names = new HashSet<>();
        boolean titled = !catalog.ruleTitles().isEmpty();
        for (Rule r : rules) {
            names.add(r.name());
            if (titled && r.derivedFrom() == null && !catalog.ruleTitles().containsKey(r.name())) {
                warn(r.at(), "rule '" + r.name() + "' has no Indonesian title; add it under 'rule_titles:' in "
                        + r.topic() + ".yaml");
            }
        }
        for (RuleTitle t : catalog.ruleTitles().values()) {
            if (!names.contains(t.rule())) {
                warn(t.at(), "rule_titles names rule '" + t.rule() + "', which no .drl file has"
                        + pajakdx.text.Suggest.closest(t.rule(), names));
            }
        }
    }

    /**
     * Every relation's summary is read in Indonesian by default and in English with --lang en:
     * {@code summary: {id: "...", en: "..."}}. A plain string (the form before summaries were
     * bilingual) is English only and shown in both languages. As for rule titles, a folder none of
     * whose summaries has an Indonesian one (written before they existed) is warned about nothing.
     */
    private void summaries() {
        if (catalog.relations().values().stream().noneMatch(r -> !r.summaryId().isEmpty())) {
            return;
        }
        for (Relation r : catalog.relations().values()) {
            if (r.lacksIndonesian()) {
                warn(r.at(), "relation '" + r.id() + "' has no Indonesian summary; write its summary as"
                        + " {id: \"...\", en: \"...\"} in relations.yaml");
            }
        }
    }

    private static void collectFindings(Condition c, Set<String> out) {
        if (c instanceof Condition.Pattern p && p.findingId() != null) {
            out.add(p.findingId());
        }
        Condition.children(c).forEach(x -> collectFindings(x, out));
    }

    private void error(Location at, String message) {
        errors.add(Problem.at(at.file(), at.line(), at.column(), message));
    }

    private void warn(Location at, String message) {
        warnings.add(Problem.at(at.file(), at.line(), at.column(), message));
    }
}
