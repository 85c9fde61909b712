package pajakdx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.RuleBase;
import pajakdx.RuleFailureException;
import pajakdx.TempRules;

/** Rules that loop or throw are stopped and named; nothing hangs. */
class RuleFailureTest {

    @Test
    void whenARuleLoops_thenTheFiringLimitStopsItAndNamesIt() {
        // Our loader refuses such a right-hand side (see RuleCompilerTest); build it with bare
        // Drools to prove the second guard, the firing limit, on a real endless loop.
        var builder = org.kie.internal.builder.KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(org.kie.internal.io.ResourceFactory.newByteArrayResource("""
                package loop;
                import pajakdx.facts.*;
                rule "Re-asserts its own finding"
                when
                    $f : Finding(id == "problem")
                then
                    update($f);
                end
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)), org.kie.api.io.ResourceType.DRL);
        org.kie.api.KieBase base = builder.newKieBase();
        try (LiveSession s = new LiveSession(base, 500, false)) {
            s.set(pajakdx.facts.Finding.of("problem", pajakdx.facts.FindingType.CHOICE, "x"));
            RuleFailureException e = assertThrows(RuleFailureException.class, s::fire);
            assertEquals("Re-asserts its own finding", e.rule());
            assertTrue(e.getMessage().contains("limit of 500"), e.getMessage());
        }
    }

    @Test
    void whenFiringsExceedALowLimit_thenDiagnosisStopsWithAClearError() {
        RuleBase base = pajakdx.TestRules.rules().withFireLimit(2);
        Case c = Case.builder("busy").asOf("2025-02-03").problem("impersonate-fails").build();
        RuleFailureException e = assertThrows(RuleFailureException.class, () -> base.diagnose(c));
        assertTrue(e.getMessage().contains("limit of 2 firings"), e.getMessage());
    }

    @Test
    void whenAConditionThrows_thenTheErrorNamesTheRule(@TempDir Path tmp) {
        Path rules = TempRules.copyOfRules(tmp);
        TempRules.write(rules, "coretax/throws.drl", """
                package rules.coretax;
                import pajakdx.facts.*;
                rule "Reads a value that is not there"
                    @relations("IMP-1") @source("pajakku-impersonate")
                when
                    Finding(id == "badan.last-login-shown", value.length() > 100)
                then
                    insertLogical(Cause.confirmed("badan-never-logged-in"));
                end
                """);
        RuleBase base = RuleBase.load(rules);
        Case c = Case.builder("throws").asOf("2025-02-03").problem("impersonate-fails")
                .unknown("badan.last-login-shown").build();
        RuleFailureException e = assertThrows(RuleFailureException.class, () -> base.diagnose(c));
        assertTrue(e.getMessage().contains("Reads a value that is not there"), e.getMessage());
    }
}
