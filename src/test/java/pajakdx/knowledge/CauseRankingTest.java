package pajakdx.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import pajakdx.Case;
import pajakdx.Diagnosis;
import pajakdx.TestRules;

/**
 * When several causes remain possible they are ranked by evidence first, then by what the
 * sources call most common, then by the cost of checking them (issue 4 #6).
 */
class CauseRankingTest {

    /** The relation ids of the suspected causes, in rank order. */
    private static List<String> suspectedInOrder(Case c) {
        Diagnosis d = TestRules.rules().diagnose(c);
        return d.causes().stream().filter(r -> r.status().equals("suspected")).map(r -> r.relations().get(0)).toList();
    }

    private static Case.Builder at(String asOf, String problem) {
        return Case.builder("ranking").asOf(asOf).problem(problem);
    }

    @Test
    void whenOneCauseHasMoreEvidence_thenItRanksFirstEvenAboveTheCommonCause() {
        // A PIC's impersonation fails: the AHU-name cause rests on two findings, the common
        // never-logged-in cause (IMP-1) only on the problem.
        List<String> order = suspectedInOrder(at("2025-02-03", "impersonate-fails")
                .answer("user.appointed-role", "pic").build());
        assertEquals(List.of("IMP-3", "IMP-1"), order);
    }

    @Test
    void whenOneCauseHasMoreEvidence_thenItRanksFirstEvenIfNothingIsLeftToCheck() {
        // After DJP's report, a login with a password the user is sure of: the login defect
        // rests on two findings and has no open question; the NIK-NPWP cause can still be checked.
        List<String> order = suspectedInOrder(at("2025-02-03", "login-fails")
                .answer("login.password-sure", "yes").build());
        assertEquals(List.of("LOGIN-1", "PWD-3"), order);
    }

    @Test
    void whenEvidenceIsEqual_thenTheCommonCauseRanksFirstEvenIfDearerToCheck() {
        // IMP-1 needs a look at the Profil menu (look), IMP-2 only what the user knows (knows),
        // but the source calls IMP-1 the most common cause.
        List<String> order = suspectedInOrder(at("2025-02-03", "impersonate-fails").build());
        assertEquals(List.of("IMP-1", "IMP-2"), order);
    }

    @Test
    void whenEvidenceAndCommonnessAreEqual_thenTheCheaperCheckRanksFirst() {
        // The login defect is settled by what the user knows; the NIK-NPWP matching needs a look.
        List<String> order = suspectedInOrder(at("2025-02-03", "login-fails").build());
        assertEquals(List.of("LOGIN-1", "PWD-3"), order);
    }

    @Test
    void whenACauseCannotBeCheckedAnyMore_thenTheCheckableCausesComeFirst() {
        // A missing reset e-mail after DJP's report: both data causes can still be checked,
        // the defect DJP reported resolved cannot.
        List<String> order = suspectedInOrder(at("2025-02-12", "reset-email-missing").build());
        assertEquals(3, order.size());
        assertEquals("OTP-3", order.get(2));
        assertTrue(order.subList(0, 2).containsAll(List.of("PWD-1", "PWD-2")));
    }
}
