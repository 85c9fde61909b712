package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TestRules;
import pajakdx.json.Json;

/** The command line end to end, in process: text, JSON, languages, bad input. */
class CliTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static String rules() {
        return TestRules.rulesDir().toString();
    }

    static String fact(String name) {
        return TestRules.factsDir().resolve(name).toString();
    }

    @Test
    void diagnoseText_inIndonesianByDefault() {
        Run r = run("diagnose", "--rules", rules(), fact("coretax/impersonate-badan-never-logged-in.yaml"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[TERKONFIRMASI] Akun Badan belum pernah login"), r.out());
        assertTrue(r.out().contains("Akun Badan belum pernah login: terkonfirmasi"), "names the rule, by its Indonesian title");
        assertTrue(r.out().contains("pajakku-impersonate"), "names the source");
        assertTrue(r.out().indexOf("1. Login langsung ke akun Badan") < r.out().indexOf("2. Bila masih gagal"),
                "remedies numbered, escalation last:\n" + r.out());
    }

    @Test
    void eachCommand_isBuiltOnlyWhenRun_yetHelpListsThemAll() {
        Run top = run("--help");
        assertEquals(0, top.code(), top.err());
        for (String command : List.of("diagnose", "batch", "repl", "serve", "check", "test", "rules", "copycheck", "help")) {
            assertTrue(top.out().contains("  " + command + " "), command + " is listed:\n" + top.out());
        }
        Run help = run("help", "diagnose");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Pemakaian: pajakdx diagnose"), help.out());
        Run own = run("check", "--help");
        assertEquals(0, own.code(), own.err());
        assertTrue(own.out().startsWith("Pemakaian: pajakdx check"), own.out());
        Run typo = run("diagnos", "x.yaml");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("Maksud Anda: pajakdx diagnose?"), typo.err());
        assertTrue(run("diagnos", "x.yaml", "--lang", "en").err().contains("Did you mean: pajakdx diagnose?"));
    }

    @Test
    void diagnoseText_inEnglish() {
        Run r = run("diagnose", "--rules", rules(), "--lang", "en",
                fact("coretax/impersonate-badan-never-logged-in.yaml"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[CONFIRMED] The Badan account has never been logged into"), r.out());
        assertTrue(r.out().contains("Remedies (cheapest first)"), r.out());
    }

    @Test
    void diagnoseJson_overTheFactsFolder_oneParsableObjectPerCase() throws Exception {
        Run r = run("diagnose", "--rules", rules(), "--json", TestRules.factsDir().toString());
        assertEquals(0, r.code(), r.err());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            lines.add(Json.mapper().readTree(line));
        }
        long files;
        try (var walk = Files.walk(TestRules.factsDir())) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertEquals(files, lines.size());
        JsonNode imp1 = byId(lines, "impersonate-badan-never-logged-in");
        JsonNode imp3 = byId(lines, "impersonate-pic-name-differs-ahu");
        assertEquals("confirmed", statusOf(imp1, "IMP-1"));
        assertEquals("ruled-out", statusOf(imp3, "IMP-1"));
        assertEquals("confirmed", statusOf(imp3, "IMP-3"));
        JsonNode cause = imp1.get("causes").get(0);
        assertTrue(cause.get("how").get(0).get("facts").toString().contains("badan.last-login-shown = no"));
        assertTrue(imp1.get("trace").size() > 0);
    }

    private static JsonNode byId(List<JsonNode> lines, String id) {
        return lines.stream().filter(n -> n.get("caseId").asText().equals(id)).findFirst().orElseThrow();
    }

    private static String statusOf(JsonNode diagnosis, String relation) {
        for (JsonNode c : diagnosis.get("causes")) {
            for (JsonNode r : c.get("relations")) {
                if (r.asText().equals(relation)) {
                    return c.get("status").asText();
                }
            }
        }
        return "absent";
    }

    @Test
    void badCase_isReportedWithExit2_andOtherCasesAreStillDiagnosed(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad-npwp.yaml");
        Files.writeString(bad, "as_of: 2025-01-01\nproblem: impersonate-fails\nfindings:\n  nope: 1\n");
        Path malformed = tmp.resolve("malformed.yaml");
        Files.writeString(malformed, "id: [\n");
        Run r = run("diagnose", "--rules", rules(), "--lang", "en", "--json", bad.toString(),
                fact("coretax/impersonate-badan-never-logged-in.yaml"), malformed.toString());
        assertEquals(2, r.code());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, "one line per case, errors included: " + r.out());
        assertTrue(lines[0].contains("\"error\""));
        assertTrue(lines[1].contains("\"caseId\":\"impersonate-badan-never-logged-in\""));
        assertTrue(r.err().contains("bad-npwp.yaml: findings.nope: unknown finding 'nope'"), r.err());
        assertTrue(r.err().contains("malformed.yaml:"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
    }

    @Test
    void brokenRules_exit2_withFileAndLine(@TempDir Path tmp) throws Exception {
        Path rules = pajakdx.TempRules.copyOfRules(tmp);
        Files.writeString(rules.resolve("coretax/broken.drl"), "package rules.coretax;\nrule \"x\" when\n  Foo(\nthen end\n");
        Run r = run("diagnose", "--rules", rules.toString(), fact("coretax/impersonate-only-problem.yaml"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("coretax/broken.drl:"), r.err());
        assertFalse(r.err().contains("at org."), "no stack trace: " + r.err());
    }

    @Test
    void usageError_exit2() {
        Run r = run("diagnose");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("CASE"), r.err());
    }

    @Test
    void usageErrors_maskTheIdentifiersTheyQuote_andNameNoJavaClass() {
        Run unmatched = run("317254698103482", "--lang", "en");
        Run badValue = run("diagnose", "--lang", "3174056502910004", "x.yaml", "--lang", "en");
        assertEquals(2, unmatched.code());
        assertEquals(2, badValue.code());
        assertTrue(unmatched.err().startsWith("error: Unmatched argument at index *: '************482'"), unmatched.err());
        assertTrue(badValue.err().startsWith("error: Invalid value for option '--lang': unknown language '*************004'"
                + " (id, en)"), badValue.err());
        Run indonesian = run("diagnose", "--lang", "3174056502910004", "x.yaml");
        assertTrue(indonesian.err().startsWith("error: nilai tidak sah untuk opsi '--lang': bahasa tidak dikenal"
                + " '*************004' (id, en)"), indonesian.err());
        assertFalse(indonesian.err().contains("3174056502910004"), indonesian.err());
        for (Run r : List.of(unmatched, badValue, indonesian)) {
            assertFalse(r.err().contains("317254698103482") || r.err().contains("3174056502910004"), r.err());
            assertFalse(r.err().contains("java.lang"), r.err());
            assertTrue(r.err().contains(r == indonesian ? "Pemakaian: pajakdx" : "Usage: pajakdx"),
                    "the usage follows, in the same language: " + r.err());
        }
    }
}
