package pajakdx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.RuleBase;
import pajakdx.base.RuleBaseException;
import pajakdx.base.RuleFailureException;
import pajakdx.TempRules;

/**
 * Rules that loop, throw or run long are stopped and named; nothing hangs. The guards, in order:
 * the loader bounds what one rule can cost (joins of unpinned patterns, regular expressions);
 * the firing limit stops loops; the time limit, checked before each firing, stops rules that
 * keep firing slowly; the message table runs its patterns with a work budget.
 */
public class RuleFailureTest {
    /** Builds rules with bare Drools, past our loader, to prove the engine's own guards. */
    static org.kie.api.KieBase bare(String drl) {
        var builder = org.kie.internal.builder.KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(org.kie.internal.io.ResourceFactory.newByteArrayResource(
                drl.getBytes(java.nio.charset.StandardCharsets.UTF_8)), org.kie.api.io.ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new AssertionError(builder.getErrors().toString());
        }
        return builder.newKieBase();
    }

    static final String LOOP = """
            package loop;
            import pajakdx.facts.*;
            rule "Re-asserts its own finding"
            when
                $f : Finding(id == "problem")
            then
                update($f);
            end
            """;

    @Test
    void whenRulesKeepFiringPastTheTimeLimit_thenTheyAreStoppedAndTheRuleNamed() {
        // A firing limit this high would let the loop run for minutes; the time limit stops it.
        try (LiveSession s = new LiveSession(bare(LOOP), Integer.MAX_VALUE, Duration.ofMillis(200), false)) {
            s.set(pajakdx.facts.Finding.of("problem", pajakdx.facts.FindingType.CHOICE, "x"));
            RuleFailureException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(RuleFailureException.class, s::fire));
            assertEquals("Re-asserts its own finding", e.rule());
            assertTrue(e.getMessage().contains("time limit of 200 ms"), e.getMessage());
        }
    }

    @Test
    void whenARightHandSideThrows_thenTheErrorNamesTheRule() {
        // Our loader would refuse this right-hand side; bare Drools proves the engine's guard.
        org.kie.api.KieBase base = bare("""
                package boom;
                import pajakdx.facts.*;
                rule "Throws on firing"
                when
                    Finding(id == "problem")
                then
                    throw new IllegalStateException("boom");
                end
                """);
        try (LiveSession s = new LiveSession(base, 100, false)) {
            s.set(pajakdx.facts.Finding.of("problem", pajakdx.facts.FindingType.CHOICE, "x"));
            RuleFailureException e = assertThrows(RuleFailureException.class, s::fire);
            assertEquals("Throws on firing", e.rule());
            assertEquals("rule 'Throws on firing' failed: IllegalStateException: boom", e.getMessage());
        }
    }

    /**
     * A loop written with nothing but the allowed right-hand sides: the first rule's conclusion
     * leads the second to a conclusion that undoes the first rule's condition, and so on.
     */
    public static final String FLIP_FLOP = """
            package rules.coretax;
            import pajakdx.facts.*;
            rule "Advises while the PIC cause is open"
                @relations("IMP-4") @source("pajakku-impersonate")
            when
                Finding(id == "problem", value == "impersonate-fails")
                not Cause(id == "pic-name-differs-ahu", confirmed)
            then
                insertLogical(Remedy.offer("check-connection"));
            end

            rule "Confirms the PIC cause when advised"
                @relations("IMP-3") @source("djp-coretax-2025-01-21")
            when
                Remedy(id == "check-connection")
            then
                insertLogical(Cause.confirmed("pic-name-differs-ahu"));
            end
            """;

    @Test
    void whenAllowedRulesUndoEachOther_thenTheFiringLimitStopsThemAndNamesThem(@TempDir Path tmp) {
        Path rules = TempRules.copyOfRules(tmp);
        TempRules.write(rules, "coretax/flip-flop.drl", FLIP_FLOP);
        RuleBase base = RuleBase.load(rules);
        Case c = Case.builder("loop").asOf("2025-02-03").problem("impersonate-fails").build();
        RuleFailureException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(RuleFailureException.class, () -> base.diagnose(c)));
        assertTrue(e.rule().equals("Advises while the PIC cause is open")
                || e.rule().equals("Confirms the PIC cause when advised"), e.rule());
        assertTrue(e.getMessage().contains("past the limit of " + RuleBase.DEFAULT_FIRE_LIMIT + " firings"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'Advises while the PIC cause is open'")
                && e.getMessage().contains("'Confirms the PIC cause when advised'"), "names both: " + e.getMessage());
        // Another problem does not wake the loop: the same rule base still diagnoses it.
        base.diagnose(Case.builder("other").asOf("2025-02-03").problem("cannot-access-coretax").build());
    }

    @Test
    void whenARuleJoinsManyUnpinnedPatterns_thenItIsRefusedAtLoad(@TempDir Path tmp) {
        Path rules = TempRules.copyOfRules(tmp);
        TempRules.write(rules, "coretax/join.drl", """
                package rules.coretax;
                import pajakdx.facts.*;
                rule "Joins everything with everything"
                    @relations("IMP-4") @source("pajakku-impersonate")
                when
                    Finding(id == "problem", value == "impersonate-fails")
                    Finding(known)
                    Finding(known)
                    not Finding(known == false, value == null)
                then
                    insertLogical(Remedy.offer("check-connection"));
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBase.load(rules));
        assertEquals("coretax/join.drl", e.problems().get(0).file());
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("joins 3 patterns not pinned by id"), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "(a+)+b              ; repeats a group that itself repeats",
        "(a|aa)*c            ; repeats a group that itself repeats or alternates",
        "((ab)*c)+           ; repeats a group that itself repeats",
        ".*a.*b.*c           ; 3 unbounded repetitions",
        "x{2,}y+z*           ; 3 unbounded repetitions",
    })
    void whenAConditionPatternCouldBacktrackWithoutEnd_thenItIsRefusedAtLoad(String regex, String why) throws Exception {
        Path rules = TempRules.copyOfRules(java.nio.file.Files.createTempDirectory("regex"));
        TempRules.write(rules, "coretax/regex.drl", textRule("value matches \"" + regex.replace("\\", "\\\\") + "\""));
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBase.load(rules));
        assertEquals(7, e.problems().get(0).line(), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void conditionPatternsMustBeLiteral_andSafeLiteralsLoad(@TempDir Path tmp) {
        Path rules = TempRules.copyOfRules(tmp);
        TempRules.write(rules, "coretax/regex.drl", textRule("$v : value, value matches $v"));
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBase.load(rules));
        assertTrue(e.getMessage().contains("must be a literal text"), e.getMessage());
        TempRules.write(rules, "coretax/regex.drl", textRule("value matches \"(npwp|nik) [0-9]{15,16}.*\""));
        assertTrue(RuleBase.load(rules).rule("Matches a text").isPresent());
    }

    private static String textRule(String constraint) {
        return "package rules.coretax;\nimport pajakdx.facts.*;\nrule \"Matches a text\"\n"
                + "    @relations(\"IMP-4\") @source(\"pajakku-impersonate\")\nwhen\n"
                + "    Finding(id == \"problem\", value == \"impersonate-fails\")\n"
                + "    Finding(id == \"badan.last-login-shown\", " + constraint + ")\n"
                + "then\n    insertLogical(Remedy.offer(\"check-connection\"));\nend\n";
    }

    @Test
    void whenAMessagePatternBacktracksWithoutEnd_thenItIsStoppedAndNamed(@TempDir Path tmp) {
        Path rules = TempRules.copyOfRules(tmp);
        TempRules.write(rules, "coretax/messages.yaml", """
                title: {id: "Pesan", en: "Messages"}
                messages:
                  - id: catastrophic
                    pattern: "^(a+)+b$"
                    sets: {badan.last-login-shown: "no"}
                """);
        RuleBase base = RuleBase.load(rules);
        Case c = Case.builder("slow").asOf("2025-02-03").problem("impersonate-fails")
                .message("a".repeat(1_999) + "c").build();
        RuleFailureException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(RuleFailureException.class, () -> base.diagnose(c)));
        assertEquals("catastrophic", e.rule());
        assertTrue(e.getMessage().startsWith("coretax/messages.yaml:3: message pattern 'catastrophic' backtracks"),
                e.getMessage());
        // An ordinary message still goes through the same pattern quickly.
        assertEquals("confirmed", base.diagnose(c.withMessages(java.util.List.of("aaab")))
                .cause("badan-never-logged-in").orElseThrow().status());
    }

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
        Path rules = TempRules.copyWithThrowingRule(tmp);
        RuleBase base = RuleBase.load(rules);
        Case c = Case.builder("throws").asOf("2025-02-03").problem("impersonate-fails")
                .unknown("badan.last-login-shown").build();
        RuleFailureException e = assertThrows(RuleFailureException.class, () -> base.diagnose(c));
        assertTrue(e.getMessage().contains("Reads a value that is not there"), e.getMessage());
    }
}
