package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.TestRules;
import pajakdx.json.Json;

/** {@code pajakdx batch}: order, threads, bad lines, empty input, stdin. */
class BatchCommandTest {

    /** Every case of facts/ as one JSON line, renamed {@code <n>-<id>} so order is visible. */
    static List<String> caseLines(int count) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(TestRules.factsDir())) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                cases.add(Case.read(p));
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Case c = cases.get(i % cases.size());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", i + "-" + c.id());
            json.put("as_of", c.asOf());
            json.put("findings", c.answers());
            json.put("errors", c.errors());
            lines.add(Json.write(json));
        }
        return lines;
    }

    static CliTest.Run batch(String input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            List<String> all = new ArrayList<>(List.of("batch", "--rules", CliTest.rules()));
            all.addAll(List.of(args));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
            return new CliTest.Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    static List<String> outLines(CliTest.Run r) {
        return r.out().isEmpty() ? List.of() : List.of(r.out().split("\n"));
    }

    @Test
    void eachLineGetsTheSameJsonAsDiagnose_inInputOrder_withTwoThreads(@TempDir Path tmp) throws IOException {
        List<String> lines = caseLines(600);
        CliTest.Run r = batch(String.join("\n", lines) + "\n", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        List<String> out = outLines(r);
        assertEquals(lines.size(), out.size());
        for (int i = 0; i < lines.size(); i++) {
            String expected = TestRules.rules().diagnose(Case.parseJson("x", lines.get(i))).withoutWhyNot().toJson();
            assertEquals(expected, out.get(i), "line " + (i + 1));
        }
        // diagnose --json on the same case written as a file prints the same line.
        Path file = tmp.resolve("first.json");
        Files.writeString(file, lines.get(0));
        CliTest.Run d = CliTest.run("diagnose", "--rules", CliTest.rules(), "--json", file.toString());
        assertEquals(out.get(0), d.out().strip());
    }

    @Test
    void whyNot_isWrittenOnlyWhenAskedFor_andThenIsTheLibrarysWholeDiagnosis(@TempDir Path tmp) throws IOException {
        List<String> lines = caseLines(60);
        CliTest.Run brief = batch(String.join("\n", lines) + "\n", "--threads", "2");
        CliTest.Run full = batch(String.join("\n", lines) + "\n", "--threads", "2", "--why-not");
        assertEquals(0, full.code(), full.err());
        assertFalse(brief.out().contains("\"notConcluded\"") || brief.out().contains("\"whyNot\""), "not asked: absent");
        List<String> out = outLines(full);
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(TestRules.rules().diagnose(Case.parseJson("x", lines.get(i))).toJson(), out.get(i),
                    "line " + (i + 1));
        }
        assertTrue(full.out().contains("\"notConcluded\":[{"), "the sample has causes not concluded");
        Path file = tmp.resolve("first.json");
        Files.writeString(file, lines.get(0));
        CliTest.Run d = CliTest.run("diagnose", "--rules", CliTest.rules(), "--json", "--why-not", file.toString());
        assertEquals(out.get(0), d.out().strip());
    }

    @Test
    void langIsAccepted_saysItChangesNothing_andChangesNothing() throws IOException {
        String input = String.join("\n", caseLines(20));
        CliTest.Run id = batch(input);
        CliTest.Run en = batch(input, "--lang", "en");
        assertEquals(0, en.code(), en.err());
        assertEquals(id.out(), en.out(), "each text carries both languages already");
        assertEquals(2, batch(input, "--lang", "fr").code(), "an unknown language is still a usage error");
        CliTest.Run help = CliTest.run("batch", "--help", "--lang", "en");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("changes nothing here"), help.out());
        CliTest.Run bantuan = CliTest.run("batch", "--help");
        assertTrue(bantuan.out().replaceAll("\\s+", " ").contains("tidak mengubah apa pun"), bantuan.out());
    }

    @Test
    void jsonIsAccepted_andChangesNothing() throws IOException {
        String input = String.join("\n", caseLines(5));
        CliTest.Run plain = batch(input);
        CliTest.Run json = batch(input, "--json");
        assertEquals(0, json.code(), json.err());
        assertEquals(plain.out(), json.out(), "batch writes JSON either way");
    }

    @Test
    void oneTwoAndEightThreads_giveTheSameOutput() throws IOException {
        String input = String.join("\n", caseLines(300));
        CliTest.Run one = batch(input, "--threads", "1", "--no-explain");
        CliTest.Run two = batch(input, "--threads", "2", "--no-explain");
        CliTest.Run eight = batch(input, "--threads", "8", "--no-explain");
        assertEquals(0, one.code(), one.err());
        assertEquals(300, outLines(one).size());
        assertEquals(one.out(), two.out());
        assertEquals(one.out(), eight.out());
        assertFalse(one.out().contains("\"whyNot\":[{"), "--no-explain leaves WHY NOT out");
    }

    @Test
    void badLines_getAnErrorRecordInPlace_andTheRestIsDiagnosed() throws Exception {
        List<String> good = caseLines(3);
        String input = String.join("\n", good.get(0),
                "{\"id\": \"broken\", \"findings\": {",                                   // 2: not JSON
                "{\"findings\": {\"problem\": \"impersonate-fails\", \"nope\": \"yes\"}}",  // 3: unknown finding
                good.get(1),
                "[1, 2, 3]",                                                               // 5: not a case
                "{\"findings\": {\"problem\": \"impersonate-fails\"}, \"as_of\": \"yesterday\"}", // 6: bad date
                good.get(2));
        CliTest.Run r = batch(input, "--threads", "2");
        assertEquals(2, r.code(), "exit 2 when a line failed");
        List<String> out = outLines(r);
        assertEquals(7, out.size(), r.out());
        JsonNode[] n = new JsonNode[7];
        for (int i = 0; i < 7; i++) {
            n[i] = Json.mapper().readTree(out.get(i));
        }
        assertEquals(Case.parseJson("x", good.get(0)).id(), n[0].get("caseId").asText());
        for (int bad : new int[] {2, 3, 5, 6}) {
            JsonNode rec = n[bad - 1];
            assertEquals(bad, rec.get("line").asInt(), out.get(bad - 1));
            assertTrue(rec.get("error").isArray() && rec.get("error").size() > 0, out.get(bad - 1));
            assertTrue(rec.get("error").get(0).asText().startsWith("stdin:" + bad + ":"), out.get(bad - 1));
        }
        assertTrue(n[2].get("error").get(0).asText().contains("unknown finding 'nope'"), out.get(2));
        assertTrue(n[5].get("error").get(0).asText().contains("as_of"), out.get(5));
        assertTrue(n[3].has("caseId") && n[6].has("caseId"), "good lines after bad ones are diagnosed");
        assertTrue(r.err().contains("error: stdin:3: findings.nope: temuan tidak dikenal 'nope'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void npwpOf14Digits_isOneBadLine(@TempDir Path tmp) throws IOException {
        Path rules = pajakdx.TempRules.copyOfRules(tmp);
        Files.writeString(rules.resolve("identity.yaml"), "findings:\n  - id: taxpayer.npwp\n    type: identifier\n"
                + "    cost: knows\n    question: {id: \"NPWP?\", en: \"NPWP?\"}\n");
        String input = "{\"findings\": {\"taxpayer.npwp\": \"12345678901234\"}}\n" + caseLines(1).get(0) + "\n";
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        CliTest.Run r;
        try {
            r = CliTest.run("batch", "--rules", rules.toString());
        } finally {
            System.setIn(saved);
        }
        assertEquals(2, r.code(), r.err());
        List<String> out = outLines(r);
        assertEquals(2, out.size(), r.out());
        assertTrue(out.get(0).startsWith("{\"line\":1,\"error\":[\"stdin:1: findings.taxpayer.npwp:"), out.get(0));
        assertFalse(out.get(0).contains("12345678901234"), "the bad identifier is not echoed whole: " + out.get(0));
        assertTrue(out.get(1).contains("\"caseId\""), "the next line is still diagnosed");
    }

    @Test
    void emptyInput_andBlankLines_giveNoOutput_exit0() {
        CliTest.Run empty = batch("");
        assertEquals(0, empty.code(), empty.err());
        assertEquals("", empty.out());
        CliTest.Run blank = batch("\n   \n\n");
        assertEquals(0, blank.code(), blank.err());
        assertEquals("", blank.out());
    }

    @Test
    void readsAFileArgument_andNamesItInErrors(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("cases.jsonl");
        Files.writeString(file, caseLines(2).get(1) + "\nnot json\n");
        CliTest.Run r = CliTest.run("batch", "--rules", CliTest.rules(), file.toString());
        assertEquals(2, r.code());
        assertEquals(2, outLines(r).size());
        assertTrue(outLines(r).get(1).contains(file + ":2"), r.out());
        CliTest.Run missing = CliTest.run("batch", "--rules", CliTest.rules(), tmp.resolve("none.jsonl").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("none.jsonl: berkas tidak ada"), missing.err());
    }

    @Test
    void badThreadCount_isAUsageError() {
        CliTest.Run r = batch("", "--threads", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--threads"), r.err());
    }
}
