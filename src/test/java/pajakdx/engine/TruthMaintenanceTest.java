package pajakdx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import pajakdx.TestRules;
import pajakdx.facts.AsOf;
import pajakdx.facts.Cause;
import pajakdx.facts.Finding;
import pajakdx.facts.FindingType;
import pajakdx.facts.Remedy;
import pajakdx.facts.Status;

/** Conclusions are logical insertions: they follow the findings when answers change. */
class TruthMaintenanceTest {

    private static LiveSession session() {
        LiveSession s = TestRules.compiled().open(1000, LiveSession.DEFAULT_TIME_LIMIT, true);
        s.setAsOf(AsOf.ofDate(LocalDate.of(2025, 2, 3)));
        s.set(Finding.of("problem", FindingType.CHOICE, "impersonate-fails"));
        return s;
    }

    private static Status statusOf(Snapshot snap, String cause) {
        return snap.causes().keySet().stream().filter(c -> c.getId().equals(cause)).map(Cause::getStatus)
                .findFirst().orElse(null);
    }

    @Test
    void whenAnswerChanges_thenConclusionFollows() {
        try (LiveSession s = session()) {
            s.fire();
            assertEquals(Status.SUSPECTED, statusOf(s.snapshot(), "badan-never-logged-in"));

            s.set(Finding.of("badan.last-login-shown", FindingType.YES_NO, "yes"));
            s.fire();
            assertEquals(Status.RULED_OUT, statusOf(s.snapshot(), "badan-never-logged-in"));

            s.set(Finding.of("badan.last-login-shown", FindingType.YES_NO, "no"));
            s.fire();
            assertEquals(Status.CONFIRMED, statusOf(s.snapshot(), "badan-never-logged-in"));

            s.remove("badan.last-login-shown");
            s.fire();
            assertEquals(Status.SUSPECTED, statusOf(s.snapshot(), "badan-never-logged-in"));
        }
    }

    @Test
    void whenACauseIsConfirmed_thenGenericChecksAreWithdrawn_andComeBackWhenItIsNot() {
        try (LiveSession s = session()) {
            s.fire();
            assertTrue(s.snapshot().remedies().containsKey(Remedy.offer("clear-browser-cache")));

            s.set(Finding.of("badan.last-login-shown", FindingType.YES_NO, "no"));
            s.fire();
            assertTrue(!s.snapshot().remedies().containsKey(Remedy.offer("clear-browser-cache")),
                    "generic checks must be withdrawn once a specific cause is confirmed");

            s.set(Finding.of("badan.last-login-shown", FindingType.YES_NO, "yes"));
            s.fire();
            assertTrue(s.snapshot().remedies().containsKey(Remedy.offer("clear-browser-cache")),
                    "generic checks must come back when the blocking cause is withdrawn");
        }
    }

    @Test
    void conclusionCarriesTheRuleAndFactsThatJustifyIt() {
        try (LiveSession s = session()) {
            s.set(Finding.of("badan.last-login-shown", FindingType.YES_NO, "no"));
            s.fire();
            List<Justification> why = s.snapshot().causes().get(Cause.confirmed("badan-never-logged-in"));
            assertEquals(1, why.size());
            assertEquals("Badan account never logged in: confirmed", why.get(0).rule());
            assertTrue(why.get(0).facts().contains(Finding.of("badan.last-login-shown", FindingType.YES_NO, "no")));
        }
    }
}
