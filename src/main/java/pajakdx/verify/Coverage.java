package pajakdx.verify;

import pajakdx.internal.RuleBases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pajakdx.Diagnosis;
import pajakdx.RuleBase;
import pajakdx.knowledge.Kind;
import pajakdx.knowledge.Relation;
import pajakdx.knowledge.RemedyDef;
import pajakdx.knowledge.Rule;

/**
 * How much of the knowledge map the rules and the cases cover. A relation of relations.yaml is
 * covered when at least one rule names it and at least one case's diagnosis concludes it: a
 * cause encoding it is confirmed, or a remedy encoding it is offered. A rule is covered when it
 * fires in at least one case.
 *
 * @param relations every relation of relations.yaml, in file order, with its rules and cases
 * @param firings   rule name to the number of cases in which it fired, for every rule
 * @param rules     every rule of the rule base
 */
public record Coverage(List<RelationUse> relations, Map<String, Integer> firings, List<Rule> rules) {

    /** How a case's diagnosis mentions a relation. */
    public enum Use {
        CONFIRMED("confirmed"), OFFERED("offered"), RULED_OUT("ruled out");

        private final String label;

        Use(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A case that mentions a relation, and how. */
    public record CaseUse(String caseName, Use use) {
    }

    /**
     * One relation with the rules naming it and the cases mentioning it.
     *
     * @param relation the relation
     * @param rules    rules whose @relations name it
     * @param cases    cases whose diagnosis confirms, offers or rules it out
     */
    public record RelationUse(Relation relation, List<Rule> rules, List<CaseUse> cases) {

        /** True when a case concludes it (confirmed or offered; ruling out does not count). */
        public boolean concluded() {
            return cases.stream().anyMatch(c -> c.use() != Use.RULED_OUT);
        }

        /** True when a case rules it out (asked of every relation of kind cause). */
        public boolean ruledOut() {
            return cases.stream().anyMatch(c -> c.use() == Use.RULED_OUT);
        }

        /** A rule names it and a case concludes it. */
        public boolean covered() {
            return !rules.isEmpty() && concluded();
        }
    }

    /** Computes coverage of {@code rules} by the diagnosed {@code cases} (cases that failed to run count for nothing). */
    public static Coverage of(RuleBase rules, List<CaseResult> cases) {
        Map<String, Integer> firings = new LinkedHashMap<>();
        RuleBases.of(rules).rules().forEach(r -> firings.put(r.name(), 0));
        Map<String, Set<CaseUse>> uses = new LinkedHashMap<>();
        for (CaseResult c : cases) {
            Diagnosis d = c.diagnosis();
            if (d == null) {
                continue;
            }
            Set<String> fired = new LinkedHashSet<>();
            d.trace().forEach(f -> fired.add(f.rule()));
            fired.forEach(name -> firings.merge(name, 1, Integer::sum));
            for (Diagnosis.CauseResult cause : d.causes()) {
                Use use = switch (cause.status()) {
                    case "confirmed" -> Use.CONFIRMED;
                    case "ruled-out" -> Use.RULED_OUT;
                    default -> null;
                };
                if (use != null) {
                    cause.relations().forEach(r -> uses.computeIfAbsent(r, k -> new LinkedHashSet<>())
                            .add(new CaseUse(c.name(), use)));
                }
            }
            for (Diagnosis.RemedyStep step : d.remedies()) {
                RemedyDef def = RuleBases.of(rules).catalog().remedies().get(step.id());
                if (def != null) {
                    def.relations().forEach(r -> uses.computeIfAbsent(r, k -> new LinkedHashSet<>())
                            .add(new CaseUse(c.name(), Use.OFFERED)));
                }
            }
        }
        List<RelationUse> out = new ArrayList<>();
        for (Relation rel : RuleBases.of(rules).catalog().relations().values()) {
            List<Rule> naming = RuleBases.of(rules).rules().stream().filter(r -> r.relations().contains(rel.id())).toList();
            out.add(new RelationUse(rel, naming, List.copyOf(uses.getOrDefault(rel.id(), Set.of()))));
        }
        return new Coverage(List.copyOf(out), firings, RuleBases.of(rules).rules());
    }

    /** Relations with a rule and a concluding case. */
    public long coveredRelations() {
        return relations.stream().filter(RelationUse::covered).count();
    }

    /** Percentage of relations covered; 100 when relations.yaml lists none. */
    public double relationPercent() {
        return relations.isEmpty() ? 100.0 : 100.0 * coveredRelations() / relations.size();
    }

    /** Relations no rule names. */
    public List<RelationUse> withoutRule() {
        return relations.stream().filter(r -> r.rules().isEmpty()).toList();
    }

    /** Relations a rule names but no case concludes. */
    public List<RelationUse> withoutCase() {
        return relations.stream().filter(r -> !r.rules().isEmpty() && !r.concluded()).toList();
    }

    /** Relations of kind cause that a case concludes but none rules out. */
    public List<RelationUse> causesNeverRuledOut() {
        return relations.stream().filter(r -> r.relation().kind() == Kind.CAUSE && r.concluded() && !r.ruledOut())
                .toList();
    }

    /** Rules that fire in no case. */
    public List<Rule> neverFired() {
        return rules.stream().filter(r -> firings.getOrDefault(r.name(), 0) == 0).toList();
    }

    /** Percentage of rules that fire in at least one case; 100 when there are no rules. */
    public double rulePercent() {
        return rules.isEmpty() ? 100.0 : 100.0 * (rules.size() - neverFired().size()) / rules.size();
    }
}
