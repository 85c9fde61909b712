package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TempRules;
import pajakdx.RuleBase;
import pajakdx.TestRules;
import pajakdx.internal.RuleBases;

/** Reading the bundled rules' cache entry before the command line is parsed, and only when it will be used. */
class EarlyRulesTest {
    @Test
    void aCommandThatLoadsTheBundledRules_startsReadingAtOnce() {
        for (String[] args : new String[][] {{"diagnose", "case.yaml"}, {"batch", "-"}, {"test", "facts"},
                {"rules", "--lang", "en"}, {"serve", "--port", "0"}}) {
            EarlyRules early = EarlyRules.start(args);
            assertNotNull(early, String.join(" ", args));
            early.read().join();
        }
    }

    @Test
    void noReadingWhenTheCommandWillNotLoadTheBundledRulesFromTheCache() {
        for (String[] args : new String[][] {{}, {"check", "rules"}, {"repl"}, {"copycheck"}, {"--help"},
                {"diagnose", "--rules", "r", "c.yaml"}, {"diagnose", "--rules=r", "c.yaml"},
                {"diagnose", "--no-cache", "c.yaml"}, {"diagnose", "--help"}, {"batch", "-h"}, {"rules", "-V"}}) {
            assertNull(EarlyRules.start(args), String.join(" ", args));
        }
    }

    @Test
    void theLoadTakesTheEntryReadEarly_andGivesTheRulesAsAnOrdinaryLoad() {
        EarlyRules early = EarlyRules.start(new String[] {"diagnose", "case.yaml"});
        assertNotNull(early);
        early.read().join();
        int before = early.cache().hits() + early.cache().misses();
        RulesOption option = new RulesOption();
        option.early = early;
        RuleBase loaded = option.load();
        assertEquals(before, early.cache().hits() + early.cache().misses(), "no second read of the entry");
        assertEquals(RuleBases.of(TestRules.rules()).rules(), RuleBases.of(loaded).rules());
        RuleBases.settle(loaded);
    }

    @Test
    void aRulesFolderGivenOnTheCommandLine_winsOverTheGuess(@TempDir Path tmp) {
        EarlyRules early = EarlyRules.start(new String[] {"diagnose", "case.yaml"});
        assertNotNull(early);
        RulesOption option = new RulesOption();
        option.early = early;
        option.dir = TempRules.copyOfTopics(tmp, "coretax/impersonate"); // as if the guess missed its --rules
        RuleBase loaded = option.load();
        early.read().join();
        assertTrue(RuleBases.of(loaded).rules().size() < RuleBases.of(TestRules.rules()).rules().size(),
                "the folder given, not the bundled rules");
        assertEquals(1, early.cache().hits() + early.cache().misses(), "the early read stayed unused");
        RuleBases.settle(loaded);
    }
}
