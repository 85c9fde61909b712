package pajakdx;

import pajakdx.base.Lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import pajakdx.repl.LineSource;
import pajakdx.repl.Repl;
import pajakdx.repl.ReplIo;

/**
 * A rule that really loops, in the REPL. Our loader refuses such right-hand sides, so the rule
 * base is put together here from bare Drools (this test lives in package pajakdx for that): the
 * firing limit is the second guard, and the REPL must name the rule and keep running.
 */
class ReplLoopingRuleTest {

    private static RuleBase withLoop() throws Exception {
        KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
        kb.add(ResourceFactory.newByteArrayResource(Files.readAllBytes(TestRules.rulesDir()
                .resolve("coretax/impersonate.drl"))), ResourceType.DRL);
        kb.add(ResourceFactory.newByteArrayResource("""
                package loop;
                import pajakdx.facts.*;
                rule "Re-asserts the stated role"
                when
                    $f : Finding(id == "user.appointed-role", value == "wakil")
                then
                    update($f);
                end
                """.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        assertTrue(kb.getErrors().isEmpty(), kb.getErrors().toString());
        KieBase kieBase = kb.newKieBase();
        RuleBase good = TestRules.rules();
        return new RuleBase("rules with a loop", good.catalog(), kieBase, good.rules(), java.util.List.of(), 200);
    }

    @Test
    void whenAnAnswerSetsOffALoop_theReplNamesTheRule_undoesTheAnswer_andGoesOn(@TempDir Path home) throws Exception {
        RuleBase looping = withLoop();
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        Repl repl = new Repl(LiveRuleBase.of(() -> looping), null, null,
                new Repl.Settings(Lang.EN, false, home, null), out);
        String input = "problem impersonate-fails\nanswer user.appointed-role wakil\nfacts\nanswer user.appointed-role kuasa\nquit\n";
        try (LineSource lines = ReplIo.plainSource(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out)) {
            assertEquals(0, repl.run(lines));
        }
        String t = text.toString();
        assertTrue(t.contains("A rule failed: rules kept firing past the limit of 200 firings: rule 'Re-asserts the stated"
                + " role'"), t);
        assertTrue(t.contains("The last change was undone; the consultation goes on."), t);
        String facts = t.substring(t.indexOf("> facts"), t.indexOf("> answer user.appointed-role kuasa"));
        assertTrue(!facts.contains("wakil"), "the looping answer is not in the case: " + facts);
        assertTrue(t.contains("[RULED OUT] IMP-2"), "the next answer works on a fresh session: " + t);
        assertTrue(!t.contains("\tat ") && !t.contains("Exception in"), t);
    }
}
