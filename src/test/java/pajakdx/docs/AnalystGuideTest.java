package pajakdx.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.Diagnosis;
import pajakdx.RuleBase;
import pajakdx.cli.Main;

/**
 * docs/ANALYST-GUIDE.md is true: its worked example, followed step by step on a copy of rules/
 * and facts/, gives the output the guide shows. The commands run in process, on the rules
 * folder as files: nothing is built.
 */
class AnalystGuideTest {

    /** Runs the command line in this JVM, with paths made relative to {@code work} as in a shell. */
    static GuideSteps.Result inProcess(Path work, List<String> args) {
        List<String> resolved = new ArrayList<>();
        for (String a : args) {
            resolved.add(a.startsWith("my-") ? work.resolve(a).toString() : a);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(resolved.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        String prefix = work.toString() + java.io.File.separator;
        return new GuideSteps.Result(code, out.toString().replace(prefix, ""), err.toString().replace(prefix, ""));
    }

    @Test
    void theWorkedExampleRunsAsWritten(@TempDir Path work) throws Exception {
        List<GuideSteps.Ran> ran = GuideSteps.follow(work, AnalystGuideTest::inProcess);
        assertEquals(4, ran.size(), "check, check, test, diagnose");

        String firstCheck = ran.get(0).result().out();
        assertEquals(1, firstCheck.lines().filter(l -> l.startsWith("error:")).count(),
                "the typo is the only error:\n" + firstCheck);

        String test = ran.get(2).result().out();
        for (String line : test.lines().toList()) {
            if (line.contains("no rule names") || line.contains("a rule but no case concludes")) {
                assertFalse(line.contains("SESSION-1"), line);
            }
            assertFalse(line.contains("coretax/session.drl"), "every new rule fires in a case: " + line);
        }

        // The library reads the edited copy the same way, with no build step.
        RuleBase rules = RuleBase.load(work.resolve("my-rules"));
        Diagnosis d = rules.diagnose(Case.read(work.resolve("my-facts/coretax/session-timed-out.yaml")));
        assertEquals("confirmed", d.cause("session-timed-out").orElseThrow().status());
        assertTrue(rules.warnings().isEmpty(), rules.warnings().toString());
    }
}
