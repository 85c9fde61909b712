package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TempRules;
import pajakdx.engine.RuleFailureTest;

/** A looping rule through the command line: stopped, named with the case, exit 2, the other cases still diagnosed. */
class RunawayCliTest {

    @Test
    void aLoopingRule_isStoppedAndNamed_exit2_andTheOtherCasesAreDiagnosed(@TempDir Path tmp) throws Exception {
        Path rules = TempRules.copyOfRules(tmp);
        TempRules.write(rules, "coretax/flip-flop.drl", RuleFailureTest.FLIP_FLOP);
        Path loops = Files.writeString(tmp.resolve("loops.yaml"), "as_of: 2025-02-03\nproblem: impersonate-fails\n");
        Path calm = Files.writeString(tmp.resolve("calm.yaml"), "as_of: 2025-02-03\nproblem: cannot-access-coretax\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"diagnose", "--lang", "en", "--rules", rules.toString(), "--json", loops.toString(),
                calm.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, code, err.toString());
        String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length, out.toString());
        assertTrue(lines[0].contains("\"error\"") && lines[0].contains("limit of 10000 firings"), lines[0]);
        assertTrue(lines[1].contains("\"caseId\":\"calm\""), lines[1]);
        assertTrue(err.toString().startsWith("error: " + loops + ": rules kept firing past the limit of 10000"
                + " firings: rule '"), err.toString());
        assertTrue(err.toString().contains("'Confirms the PIC cause when advised'"), err.toString());
        assertFalse(err.toString().contains("at pajakdx."), "no stack trace: " + err);
    }
}
