package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TempRules;
import pajakdx.engine.RuleCache;
import pajakdx.knowledge.RuleFolder;
import picocli.CommandLine;
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
                {"diagnose", "--no-cache", "c.yaml"}, {"diagnose", "--help"}, {"batch", "-h"}, {"rules", "-V"},
                {"serve", "@arguments"}, {"serve", "--no-cache=true"}}) {
            assertNull(EarlyRules.start(args), String.join(" ", args));
        }
    }

    @Test
    void theLoadTakesTheEarlyRead_throughItsCache(@TempDir Path tmp) throws IOException {
        // A cache of its own, empty: a load that took the early read compiles into it, with no second read.
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        RuleFolder bundled = RuleFolder.bundled();
        EarlyRules early = new EarlyRules(cache, bundled, cache.prefetch(bundled));
        early.read().join();
        RulesOption option = new RulesOption();
        option.early = early;
        RuleBase loaded = option.load();
        assertEquals(1, cache.misses(), "one read, the early one, taken over by the load");
        assertEquals(0, cache.hits());
        assertTrue(Files.isDirectory(tmp.resolve("cache")), "the rules were stored in the early read's cache");
        try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".bin")),
                    "the rules were stored in the early read's cache, not the home's");
        }
        assertEquals(RuleBases.of(TestRules.rules()).rules(), RuleBases.of(loaded).rules());
        RuleBases.settle(loaded);
    }

    @Test
    void everyCommandThatLoadsRules_getsTheEarlyRead() {
        EarlyRules early = EarlyRules.start(new String[] {"diagnose", "case.yaml"});
        assertNotNull(early);
        for (String command : new String[] {"diagnose", "batch", "test", "rules", "serve"}) {
            CommandLine cl = Main.commandLine(new String[] {command}, System.in, early);
            Object rules = cl.getSubcommands().get(command).getCommandSpec().mixins().get("rules").userObject();
            assertSame(early, ((RulesOption) rules).early, command);
        }
        early.read().join();
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
        // And is dropped, not kept for a later load (a service lives long): that load reads again.
        RuleBases.settle(RuleBases.load(RuleBase.class, early.folder(), early.cache()));
        assertEquals(2, early.cache().hits() + early.cache().misses(), "the dropped read was not taken over");
    }
}
