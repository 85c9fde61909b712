package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TempRules;
import pajakdx.TestRules;
import pajakdx.json.Json;

/**
 * {@code check}, {@code test} and {@code rules} end to end, in process. Exact numbers are
 * asserted on the small demo rule base in src/test/resources, whose size never changes.
 */
class AnalystCommandsTest {
    static final Path DEMO_RULES = TestRules.projectRoot().resolve("src/test/resources/demo-rules");
    static final Path DEMO_FACTS = TestRules.projectRoot().resolve("src/test/resources/demo-facts");

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    static Path copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    // --- check ---

    @Test
    void check_cleanRules_exit0_withASummary() {
        CliTest.Run r = run("check", "--rules", DEMO_RULES.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().trim().endsWith("1 rule files, 3 catalog files, 4 rules: 0 errors, 0 warnings"), r.out());
    }

    @Test
    void check_warningsOnly_exit1(@TempDir Path tmp) {
        Path rules = copy(DEMO_RULES, tmp.resolve("rules"));
        TempRules.write(rules, "demo/extra.yaml", """
                title: {id: "Tambahan", en: "Extra"}
                remedies:
                  - id: demo-never-offered
                    text: {id: "Tidak pernah", en: "Never"}
                """);
        CliTest.Run r = run("check", "--rules", rules.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("/rules/demo/extra.yaml:3: langkah perbaikan 'demo-never-offered' tidak pernah"
                + " ditawarkan"), "said in Indonesian by default: " + r.out());
    }

    @Test
    void check_errors_exit2_oneLinePerProblem_fileLineColumn(@TempDir Path tmp) {
        Path rules = copy(DEMO_RULES, tmp.resolve("rules"));
        TempRules.write(rules, "demo/typo.drl", """
                package rules.demo;
                import pajakdx.facts.*;
                rule "Typo in a finding and in a value"
                    @relations("DEMO-1") @source("demo-source")
                when
                    Finding(id == "problem", value == "demo-upload-fail")
                    Finding(id == "demo.conection-stable", value == "no")
                then
                    insertLogical(Cause.confirmed("demo-connection-unstable"));
                end
                """);
        CliTest.Run id = run("check", "--rules", rules.toString());
        assertEquals(2, id.code(), id.out());
        assertTrue(id.out().contains("error: " + rules + "/demo/typo.drl:7:19: aturan 'Typo in a finding and in a value'"
                + " menguji temuan tidak dikenal 'demo.conection-stable' (maksud Anda 'demo.connection-stable'?)"),
                "said in Indonesian by default, where it is as it is: " + id.out());
        CliTest.Run r = run("check", "--lang", "en", "--rules", rules.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.out().contains("/rules/demo/typo.drl:6:39: rule 'Typo in a finding and in a value':"
                + " 'demo-upload-fail' is not a value of choice finding 'problem' (did you mean 'demo-upload-fails'?)"),
                r.out());
        assertTrue(r.out().contains("/rules/demo/typo.drl:7:19: rule 'Typo in a finding and in a value' tests unknown"
                + " finding 'demo.conection-stable' (did you mean 'demo.connection-stable'?)"), r.out());
        assertTrue(r.out().contains(": 2 errors, 0 warnings"), r.out());
    }

