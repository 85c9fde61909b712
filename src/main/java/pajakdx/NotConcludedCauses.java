package pajakdx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import pajakdx.engine.Justification;
import pajakdx.engine.Snapshot;
import pajakdx.facts.Status;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.CauseDef;
import pajakdx.knowledge.FindingDef;
import pajakdx.knowledge.Rule;

/**
 * The diagnosis' {@code notConcluded}, computed here and nowhere else: which causes it lists as
 * not concluded ("Belum disimpulkan"), each with its WHY NOT. Those of the case's
 * own problems that no rule gave a status, leaving out the ones explained away (a confirmed
 * cause already accounts for their problems). A cause of another problem is never listed: its
 * rules fail on the problem, which says nothing about this case. A case without a problem lists
 * the causes of the topics it touches, as before problems were a set.
 */
final class NotConcludedCauses {
    private final Catalog catalog;
    private final ExplainingAway away;
    private final Map<String, List<CauseDef>> causesByTopic;
    private final Map<String, Integer> causeOrder;

    NotConcludedCauses(Catalog catalog, ExplainingAway away, Map<String, List<CauseDef>> causesByTopic,
                       Map<String, Integer> causeOrder) {
        this.catalog = catalog;
        this.away = away;
        this.causesByTopic = causesByTopic;
        this.causeOrder = causeOrder;
    }

    /**
     * The causes to list (see {@link #select}), each with its WHY NOT as {@code whyNot} gives it
     * (every rule that could conclude the cause, condition by condition).
     */
    List<Diagnosis.NotConcluded> list(Snapshot snap, Map<String, Rule> rulesByName, Map<String, Status> status,
                                      List<String> problems, Predicate<String> settled,
                                      java.util.function.Function<String, List<Diagnosis.RuleCheck>> whyNot) {
        List<Diagnosis.NotConcluded> out = new ArrayList<>();
        for (CauseDef def : select(snap, rulesByName, status, problems, settled)) {
            out.add(new Diagnosis.NotConcluded(def.id(), def.kind().label(), def.relations(), def.sources(),
                    def.text(), whyNot.apply(def.id())));
        }
        return out;
    }

    /** The causes to list, in catalog order. */
    List<CauseDef> select(Snapshot snap, Map<String, Rule> rulesByName, Map<String, Status> status,
                          List<String> problems, Predicate<String> settled) {
        List<CauseDef> out = new ArrayList<>();
        if (!problems.isEmpty()) {
            Set<String> seen = new HashSet<>();
            for (String problem : problems) {
                for (String id : away.causesOf(problem)) {
                    CauseDef def = catalog.causes().get(id);
                    if (def != null && seen.add(id) && !status.containsKey(id) && !settled.test(id)) {
                        out.add(def);
                    }
                }
            }
            out.sort(Comparator.comparingInt(def -> causeOrder.get(def.id())));
            return out;
        }
        Set<String> topics = new HashSet<>();
        status.keySet().forEach(id -> catalog.cause(id).ifPresent(def -> topics.add(def.topic())));
        for (List<Justification> justifications : snap.remedies().values()) {
            for (Justification j : justifications) {
                Rule rule = rulesByName.get(j.rule());
                if (rule != null) {
                    topics.add(rule.topic());
                }
            }
        }
        for (String findingId : snap.findings().keySet()) {
            FindingDef def = catalog.findings().get(findingId);
            if (def != null && !Catalog.builtIn(findingId)) {
                topics.add(def.topic());
            }
        }
        // By topic, in catalog order: the cost follows the topics the case touches, not the
        // size of the whole catalog.
        for (String topic : topics) {
            for (CauseDef def : causesByTopic.getOrDefault(topic, List.of())) {
                if (!status.containsKey(def.id())) {
                    out.add(def);
                }
            }
        }
        out.sort(Comparator.comparingInt(def -> causeOrder.get(def.id())));
        return out;
    }
}
