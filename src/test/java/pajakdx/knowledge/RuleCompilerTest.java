package pajakdx.knowledge;

import pajakdx.internal.RuleBases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.base.Problem;
import pajakdx.RuleBase;
import pajakdx.base.RuleBaseException;
import pajakdx.TempRules;
import pajakdx.TestRules;

/** Broken or unsafe DRL is reported with file and line, and never loaded. */
class RuleCompilerTest {

    private static List<Problem> problemsOf(Path tmp, String file, String drl) {
        Path rules = TempRules.copyOfRules(tmp);
        TempRules.write(rules, file, drl);
        return assertThrows(RuleBaseException.class, () -> RuleBase.load(rules)).problems();
    }

    @Test
    void bundledRulesCompileAndEveryConcludingRuleNamesRelationsAndSource() {
        RuleBase base = TestRules.rules();
        assertFalse(RuleBases.of(base).rules().isEmpty());
        for (Rule r : RuleBases.of(base).rules()) {
            if (r.concludes()) {
                assertFalse(r.relations().isEmpty(), r.name() + " names no relation");
                assertFalse(r.sources().isEmpty(), r.name() + " names no source");
            }
        }
    }

    @Test
    void whenSyntaxError_thenFileAndLineAreReported(@TempDir Path tmp) {
        List<Problem> problems = problemsOf(tmp, "coretax/broken.drl", """
                package rules.coretax;
                import pajakdx.facts.*;
                rule "Broken"
                when
                    Finding(id == "problem" value == "x")
                then
                end
                """);
        Problem p = problems.get(0);
        assertTrue(p.file().endsWith("/coretax/broken.drl"), p.toString());
        assertEquals(5, p.line(), p.toString());
    }

    @Test
    void whenUnknownFactType_thenReportedInPlainWords(@TempDir Path tmp) {
        List<Problem> problems = problemsOf(tmp, "coretax/unknown-type.drl", """
                package rules.coretax;
                import pajakdx.facts.*;
                rule "Uses a type that does not exist"
                    @relations("IMP-1") @source("pajakku-impersonate")
                when
                    Findng(id == "problem")
                then
                    insertLogical(Cause.confirmed("badan-never-logged-in"));
                end
                """);
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("/coretax/unknown-type.drl")
                && p.message().contains("unknown fact type 'Findng' (did you mean 'Finding'?)")), problems.toString());
    }

    @Test
    void whenRightHandSideCallsSystemExit_thenRefusedBeforeCompiling(@TempDir Path tmp) {
        List<Problem> problems = problemsOf(tmp, "coretax/exit.drl", """
                package rules.coretax;
                import pajakdx.facts.*;
                rule "Exits"
                    @relations("IMP-1") @source("pajakku-impersonate")
                when
                    Finding(id == "problem")
                then
                    System.exit(1);
                end
                """);
        Problem p = problems.get(0);
        assertTrue(p.file().endsWith("/coretax/exit.drl"), p.toString());
        assertEquals(8, p.line(), p.toString());
        assertTrue(p.message().contains("System.exit"), p.message());
    }

    @Test
    void whenConditionReachesOutside_thenRefused(@TempDir Path tmp) {
        List<Problem> problems = problemsOf(tmp, "coretax/clock.drl", """
                package rules.coretax;
                import pajakdx.facts.*;
                rule "Reads the clock"
                    @relations("IMP-1") @source("pajakku-impersonate")
                when
                    Finding(id == "problem", System.currentTimeMillis() > 0)
                then
                    insertLogical(Cause.confirmed("badan-never-logged-in"));
                end
                """);
        assertEquals(6, problems.get(0).line(), problems.toString());
    }

    @Test
    void whenDuplicateRuleName_thenBothPlacesAreNamed(@TempDir Path tmp) {
        List<Problem> problems = problemsOf(tmp, "coretax/dup.drl", """
                package rules.coretax;
                import pajakdx.facts.*;
                rule "Badan account never logged in: confirmed"
                    @relations("IMP-1") @source("pajakku-impersonate")
                when
                    Finding(id == "problem")
                then
                    insertLogical(Cause.confirmed("badan-never-logged-in"));
                end
                """);
        assertEquals(1, problems.size(), problems.toString());
        String text = problems.get(0).toString();
        assertTrue(text.contains("duplicate rule name") && text.contains("impersonate.drl")
                && text.contains("dup.drl:3"), text);
    }

    @Test
    void whenRuleConcludesUndeclaredCause_thenReported(@TempDir Path tmp) {
        List<Problem> problems = problemsOf(tmp, "coretax/undeclared.drl", """
                package rules.coretax;
                import pajakdx.facts.*;
                rule "Concludes a cause nobody declared"
                    @relations("IMP-1") @source("pajakku-impersonate")
                when
                    Finding(id == "problem")
                then
                    insertLogical(Cause.confirmed("no-such-cause"));
                end
                """);
        // Pointed at the literal in the right-hand side (line 8), not just at the rule keyword.
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("no-such-cause") && p.line() == 8),
                problems.toString());
    }

    @Test
    void whenCatalogYamlIsMalformed_thenFileAndLineAreReported(@TempDir Path tmp) {
        Path rules = TempRules.copyOfRules(tmp);
        TempRules.write(rules, "coretax/bad.yaml", "causes:\n  - id: x\n    kind: cause\n   text: [oops\n");
        List<Problem> problems = assertThrows(RuleBaseException.class, () -> RuleBase.load(rules)).problems();
        assertTrue(problems.get(0).file().endsWith("/coretax/bad.yaml"), problems.toString());
        assertTrue(problems.get(0).line() > 0, problems.toString());
    }

    @Test
    void ruleModelReadsConditionsAsWritten() {
        Rule r = RuleBases.of(TestRules.rules()).rule("China passport registration defect: ruled out for other registrants")
                .orElseThrow();
        Condition.All all = (Condition.All) r.condition();
        Condition.Pattern kind = (Condition.Pattern) all.children().get(1);
        assertEquals("registrant.kind", kind.findingId());
        assertEquals(1, kind.tests().size());
        assertTrue(kind.tests().get(0) instanceof Constraint.AnyOf, "in (...) is read as alternatives");
        assertEquals("value in (\"wni\", \"wna-other\")", kind.tests().get(0).drl());
        assertEquals(1, r.conclusions().size());
        Conclusion k = r.conclusions().get(0);
        assertEquals(List.of(Conclusion.Target.CAUSE, "china-passport-registration-defect",
                pajakdx.facts.Status.RULED_OUT), List.of(k.target(), k.id(), k.status()));
        assertTrue(k.at().line() > r.at().line(), "the statement's own line: " + k.at());
    }
}