    @Test
    void check_missingFolder_exit2() {
        CliTest.Run r = run("check", "--rules", "no-such-folder-here");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("error: no-such-folder-here: folder aturan tidak ada"), r.err());
        assertTrue(run("check", "--rules", "no-such-folder-here", "--lang", "en").err()
                .contains("error: no-such-folder-here: no such rules folder"));
    }

    @Test
    void check_bundledRules_haveNoErrors() {
        CliTest.Run r = run("check");
        assertTrue(r.code() == 0 || r.code() == 1, r.out());
        assertFalse(r.out().contains("error:"), r.out());
        assertTrue(r.out().contains("check (bundled rules):"), r.out());
    }

    // --- test ---

    @Test
    void test_allPass_reportsRelationAndRuleCoverageWithTotals() {
        CliTest.Run r = run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("PASS  stable.yaml\nPASS  unstable.yaml\n"), r.out());
        assertTrue(r.out().contains("cases: 2 passed, 0 failed, 0 could not run (2 total)"), r.out());
        assertTrue(r.out().contains("relation coverage: 2 of 3 relations of relations.yaml (66.7%)"), r.out());
        assertTrue(r.out().contains("no rule names (1): DEMO-3"), r.out());
        assertTrue(r.out().contains("rule coverage: 3 of 4 rules (75.0%)"), r.out());
        assertTrue(r.out().contains("demo/upload.drl:14  Demo connection unstable: suspected while unknown"), r.out());
    }

    @Test
    void test_minCoverage_failsBelowIt_exit1() {
        CliTest.Run below = run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                "--min-coverage", "70");
        assertEquals(1, below.code(), below.out());
        assertTrue(below.out().contains("relation coverage 66.7% is below the minimum of 70.0%"), below.out());
        CliTest.Run enough = run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                "--min-coverage", "66");
        assertEquals(0, enough.code(), enough.out());
        assertEquals(2, run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                "--min-coverage", "120").code());
    }

    @Test
    void test_failingCase_showsExpectedAndActualSideBySide_exit1(@TempDir Path tmp) {
        Path facts = copy(DEMO_FACTS, tmp.resolve("facts"));
        TempRules.write(facts, "wrong.yaml", """
                id: demo-wrong
                as_of: 2025-02-03
                problem: demo-upload-fails
                findings:
                  demo.connection-stable: yes
                expect:
                  confirmed: [DEMO-1]
                  first_remedy: demo-fix-connection
                """);
        CliTest.Run r = run("test", "--rules", DEMO_RULES.toString(), "--facts", facts.toString());
        assertEquals(1, r.code(), r.out());
        String expected = """
                FAIL  wrong.yaml
                    expected                          | actual
                    confirmed: DEMO-1                 | confirmed: (none)
                    first_remedy: demo-fix-connection | first remedy: demo-retry-later
                    - expected DEMO-1 confirmed, but it is ruled-out
                    - expected first remedy demo-fix-connection, got demo-retry-later
                """;
        assertTrue(r.out().contains(expected), r.out());
        assertTrue(r.out().contains("cases: 2 passed, 1 failed, 0 could not run (3 total)"), r.out());
    }

    @Test
    void test_unreadableCase_isReported_othersStillRun_exit2(@TempDir Path tmp) {
        Path facts = copy(DEMO_FACTS, tmp.resolve("facts"));
        TempRules.write(facts, "broken.yaml", "id: [\n");
        CliTest.Run r = run("test", "--rules", DEMO_RULES.toString(), "--facts", facts.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.out().contains("ERROR broken.yaml"), r.out());
        assertTrue(r.out().contains("cases: 2 passed, 0 failed, 1 could not run (3 total)"), r.out());
    }

    @Test
    void test_projectRulesAndFacts_allPass() {
        CliTest.Run r = run("test", "--rules", TestRules.rulesDir().toString(), "--facts",
                TestRules.factsDir().toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(" 0 failed, 0 could not run"), r.out());
        assertTrue(r.out().contains("relation coverage: "), r.out());
    }

    // --- rules ---

    @Test
    void rules_text_listsEveryRuleWithTopicRelationsAndSources() {
        CliTest.Run r = run("rules", "--rules", DEMO_RULES.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("demo/upload (4 rules)\n  demo/upload.drl:5  Demo connection unstable: confirmed\n"
                + "      relations DEMO-1; sources demo-source; concludes cause demo-connection-unstable confirmed\n"),
                r.out());
        assertTrue(r.out().contains("4 rules in 1 topics, naming 2 relations and citing 1 sources"), r.out());
    }

    @Test
    void rules_json_isOneDocumentWithRulesRelationsAndTotals() throws Exception {
        CliTest.Run r = run("rules", "--json", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out());
        assertEquals(4, doc.get("rules").size());
        assertEquals("demo/upload", doc.get("rules").get(0).get("topic").asText());
        assertEquals("DEMO-1", doc.get("rules").get(0).get("relations").get(0).asText());
        JsonNode demo1 = doc.get("relations").get(0);
        assertEquals("DEMO-1", demo1.get("id").asText());
        assertTrue(demo1.get("covered").asBoolean());
        assertTrue(demo1.get("cases").toString().contains("{\"case\":\"unstable.yaml\",\"use\":\"confirmed\"}")
                || demo1.get("cases").toString().contains("\"use\":\"confirmed\",\"case\":\"unstable.yaml\""),
                demo1.toString());
        assertEquals(2, doc.get("totals").get("relationsCovered").asInt());
    }

    @Test
    void rules_markdown_writesTheKnowledgeTable(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("docs/KNOWLEDGE.md");
        CliTest.Run r = run("rules", "--markdown", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(out);
        assertTrue(md.contains("**Totals:** 3 relations; 2 named by a rule (66.7%); 2 concluded by a case (66.7%);"
                + " 2 covered (66.7%)."), md);
        assertTrue(md.contains("| DEMO-1 | cause | Upload fails on an unstable connection | Demo connection unstable:"
                + " confirmed (`demo/upload.drl`)<br>"), md);
        assertTrue(md.contains("`unstable.yaml` (confirmed)") && md.contains("`stable.yaml` (ruled out)"), md);
        assertTrue(md.contains("| DEMO-3 ⚠ | cause | A relation no rule encodes yet | — | — | demo-source |"), md);
        assertTrue(md.contains("| demo-source | Test fixture | PajakDx tests |  |  | 3 |"), md); // no date, no URL
    }

    @Test
    void rules_markdownAndJsonTogether_isAUsageError() {
        CliTest.Run r = run("rules", "--markdown", "--json", "--rules", DEMO_RULES.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("mutually exclusive"), r.err());
    }
}
