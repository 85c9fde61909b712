package pajakdx.explain;

import pajakdx.internal.RuleBases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import pajakdx.RuleBase;
import pajakdx.TestRules;
import pajakdx.engine.Snapshot;
import pajakdx.facts.AsOf;
import pajakdx.facts.Finding;
import pajakdx.facts.FindingType;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.FindingDef;
import pajakdx.knowledge.Rule;

/** Question selection skips rules by their gate only when the evaluation would find them failed. */
class RuleGatesTest {

    @Test
    void everyRuleLeftOut_isFailedByTheEvaluation_andOrderIsKept() {
        RuleBase rules = TestRules.rules();
        RuleGates gates = new RuleGates(RuleBases.of(rules).rules());
        Random random = new Random(42);
        int skipped = 0;
        for (int n = 0; n < 2000; n++) {
            Map<String, Finding> findings = randomFindings(RuleBases.of(rules).catalog(), random);
            Snapshot snap = new Snapshot(findings, AsOf.ofDate(LocalDate.of(2025, 2, 3)), Map.of(), Map.of(), List.of());
            List<Rule> candidates = gates.candidates(RuleBases.of(rules).rules(), findings);
            assertEquals(RuleBases.of(rules).rules().stream().filter(candidates::contains).toList(), candidates, "rule order kept");
            Evaluator evaluator = new Evaluator(snap);
            for (Rule r : RuleBases.of(rules).rules()) {
                if (!candidates.contains(r)) {
                    skipped++;
                    assertEquals(Truth.FAILED, evaluator.evaluate(r.condition(), false).truth(),
                            r.name() + " left out with " + findings.values());
                }
            }
        }
        assertTrue(skipped > 0, "the gates leave some rules out");
    }

    @Test
    void theProblemIsTheGateOfTheImpersonateRules() {
        for (Rule r : RuleBases.of(TestRules.rules()).rules().stream().filter(r -> r.topic().equals("coretax/impersonate")).toList()) {
            var gate = RuleGates.gateOf(r.condition());
            assertTrue(gate != null && gate.findingId().equals(Catalog.PROBLEM), r.name() + " has no problem gate");
        }
    }

    /** Each finding of the vocabulary absent, unknown, or one of its values (or a made-up one). */
    static Map<String, Finding> randomFindings(Catalog catalog, Random random) {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (FindingDef def : catalog.findings().values()) {
            int pick = random.nextInt(4);
            if (pick == 0) {
                continue;
            }
            if (pick == 1) {
                out.put(def.id(), Finding.unknown(def.id(), def.type()));
                continue;
            }
            List<String> values = new ArrayList<>(def.valueIds());
            values.add("something-else");
            FindingType type = def.type() == FindingType.YES_NO || def.type() == FindingType.CHOICE ? def.type()
                    : FindingType.TEXT;
            out.put(def.id(), Finding.of(def.id(), type, values.get(random.nextInt(values.size()))));
        }
        return out;
    }
}
