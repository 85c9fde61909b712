package pajakdx;

import pajakdx.base.CaseException;
import pajakdx.base.RuleFailureException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.json.Json;

/** The consultation API: one live session, answers revised with truth maintenance. */
class ConsultationTest {
    private static final DiagnoseOptions OPTIONS = DiagnoseOptions.DEFAULT
            .withClock(Clock.fixed(Instant.parse("2025-02-03T03:00:00Z"), ZoneOffset.UTC));

    private static Consultation start() {
        return new Consultation(TestRules.rules(), Case.builder("c").build(), OPTIONS);
    }

    private static String status(Diagnosis d, String cause) {
        return d.cause(cause).map(Diagnosis.CauseResult::status).orElse("absent");
    }

    @Test
    void whenAnAnswerChanges_thenConclusionsFollow_withoutANewSession() {
        try (Consultation c = start()) {
            assertEquals("suspected", status(c.answer("problem", "impersonate-fails"), "badan-never-logged-in"));
            assertEquals("ruled-out", status(c.answer("badan.last-login-shown", "ya"), "badan-never-logged-in"));
            Diagnosis back = c.answer("badan.last-login-shown", "no");
            assertEquals("confirmed", status(back, "badan-never-logged-in"));
            assertFalse(back.remedies().stream().anyMatch(r -> r.id().equals("check-connection")),
                    "the browser checks are blocked by a confirmed cause");
            Diagnosis removed = c.unset("badan.last-login-shown");
            assertEquals("suspected", status(removed, "badan-never-logged-in"));
            assertTrue(removed.remedies().stream().anyMatch(r -> r.id().equals("check-connection")),
                    "and come back when it is withdrawn");
            // A fresh session per change would only hold the last firings; this trace holds them all.
            List<String> fired = removed.trace().stream().map(Diagnosis.Firing::rule).toList();
            assertTrue(fired.contains("Badan account never logged in: ruled out by badan.last-login-shown"), fired.toString());
            assertTrue(fired.contains("Badan account never logged in: confirmed"), fired.toString());
        }
    }

    @Test
    void theDiagnosis_equalsABatchDiagnosisOfTheCurrentCase_apartFromTheTrace() throws Exception {
        try (Consultation c = start()) {
            c.answer("problem", "impersonate-fails");
            c.answer("user.appointed-role", "pic");
            c.answer("badan.last-login-shown", "yes");
            c.answer("pic.name-matches-ahu", "no");
            c.answer("user.appointed-role", "kuasa");
            c.answer("badan.last-login-shown", Case.UNKNOWN);
            Diagnosis live = c.diagnosis();
            // Started without a date, the consultation runs on today's, pinned but still assumed.
            assertTrue(live.asOfAssumed());
            Diagnosis batch = TestRules.rules().diagnose(c.currentCase().withAsOf(null), OPTIONS);
            ObjectNode a = (ObjectNode) Json.mapper().readTree(live.toJson());
            ObjectNode b = (ObjectNode) Json.mapper().readTree(batch.toJson());
            a.remove("trace");
            b.remove("trace");
            assertEquals(b, a);
        }
    }

    @Test
    void answersAreKeptInTheirPlainForm_andTheAsOfIsPinned() {
        try (Consultation c = start()) {
            c.answer("problem", "impersonate-fails");
            c.answer("badan.last-login-shown", "ya");
            c.answer("user.appointed-role", "tidak tahu");
            assertEquals("yes", c.currentCase().answers().get("badan.last-login-shown"));
            assertEquals(Case.UNKNOWN, c.currentCase().answers().get("user.appointed-role"));
            assertEquals("2025-02-03", c.currentCase().asOf());
        }
    }

    @Test
    void whatIf_answersFromASeparateSession_andLeavesTheConsultationAlone() {
        try (Consultation c = start()) {
            c.answer("problem", "impersonate-fails");
            c.answer("badan.last-login-shown", "no");
            long facts = c.factCount();
            Diagnosis other = c.whatIf("badan.last-login-shown", "yes");
            assertEquals("ruled-out", status(other, "badan-never-logged-in"));
            assertEquals("confirmed", status(c.diagnosis(), "badan-never-logged-in"));
            assertEquals("no", c.currentCase().answers().get("badan.last-login-shown"));
            assertEquals(facts, c.factCount());
            assertEquals("suspected", status(c.whatIfUnset("badan.last-login-shown"), "badan-never-logged-in"));
        }
    }

    @Test
    void whyNot_forACauseWithNoStatus_listsEveryRuleThatCouldConcludeIt() {
        try (Consultation c = start()) {
            c.answer("problem", "impersonate-fails");
            List<Diagnosis.RuleCheck> checks = c.whyNot("pic-name-differs-ahu");
            assertEquals(3, checks.size(), checks.toString());
            Diagnosis.RuleCheck confirm = checks.get(0);
            assertEquals("confirmed", confirm.concludes());
            assertEquals("unknown", confirm.outcome());
            assertTrue(confirm.conditions().stream().anyMatch(k -> "user.appointed-role".equals(k.ask())));
            assertTrue(c.diagnosis().notConcluded().stream().anyMatch(n -> n.id().equals("pic-name-differs-ahu")),
                    "and the diagnosis lists it as not concluded");
        }
    }

    @Test
    void aBadAnswer_isRefusedAndChangesNothing() {
        try (Consultation c = start()) {
            c.answer("problem", "impersonate-fails");
            CaseException e = assertThrows(CaseException.class, () -> c.answer("badan.last-login-shown", "maybe"));
            assertTrue(e.getMessage().contains("badan.last-login-shown: 'maybe' is not yes or no"), e.getMessage());
            assertThrows(CaseException.class, () -> c.answer("no.such.finding", "yes"));
            assertEquals(1, c.currentCase().answers().size());
        }
    }

    @Test
    void whenARuleFails_theAnswerIsRolledBack_andTheConsultationGoesOn(@TempDir Path tmp) {
        Path rules = TempRules.copyWithFailingRule(tmp);
        try (Consultation c = new Consultation(RuleBase.load(rules), Case.builder("c").build(), OPTIONS)) {
            c.answer("problem", "impersonate-fails");
            RuleFailureException e = assertThrows(RuleFailureException.class,
                    () -> c.answer("badan.last-login-shown", Case.UNKNOWN));
            assertEquals("Loops while the last login is unknown", e.rule());
            assertFalse(c.currentCase().answers().containsKey("badan.last-login-shown"));
            assertEquals("ruled-out", status(c.answer("badan.last-login-shown", "yes"), "badan-never-logged-in"),
                    "the consultation still works after the failure");
        }
    }
}
