package pajakdx.knowledge;

import pajakdx.internal.RuleBases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.LiveRuleBase;
import pajakdx.base.Problem;
import pajakdx.RuleBase;
import pajakdx.base.RuleBaseException;
import pajakdx.TempRules;

/**
 * Rules are read only from the configured folder. DRL has no include mechanism and the catalog
 * names no files to read, so symbolic links are the one way out: a link to a file outside the
 * folder, or to any folder, is refused with its path; a link to a file inside it is fine; a link
 * to the rules folder itself (the argument) is fine.
 */
class RuleFolderLinksTest {
    static final String OUTSIDE_RULE = """
            package rules.coretax;
            import pajakdx.facts.*;
            rule "From outside"
                @relations("IMP-1") @source("pajakku-impersonate")
            when
                Finding(id == "problem", value == "impersonate-fails")
            then
                insertLogical(Cause.confirmed("badan-never-logged-in"));
            end
            """;

    @Test
    void aLinkToAFileOutsideTheFolder_isRefused(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfRules(tmp);
        Path outside = Files.writeString(tmp.resolve("outside.drl"), OUTSIDE_RULE);
        Files.createSymbolicLink(rules.resolve("coretax/linked.drl"), outside);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBase.load(rules));
        assertEquals(List.of(Problem.at("coretax/linked.drl", 0, 0,
                "is a link to a file outside the rules folder; rules are read only from inside it")), e.problems());
    }

    @Test
    void aLinkToAFolder_isRefused_evenInsideTheRulesFolder(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfRules(tmp);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("more.drl"), OUTSIDE_RULE);
        Files.createSymbolicLink(rules.resolve("extra"), elsewhere);
        Files.createSymbolicLink(rules.resolve("loop"), rules.resolve("coretax"));
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBase.load(rules));
        assertTrue(e.getMessage().contains("extra: is a link to a folder"), e.getMessage());
        assertTrue(e.getMessage().contains("loop: is a link to a folder"), e.getMessage());
    }

    @Test
    void aDanglingLink_isRefused(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfRules(tmp);
        Files.createSymbolicLink(rules.resolve("coretax/gone.drl"), tmp.resolve("nothing-here.drl"));
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBase.load(rules));
        assertTrue(e.getMessage().contains("coretax/gone.drl: is a link that leads nowhere"), e.getMessage());
    }

    @Test
    void aLinkToAFileInside_andALinkedRulesFolder_areFine(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfRules(tmp);
        Files.writeString(rules.resolve("coretax/original.drl.txt"), OUTSIDE_RULE);
        Files.createSymbolicLink(rules.resolve("coretax/inside.drl"), rules.resolve("coretax/original.drl.txt"));
        Path linkedFolder = Files.createSymbolicLink(tmp.resolve("rules-link"), rules);
        RuleBase base = RuleBase.load(linkedFolder);
        assertTrue(RuleBases.of(base).rule("From outside").isPresent());
    }

    @Test
    void anUnsafeRuleArrivingOnReload_isRefusedAndTheLastGoodRulesStay(@TempDir Path tmp) {
        Path rules = TempRules.copyOfRules(tmp);
        LiveRuleBase live = LiveRuleBase.load(rules);
        RuleBase before = live.current();
        TempRules.write(rules, "coretax/evil.drl", OUTSIDE_RULE.replace("Finding(id == \"problem\", value == \"impersonate-fails\")",
                "Finding(id == \"problem\")\n    eval( org.mvel2.MVEL.eval(\"java.lang.System.setProperty('pajakdx.pwned', '1')\") != null )"));
        List<Problem> problems = live.reload();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).file().endsWith("/coretax/evil.drl"), problems.toString());
        assertEquals(7, problems.get(0).line());
        assertTrue(live.current() == before, "the last good rule base stays in use");
        live.diagnose(Case.builder("c").asOf("2025-02-03").problem("impersonate-fails").build());
        assertEquals(null, System.getProperty("pajakdx.pwned"));
    }
}
