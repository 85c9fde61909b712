package pajakdx.efaktur;

import pajakdx.internal.RuleBases;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pajakdx.Case;
import pajakdx.Diagnosis;
import pajakdx.TestRules;
import pajakdx.knowledge.Kind;
import pajakdx.knowledge.Relation;
import pajakdx.verify.ExpectationCheck;

/**
 * Sections D and E of the knowledge map (UPL, NPWP, DESK, WEB) are covered: every relation is
 * named by a rule; every cause is confirmed by one case of facts/efaktur and ruled out by another;
 * every generic relation is offered as a remedy by some case.
 */
class EfakturCoverageTest {
    private static final Map<String, Diagnosis> DIAGNOSES = new LinkedHashMap<>();

    @BeforeAll
    static void diagnoseEveryEfakturCase() throws IOException {
        try (Stream<Path> walk = Files.walk(TestRules.factsDir().resolve("efaktur"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                DIAGNOSES.put(p.getFileName().toString(), TestRules.rules().diagnose(Case.read(p)));
            }
        }
    }

    private static List<Relation> efakturRelations() {
        return RuleBases.of(TestRules.rules()).catalog().relations().values().stream()
                .filter(r -> r.id().matches("(UPL|NPWP|DESK|WEB)-\\d+")).toList();
    }

    private static List<String> casesWith(String relation, String status) {
        List<String> out = new ArrayList<>();
        DIAGNOSES.forEach((file, d) -> {
            if (d.causesWithStatus(status).stream().anyMatch(c -> ExpectationCheck.matches(c, relation))) {
                out.add(file);
            }
        });
        return out;
    }

    @Test
    void theMapHoldsAllTwentySevenEfakturRelations() {
        assertTrue(efakturRelations().size() == 27, "UPL-1..6, NPWP-1, DESK-1..10, WEB-1..10: " + efakturRelations());
    }

    @Test
    void everyRelationIsNamedByARule() {
        for (Relation r : efakturRelations()) {
            assertTrue(RuleBases.of(TestRules.rules()).rules().stream().anyMatch(rule -> rule.relations().contains(r.id())),
                    r.id() + " has no rule");
        }
    }

    @Test
    void everyCauseIsConfirmedInOneCaseAndRuledOutInAnother() {
        for (Relation r : efakturRelations()) {
            if (r.kind() != Kind.CAUSE) {
                continue;
            }
            assertFalse(casesWith(r.id(), "confirmed").isEmpty(), r.id() + " is confirmed by no case");
            assertFalse(casesWith(r.id(), "ruled-out").isEmpty(), r.id() + " is ruled out by no case");
        }
    }

    @Test
    void everyGenericRelationIsOfferedAsARemedy() {
        for (Relation r : efakturRelations()) {
            if (r.kind() != Kind.GENERIC) {
                continue;
            }
            assertTrue(DIAGNOSES.values().stream().anyMatch(d -> d.remedies().stream()
                    .anyMatch(s -> s.relations().contains(r.id()))), r.id() + " is offered by no case");
        }
    }

    @Test
    void escalationComesLastWhereverItIsOffered() {
        DIAGNOSES.forEach((file, d) -> {
            boolean seenEscalation = false;
            for (Diagnosis.RemedyStep s : d.remedies()) {
                assertFalse(seenEscalation && !s.escalation(), file + ": " + s.id() + " after an escalation");
                seenEscalation |= s.escalation();
            }
        });
    }
}
