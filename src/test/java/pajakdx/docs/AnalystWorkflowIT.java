package pajakdx.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TempRules;
import pajakdx.TestRules;

/**
 * The analyst's workflow as a new analyst lives it: the ./pajakdx launcher on the built jar,
 * run from a work folder holding a copy of the rules, with no Maven involved. Follows the
 * analyst guide, then shows that a rule calling System.exit is refused by check and never runs.
 */
class AnalystWorkflowIT {

    static GuideSteps.Result launch(Path work, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(TestRules.projectRoot().resolve("pajakdx").toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
        return new GuideSteps.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private static FileTime jarTime() throws Exception {
        return Files.getLastModifiedTime(TestRules.projectRoot().resolve("target/pajakdx.jar"));
    }

    @Test
    void theGuideWorksThroughTheLauncher_withoutRebuilding(@TempDir Path work) throws Exception {
        FileTime before = jarTime();
        List<GuideSteps.Ran> ran = GuideSteps.follow(work, AnalystWorkflowIT::launch);
        assertEquals(4, ran.size());
        for (GuideSteps.Ran r : ran) {
            assertFalse(r.result().err().contains("building the jar"), "no rebuild: " + r.result().err());
        }
        assertEquals(before, jarTime(), "the jar was not rebuilt");
    }

    @Test
    void aRuleCallingSystemExit_isRefusedByCheck_andNeverRuns(@TempDir Path work) throws Exception {
        Path rules = TempRules.copyOfRules(work);
        TempRules.write(rules, "coretax/exit.drl", """
                package rules.coretax;
                import pajakdx.facts.*;
                rule "Ends the program"
                    @relations("IMP-1") @source("pajakku-impersonate")
                when
                    Finding(id == "problem", value == "impersonate-fails")
                then
                    System.exit(7);
                end
                """);
        GuideSteps.Result check = launch(work, List.of("check", "--rules", "rules"));
        assertEquals(2, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("error: rules/coretax/exit.drl:8:5: aturan 'Ends the program': pernyataan"
                + " 'System.exit(7);' tidak diizinkan"), check.out());

        String someCase = TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml").toString();
        GuideSteps.Result diagnose = launch(work, List.of("diagnose", "--rules", "rules", someCase));
        assertEquals(2, diagnose.code(), "refused (2), not exited by the rule (7): " + diagnose.err());
        assertTrue(diagnose.err().contains("error: rules/coretax/exit.drl:8:5:"), diagnose.err());
        assertTrue(diagnose.out().isEmpty(), diagnose.out());
    }
}
