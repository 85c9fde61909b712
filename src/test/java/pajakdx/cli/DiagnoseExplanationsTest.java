package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import pajakdx.TestRules;
import pajakdx.json.Json;

/** diagnose --json carries the REPL's explanations: HOW per cause, WHY NOT for the rest of the topic. */
class DiagnoseExplanationsTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    private static JsonNode json(String fact, String... extra) throws Exception {
        String[] args = new String[5 + extra.length];
        args[0] = "diagnose";
        args[1] = "--json";
        args[2] = "--why-not";
        args[3] = "--rules";
        args[4] = TestRules.rulesDir().toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = TestRules.factsDir().resolve(fact).toString();
        return Json.mapper().readTree(run(all));
    }

    @Test
    void aCauseOfATouchedTopicWithNoStatus_isListedWithItsWhyNot() throws Exception {
        JsonNode d = json("coretax/impersonate-only-problem.yaml");
        JsonNode imp3 = d.get("notConcluded").get(0);
        assertEquals("pic-name-differs-ahu", imp3.get("id").asText());
        assertEquals("IMP-3", imp3.get("relations").get(0).asText());
        JsonNode confirm = imp3.get("whyNot").get(0);
        assertEquals("confirmed", confirm.get("concludes").asText());
        assertEquals("unknown", confirm.get("outcome").asText());
        assertEquals("user.appointed-role", confirm.get("conditions").get(1).get("ask").asText());
        for (JsonNode c : d.get("causes")) {
            assertTrue(c.get("how").size() > 0, "HOW for every cause: " + c);
            assertTrue(c.get("whyNot").size() > 0, "WHY NOT for every cause not confirmed: " + c);
        }
    }

    @Test
    void aCauseRuledOut_carriesTheAnswerThatRuledItOut() throws Exception {
        JsonNode d = json("coretax/impersonate-pic-name-differs-ahu.yaml");
        JsonNode imp1 = null;
        for (JsonNode c : d.get("causes")) {
            if (c.get("id").asText().equals("badan-never-logged-in")) {
                imp1 = c;
            }
        }
        assertEquals("ruled-out", imp1.get("status").asText());
        String whyNot = imp1.get("whyNot").toString();
        assertTrue(whyNot.contains("\"state\":\"failed\",\"fact\":\"badan.last-login-shown = yes\""), whyNot);
    }

    @Test
    void withoutExplanations_nothingIsListed_andTheTextReportShowsTheSection() throws Exception {
        assertEquals(0, json("coretax/impersonate-only-problem.yaml", "--no-explain").get("notConcluded").size());
        String text = run("diagnose", "--rules", TestRules.rulesDir().toString(),
                TestRules.factsDir().resolve("coretax/impersonate-only-problem.yaml").toString());
        assertTrue(text.contains("Belum disimpulkan (masalah yang sama)"), text);
        assertTrue(text.contains("perlu jawaban: user.appointed-role, pic.name-matches-ahu"), text);
    }

    @Test
    void aCauseThatCannotApply_isShownWithTheFailingFact_notWithAQuestionThatCouldOnlyRuleItOut(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path file = tmp.resolve("kuasa.yaml");
        java.nio.file.Files.writeString(file, "as_of: 2025-02-03\nproblem: impersonate-fails\n"
                + "findings:\n  user.appointed-role: kuasa\n");
        String text = run("diagnose", "--rules", TestRules.rulesDir().toString(), file.toString());
        assertTrue(text.contains("tidak berlaku untuk kasus ini: user.appointed-role = kuasa"), text);
        assertTrue(!text.contains("perlu jawaban: pic.name-matches-ahu"), text);
    }

    @Test
    void aCauseExplainedAway_isNotListedAsNotConcluded() {
        String text = run("diagnose", "--rules", TestRules.rulesDir().toString(),
                TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml").toString());
        assertTrue(text.contains("[TERKONFIRMASI] Akun Badan belum pernah login"), text);
        assertTrue(!text.contains("Belum disimpulkan"), "IMP-1 explains the problem; IMP-3 is not needed: " + text);
    }
}
