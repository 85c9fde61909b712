package pajakdx;

import pajakdx.base.Lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.repl.LineSource;
import pajakdx.repl.Repl;
import pajakdx.repl.ReplIo;

/**
 * A rule that really loops, in the REPL: the firing limit is the guard, and the REPL must name
 * the rule and keep running.
 */
class ReplLoopingRuleTest {

    private static RuleBase withLoop(Path tmp) {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        TempRules.write(rules, "coretax/loop.drl", TempRules.FAILING_RULE);
        return RuleBase.load(rules).withFireLimit(200);
    }

    @Test
    void whenAnAnswerSetsOffALoop_theReplNamesTheRule_undoesTheAnswer_andGoesOn(@TempDir Path home) throws Exception {
        RuleBase looping = withLoop(home.resolve("rules"));
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        Repl repl = new Repl(LiveRuleBase.of(() -> looping), null, null,
                new Repl.Settings(Lang.EN, false, home, null), out);
        String input = "problem impersonate-fails\nanswer badan.last-login-shown unknown\nfacts\nanswer user.appointed-role kuasa\nquit\n";
        try (LineSource lines = ReplIo.plainSource(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out)) {
            assertEquals(0, repl.run(lines));
        }
        String t = text.toString();
        assertTrue(t.contains("A rule failed: rules kept firing past the limit of 200 firings"), t);
        assertTrue(t.contains("'Loops while the last login is unknown'"), "names the rule: " + t);
        assertTrue(t.contains("The last change was undone; the consultation goes on."), t);
        String facts = t.substring(t.indexOf("> facts"), t.indexOf("> answer user.appointed-role kuasa"));
        assertTrue(!facts.contains("badan.last-login-shown"), "the looping answer is not in the case: " + facts);
        assertTrue(t.contains("[RULED OUT] IMP-2"), "the next answer works on a fresh session: " + t);
        assertTrue(!t.contains("\tat ") && !t.contains("Exception in"), t);
    }
}
