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
import pajakdx.Diagnosis;
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
        assertTrue(e.problems().get(0).file().endsWith("coretax/join.drl"), e.getMessage());
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("joins 3 patterns not pinned by id"), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "(a+)+b",
        "(a|aa)*c",
        "((ab)*c)+",
        ".*a.*b.*c",
        "x{2,}y+z*",
    })
    void aConditionPatternThatWouldBacktrack_runsInLinearTime_onTheLongestText(String regex, @TempDir Path tmp) {
        RuleBase base = RuleBase.load(withNote(tmp, "value matches \"" + regex.replace("\\", "\\\\") + "\""));
        Case c = Case.builder("long").asOf("2025-02-03").problem("impersonate-fails")
                .answer("demo.note", "a".repeat(1_999)).build();
        Diagnosis d = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> base.diagnose(c));
        assertTrue(d.causesWithStatus("confirmed").isEmpty(), "no match on a long text of a's: " + d.causes());
    }

    @Test
    void aPatternTooLargeToRunFast_isRefusedAtLoad_withItsLine(@TempDir Path tmp) {
        Path rules = withNote(tmp, "value matches \".{0,2000}a.{0,2000}a.{0,2000}a.{0,2000}b\"");
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBase.load(rules));
        assertTrue(e.problems().get(0).file().endsWith("coretax/regex.drl"), e.getMessage());
        assertEquals(7, e.problems().get(0).line(), e.getMessage());
        assertTrue(e.getMessage().contains("states"), e.getMessage());
    }

    @Test
    void conditionPatternsMustBeLiteral_andSafeLiteralsLoad(@TempDir Path tmp) {
        Path rules = withNote(tmp, "$v : value, value matches $v");
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBase.load(rules));
        assertTrue(e.getMessage().contains("regex.drl:7:"), e.getMessage());
        TempRules.write(rules, "coretax/regex.drl", noteRule("value matches \"(npwp|nik) [0-9]{15,16}.*\""));
        RuleBase base = RuleBase.load(rules);
        Case c = Case.builder("m").asOf("2025-02-03").problem("impersonate-fails").answer("demo.note", "nik 1234").build();
        assertTrue(base.diagnose(c).causesWithStatus("confirmed").isEmpty(), "a note that does not match concludes nothing");
        Case hit = c.with("demo.note", "nik 1234567890123456 tidak dikenal");
        assertEquals("confirmed", base.diagnose(hit).cause("pic-name-differs-ahu").orElseThrow().status());
    }

    /** A copy of rules/ with a text finding demo.note and a rule testing it with {@code constraint}. */
    private static Path withNote(Path tmp, String constraint) {
        Path rules = TempRules.copyOfRules(tmp);
        TempRules.write(rules, "coretax/note.yaml", """
                title: {id: "Catatan", en: "Note"}
                findings:
                  - id: demo.note
                    type: text
                    question: {id: "Catatan?", en: "Note?"}
                """);
        TempRules.write(rules, "coretax/regex.drl", noteRule(constraint));
        return rules;
    }

    private static String noteRule(String constraint) {
        return "package rules.coretax;\nimport pajakdx.facts.*;\nrule \"Matches a text\"\n"
                + "    @relations(\"IMP-3\") @source(\"djp-coretax-2025-01-21\")\nwhen\n"
                + "    Finding(id == \"problem\", value == \"impersonate-fails\")\n"
                + "    Finding(id == \"demo.note\", " + constraint + ")\n"
                + "then\n    insertLogical(Cause.confirmed(\"pic-name-differs-ahu\"));\nend\n";
    }

    @Test
    void aMessagePatternThatWouldBacktrack_runsInLinearTime_andTheOtherRowsStillWork(@TempDir Path tmp) {
        Path rules = TempRules.copyOfRules(tmp);
        TempRules.write(rules, "coretax/messages.yaml", """
                title: {id: "Pesan", en: "Messages"}
                messages:
                  - id: catastrophic
                    pattern: "^(a+)+b$"
                    sets: {badan.last-login-shown: "no"}
                  - id: stack-eater
                    pattern: "(\\\\w|\\\\s)+ gagal"
                    sets: {badan.last-login-shown: "no"}
                """);
        RuleBase base = RuleBase.load(rules);
        Case slow = Case.builder("slow").asOf("2025-02-03").problem("impersonate-fails")
                .error("a".repeat(1_999) + "c").build();
        Case deep = Case.builder("deep").asOf("2025-02-03").problem("impersonate-fails")
                .error(("upload faktur ".repeat(200)).substring(0, 1990)).build();
        for (Case c : java.util.List.of(slow, deep)) {
            Diagnosis d = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> base.diagnose(c));
            assertEquals("suspected", d.cause("badan-never-logged-in").orElseThrow().status(), "no row matched");
        }
        Case hit = Case.builder("hit").asOf("2025-02-03").problem("impersonate-fails")
                .error("upload gagal").build();
        assertEquals("confirmed", base.diagnose(hit).cause("badan-never-logged-in").orElseThrow().status());
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
    void whenARuleLoops_thenTheErrorNamesTheRule(@TempDir Path tmp) {
        Path rules = TempRules.copyWithFailingRule(tmp);
        RuleBase base = RuleBase.load(rules);
        Case c = Case.builder("loops").asOf("2025-02-03").problem("impersonate-fails")
                .unknown("badan.last-login-shown").build();
        RuleFailureException e = assertThrows(RuleFailureException.class, () -> base.diagnose(c));
        assertTrue(e.getMessage().contains("Loops while the last login is unknown"), e.getMessage());
    }
}
