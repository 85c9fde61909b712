package pajakdx;

import pajakdx.base.Problem;
import pajakdx.base.RuleBaseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules read at run time, and reloaded atomically: a broken reload keeps the last good rule
 * base, a good one swaps, and diagnoses running meanwhile each see one whole rule base.
 */
class LiveRuleBaseTest {
    /** A rule that confirms IMP-4's remedy even with IMP-1 confirmed: tells the new rules from the old. */
    private static final String EXTRA_RULE = """
            package rules.coretax;
            import pajakdx.facts.*;
            rule "Extra: always offer the private window"
                @relations("IMP-4") @source("pajakku-impersonate")
            when
                Finding(id == "problem", value == "impersonate-fails")
            then
                insertLogical(Remedy.offer("private-window"));
            end
            """;
    private static final String BROKEN_RULE = EXTRA_RULE.replace("insertLogical(Remedy.offer(\"private-window\"));",
            "System.exit(1);");

    private static Case confirmedCase() {
        return Case.builder("live").asOf("2025-02-03").problem("impersonate-fails")
                .answer("user.appointed-role", "kuasa").answer("badan.last-login-shown", "no").build();
    }

    private static boolean offersPrivateWindow(Diagnosis d) {
        return d.remedies().stream().anyMatch(r -> r.id().equals("private-window"));
    }

    @Test
    void rulesAreReadFromTheFolderAtRunTime_noRebuild(@TempDir Path tmp) {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        assertFalse(offersPrivateWindow(RuleBase.load(rules).diagnose(confirmedCase())),
                "with IMP-1 confirmed the browser checks are not offered");
        TempRules.write(rules, "coretax/extra.drl", EXTRA_RULE);
        RuleBase changed = RuleBase.load(rules);
        assertTrue(changed.rule("Extra: always offer the private window").isPresent());
        assertTrue(offersPrivateWindow(changed.diagnose(confirmedCase())), "a rule added on disk is used at once");
    }

    @Test
    void whenReloadFindsABrokenRule_thenTheLastGoodRuleBaseStays_andAGoodReloadSwaps(@TempDir Path tmp) {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        LiveRuleBase live = LiveRuleBase.load(rules);
        RuleBase first = live.current();

        TempRules.write(rules, "coretax/extra.drl", BROKEN_RULE);
        List<Problem> problems = live.reload();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).file().endsWith("/coretax/extra.drl"), problems.get(0).toString());
        assertEquals(8, problems.get(0).line());
        assertSame(first, live.current());
        assertFalse(offersPrivateWindow(live.diagnose(confirmedCase())), "old rules still in use");

        TempRules.write(rules, "coretax/extra.drl", EXTRA_RULE);
        assertEquals(List.of(), live.reload());
        assertNotSame(first, live.current());
        assertTrue(offersPrivateWindow(live.diagnose(confirmedCase())), "new rules in use");
    }

    @Test
    void whenTheFirstLoadFails_thenItThrows_becauseThereIsNoLastGoodRuleBase(@TempDir Path tmp) {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        TempRules.write(rules, "coretax/extra.drl", BROKEN_RULE);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> LiveRuleBase.load(rules));
        assertTrue(e.getMessage().contains("coretax/extra.drl:8"), e.getMessage());
    }

    @Test
    void whenTheLoaderFailsUnexpectedly_thenReloadReportsIt_andKeepsTheRuleBase() {
        RuleBase base = TestRules.rules();
        AtomicBoolean fail = new AtomicBoolean(false);
        LiveRuleBase live = LiveRuleBase.of(() -> {
            if (fail.get()) {
                throw new IllegalStateException("disk gone");
            }
            return base;
        });
        fail.set(true);
        List<Problem> problems = live.reload();
        assertTrue(problems.get(0).message().contains("disk gone"), problems.toString());
        assertSame(base, live.current());
    }

    /**
     * Diagnosing threads run while the folder flips between the old rules, a broken rule and
     * the new rules, with a reload after each flip. Every diagnosis must be exactly the old
     * or exactly the new answer, never an error or a mix. Bounded by counts, not by time.
     */
    @Test
    void diagnosesDuringReloads_eachSeeOneWholeRuleBase(@TempDir Path tmp) throws Exception {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        LiveRuleBase live = LiveRuleBase.load(rules);
        Case c = confirmedCase();
        String oldAnswer = live.diagnose(c, DiagnoseOptions.DEFAULT.withExplain(false)).toJson();
        TempRules.write(rules, "coretax/extra.drl", EXTRA_RULE);
        String newAnswer = RuleBase.load(rules).diagnose(c, DiagnoseOptions.DEFAULT.withExplain(false)).toJson();
        assertFalse(oldAnswer.equals(newAnswer));
        java.nio.file.Files.delete(rules.resolve("coretax/extra.drl"));

        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean(false);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            workers.add(pool.submit(() -> {
                int n = 0;
                while (!stop.get() && n < 20_000) {
                    seen.add(live.diagnose(c, DiagnoseOptions.DEFAULT.withExplain(false)).toJson());
                    n++;
                }
                return n;
            }));
        }
        int failedReloads = 0;
        for (int round = 0; round < 6; round++) {
            TempRules.write(rules, "coretax/extra.drl", round % 3 == 1 ? BROKEN_RULE : EXTRA_RULE);
            failedReloads += live.reload().isEmpty() ? 0 : 1;
            if (round % 3 == 2) {
                java.nio.file.Files.delete(rules.resolve("coretax/extra.drl"));
                assertEquals(List.of(), live.reload());
            }
        }
        stop.set(true);
        int diagnoses = 0;
        for (Future<Integer> w : workers) {
            diagnoses += w.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(2, failedReloads, "the broken rule was refused each time");
        assertTrue(diagnoses > 0);
        assertTrue(Set.of(oldAnswer, newAnswer).containsAll(seen), "a diagnosis saw neither whole rule base: "
                + seen.size() + " distinct answers");
    }
}
