package pajakdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Explaining away and what goes with it: a confirmed cause makes the other causes of its
 * problem not needed (no remedies, no questions, not listed as not concluded) until the agent
 * goes on; "not concluded" lists only causes of the case's own problems; WHY NOT suggests no
 * answer for a rule another condition already fails; an implied finding says where it came from.
 */
class ExplainingAwayTest {
    private static final Case TWO_PROBLEMS = Case.builder("t").asOf("2025-02-10").problem("login-fails")
            .problem("reset-email-missing").answer("email.updated-in-djp-online", "no").build();

    @Test
    void aConfirmedCause_makesTheOtherCausesOfItsProblemNotNeeded_only() {
        Diagnosis d = TestRules.rules().diagnose(TWO_PROBLEMS);
        Diagnosis.CauseResult otp = d.cause("reset-otp-defect").orElseThrow();
        assertEquals("not-needed", otp.status());
        assertEquals(List.of("email-not-updated-djp-online"), otp.explainedBy());
        assertEquals("suspected", d.cause("login-defect").orElseThrow().status(), "the other problem keeps its causes");
        assertTrue(d.remedies().stream().noneMatch(r -> r.forCauses().equals(List.of("reset-otp-defect"))), d.toJson());
        assertTrue(d.questions().stream().noneMatch(q -> q.decides().contains("reset-otp-defect")), d.toJson());
        assertTrue(d.notConcluded().stream().noneMatch(n -> n.id().equals("reset-otp-defect")), d.toJson());
    }

    @Test
    void causesExplainingAnotherAway_areListedInTheirRank_everyTime() {
        // Two confirmed causes of a failed upload (expired sertel, forgotten passphrase) both
        // account for it: Drools holds them in an order of identity hashes, which varied.
        Case c = Case.builder("e").asOf("2025-02-03").problem("upload-fails").answer("sertel.status", "expired")
                .answer("sertel.passphrase-remembered", "no").build();
        for (int i = 0; i < 40; i++) {
            Diagnosis d = TestRules.rules().diagnose(c);
            List<String> confirmed = d.causes().stream().filter(r -> r.status().equals("confirmed"))
                    .map(Diagnosis.CauseResult::id).toList();
            Diagnosis.CauseResult away = d.cause("upload-connection-unstable").orElseThrow();
            assertEquals("not-needed", away.status());
            assertEquals(2, away.explainedBy().size(), d.toJson());
            assertEquals(confirmed.stream().filter(away.explainedBy()::contains).toList(), away.explainedBy());
        }
    }

    @Test
    void withExplainingAwayOff_theCauseIsSuspectedAgain_withItsQuestions() {
        Diagnosis off = TestRules.rules().diagnose(TWO_PROBLEMS, DiagnoseOptions.DEFAULT.withExplainAway(false));
        assertEquals("suspected", off.cause("reset-otp-defect").orElseThrow().status());
        try (Consultation c = new Consultation(TestRules.rules(), TWO_PROBLEMS, DiagnoseOptions.DEFAULT)) {
            assertEquals("not-needed", c.diagnosis().cause("reset-otp-defect").orElseThrow().status());
            assertEquals("suspected", c.explainAway(false).cause("reset-otp-defect").orElseThrow().status());
        }
    }

    @Test
    void notConcluded_listsOnlyCausesOfTheCasesOwnProblems() {
        Diagnosis d = TestRules.rules().diagnose(Case.builder("n").asOf("2025-02-03").problem("impersonate-fails")
                .answer("badan.last-login-shown", "yes").build());
        assertFalse(d.notConcluded().isEmpty(), d.toJson());
        for (Diagnosis.NotConcluded n : d.notConcluded()) {
            assertTrue(List.of("badan-never-logged-in", "user-not-appointed", "pic-name-differs-ahu").contains(n.id()),
                    "a cause of another problem: " + n.id());
        }
    }

    @Test
    void whyNot_neverSuggestsAnAnswerForARuleThatAlreadyFailed() {
        Diagnosis d = TestRules.rules().diagnose(Case.builder("w").asOf("2025-02-03").problem("impersonate-fails")
                .answer("user.appointed-role", "kuasa").build());
        int failedRules = 0;
        for (Diagnosis.CauseResult c : d.causes()) {
            for (Diagnosis.RuleCheck r : c.whyNot()) {
                if (r.outcome().equals("failed")) {
                    failedRules++;
                    assertTrue(r.conditions().stream().allMatch(k -> k.ask() == null), r.toString());
                }
            }
        }
        for (Diagnosis.NotConcluded n : d.notConcluded()) {
            for (Diagnosis.RuleCheck r : n.whyNot()) {
                if (r.outcome().equals("failed")) {
                    failedRules++;
                    assertTrue(r.conditions().stream().allMatch(k -> k.ask() == null), r.toString());
                }
            }
        }
        assertTrue(failedRules > 0, "the case has rules failed by the answer kuasa: " + d.toJson());
    }

    @Test
    void anImpliedFinding_isUsed_andTheTraceSaysWhichAnswerImpliedIt() {
        Diagnosis d = TestRules.rules().diagnose(Case.builder("i").asOf("2025-02-03").problem("impersonate-fails")
                .answer("pic.name-matches-ahu", "no").build());
        assertEquals("confirmed", d.cause("pic-name-differs-ahu").orElseThrow().status(), d.toJson());
        assertTrue(d.trace().stream().flatMap(f -> f.facts().stream())
                .anyMatch(f -> f.equals("user.appointed-role = pic ⇐ pic.name-matches-ahu")), d.toJson());
        assertTrue(d.notes().stream().anyMatch(n -> n.en().contains("presupposes user.appointed-role = pic")), d.toJson());
    }
}
