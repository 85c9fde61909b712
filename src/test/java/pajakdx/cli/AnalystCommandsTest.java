package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TempRules;
import pajakdx.RuleBase;
import pajakdx.TestRules;
import pajakdx.json.Json;
import pajakdx.report.KnowledgeTable;
import pajakdx.verify.CaseResult;
import pajakdx.verify.CaseRunner;
import pajakdx.verify.Coverage;

/**
 * {@code check}, {@code test}, {@code rules} and {@code copycheck} end to end, in process, in
 * Indonesian (the default) and in English ({@code --lang en}). Exact numbers are asserted on the
 * small demo rule base in src/test/resources, whose size never changes.
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
    void check_cleanRules_exit0_withASummary_inIndonesianByDefault() {
        CliTest.Run r = run("check", "--rules", DEMO_RULES.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("check " + DEMO_RULES + ": 1 berkas aturan, 3 berkas katalog, 4 aturan: 0 galat, 0 peringatan",
                r.out().trim(), r.out());
    }

    @Test
    void check_cleanRules_summaryInEnglish_withLangEn() {
        CliTest.Run r = run("check", "--rules", DEMO_RULES.toString(), "--lang", "en");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("check " + DEMO_RULES + ": 1 rule files, 3 catalog files, 4 rules: 0 errors, 0 warnings",
                r.out().trim(), r.out());
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
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("warning: ") && l.contains("/rules/demo/extra.yaml:3: ")),
                "the marker stays in Indonesian output: " + r.out());
        assertTrue(r.out().trim().endsWith("4 aturan: 0 galat, 1 peringatan"), r.out());
        CliTest.Run en = run("check", "--rules", rules.toString(), "--lang", "en");
        assertEquals(1, en.code(), en.out());
        assertTrue(en.out().contains("warning: " + rules + "/demo/extra.yaml:3: remedy 'demo-never-offered' is never"
                + " offered"), en.out());
        assertTrue(en.out().trim().endsWith("4 rules: 0 errors, 1 warning"), en.out());
    }

    /** A name too long is quoted cut short; a number the cut would split is left out whole, not shown in part. */
    @Test
    void check_aLongRuleName_isQuotedWithoutPartOfANumber(@TempDir Path tmp) {
        Path rules = copy(DEMO_RULES, tmp.resolve("rules"));
        String name = "x".repeat(55) + " 3172546981034821 " + "y".repeat(150);
        TempRules.write(rules, "demo/long.drl", """
                package rules.demo;
                import pajakdx.facts.*;
                rule "%s"
                    @relations("DEMO-1") @source("demo-source")
                when
                    Finding(id == "problem", value == "demo-upload-fails")
                then
                    insertLogical(Cause.confirmed("demo-connection-unstable"));
                end
                """.formatted(name));
        for (String lang : List.of("id", "en")) {
            CliTest.Run r = run("check", "--rules", rules.toString(), "--lang", lang);
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("'" + "x".repeat(55) + " …'"), r.out());
            assertFalse(r.out().contains("3172"), "no part of the number: " + r.out());
        }
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
        TempRules.write(rules, "demo/typo.yaml", """
                title: {id: "Salah ketik", en: "Typo"}
                rule_titles:
                  "Typo in a finding and in a value": "Salah ketik pada temuan dan nilainya"
                """);
        CliTest.Run id = run("check", "--rules", rules.toString());
        assertEquals(2, id.code(), id.out());
        assertEquals(2, id.out().lines().filter(l -> l.startsWith("error: " + rules + "/demo/typo.drl:")).count(),
                id.out());
        assertTrue(id.out().contains(": 2 galat, 0 peringatan"), id.out());
        assertTrue(id.out().contains("error: " + rules + "/demo/typo.drl:7:19: aturan 'Typo in a finding and in a value'"
                + " menguji temuan tidak dikenal 'demo.conection-stable' (maksud Anda 'demo.connection-stable'?)"),
                "said in Indonesian by default, where it is as it is: " + id.out());
        CliTest.Run r = run("check", "--rules", rules.toString(), "--lang", "en");
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
        assertTrue(r.out().contains("check (aturan bawaan): "), r.out());
        assertTrue(r.out().contains(" berkas aturan, "), r.out());
        CliTest.Run en = run("check", "--lang", "en");
        assertTrue(en.out().contains("check (bundled rules): "), en.out());
        assertTrue(en.out().contains(" rule files, "), en.out());
    }

    // --- test ---

    @Test
    void test_allPass_reportsRelationAndRuleCoverageWithTotals_inIndonesianByDefault() {
        CliTest.Run r = run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("""
                LULUS stable.yaml
                LULUS unstable.yaml
                kasus: 2 lulus, 0 gagal, 0 tidak dapat dijalankan (total 2)
                cakupan relasi: 2 dari 3 relasi di relations.yaml (66,7%) disebut oleh suatu aturan dan disimpulkan \
                oleh suatu kasus
                  tidak disebut oleh aturan mana pun (1): DEMO-3
                cakupan aturan: 3 dari 4 aturan (75,0%) berjalan di sedikitnya satu kasus
                  aturan yang tidak dijalankan oleh kasus mana pun (1):
                    demo/upload.drl:14  Demo koneksi tidak stabil: diduga selama belum diketahui
                """, r.out());
    }

    @Test
    void test_allPass_reportsRelationAndRuleCoverageWithTotals_inEnglishWithLangEn() {
        CliTest.Run r = run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(), "--lang", "en");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("""
                PASS  stable.yaml
                PASS  unstable.yaml
                cases: 2 passed, 0 failed, 0 could not run (2 total)
                relation coverage: 2 of 3 relations of relations.yaml (66.7%) are named by a rule and concluded by \
                a case
                  no rule names (1): DEMO-3
                rule coverage: 3 of 4 rules (75.0%) fire in at least one case
                  rules no case fires (1):
                    demo/upload.drl:14  Demo connection unstable: suspected while unknown
                """, r.out());
    }

    @Test
    void test_minCoverage_failsBelowIt_exit1() {
        CliTest.Run below = run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                "--min-coverage", "70");
        assertEquals(1, below.code(), below.out());
        assertTrue(below.out().endsWith("\ncakupan relasi 66,7% di bawah batas minimum 70,0%\n"), below.out());
        CliTest.Run belowEn = run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                "--min-coverage", "70", "--lang", "en");
        assertEquals(1, belowEn.code(), belowEn.out());
        assertTrue(belowEn.out().endsWith("\nrelation coverage 66.7% is below the minimum of 70.0%\n"), belowEn.out());
        CliTest.Run enough = run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                "--min-coverage", "66");
        assertEquals(0, enough.code(), enough.out());
        assertFalse(enough.out().contains("batas minimum"), enough.out());
        assertEquals(2, run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                "--min-coverage", "120").code());
    }

    @Test
    void test_minCoverage_takesADecimalCommaOrPoint_andRefusesWhatIsNotANumber() {
        for (String min : new String[] {"66,8", "66.8", "66,8%"}) {
            CliTest.Run r = run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                    "--min-coverage", min);
            assertEquals(1, r.code(), min + ": " + r.out() + r.err());
            assertTrue(r.out().endsWith("\ncakupan relasi 66,7% di bawah batas minimum 66,8%\n"), r.out());
        }
        assertEquals(0, run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                "--min-coverage", "66,6").code());
        for (String bad : new String[] {"1,2,3", "1,5.0", "NaN", "abc", "70d", ""}) {
            CliTest.Run r = run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                    "--min-coverage", bad);
            assertEquals(2, r.code(), bad + ": " + r.out());
            assertTrue(r.err().startsWith("error: nilai tidak sah untuk opsi '--min-coverage': '" + bad
                    + "' bukan bilangan"), r.err());
        }
        for (String[] out : new String[][] {{"100,1", "bukan 100,1"}, {"-1", "bukan -1"}, {"1e400", "bukan bilangan"}}) {
            CliTest.Run r = run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                    "--min-coverage", out[0]);
            assertEquals(2, r.code(), out[0] + ": " + r.out());
            assertTrue(r.err().contains(out[1]), r.err());
        }
        CliTest.Run en = run("test", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                "--min-coverage", "x", "--lang", "en");
        assertTrue(en.err().startsWith("error: Invalid value for option '--min-coverage': 'x' is not a number"),
                en.err());
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
        CliTest.Run id = run("test", "--rules", DEMO_RULES.toString(), "--facts", facts.toString());
        assertEquals(1, id.code(), id.out());
        assertTrue(id.out().contains("""
                GAGAL wrong.yaml
                    diharapkan                        | hasil
                    confirmed: DEMO-1                 | terkonfirmasi: (tidak ada)
                    first_remedy: demo-fix-connection | langkah pertama: demo-retry-later
                    - diharapkan DEMO-1 terkonfirmasi, tetapi ternyata disingkirkan
                    - diharapkan langkah pertama demo-fix-connection, ternyata demo-retry-later
                """), id.out());
        assertTrue(id.out().contains("kasus: 2 lulus, 1 gagal, 0 tidak dapat dijalankan (total 3)"), id.out());
        CliTest.Run r = run("test", "--rules", DEMO_RULES.toString(), "--facts", facts.toString(), "--lang", "en");
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
    void test_failingCase_everyKindOfExpectation_inBothLanguages(@TempDir Path tmp) {
        Path facts = tmp.resolve("facts");
        TempRules.write(facts, "more.yaml", """
                id: demo-more
                as_of: 2025-02-03
                problem: demo-upload-fails
                findings:
                  demo.connection-stable: yes
                expect:
                  suspected: [DEMO-1]
                  ruled_out: [DEMO-1]
                  absent: [DEMO-1]
                  remedies: [demo-fix-connection]
                  questions: [demo.connection-stable]
                  first_question: demo.connection-stable
                """);
        CliTest.Run id = run("test", "--rules", DEMO_RULES.toString(), "--facts", facts.toString());
        assertEquals(1, id.code(), id.out());
        assertTrue(id.out().startsWith("""
                GAGAL more.yaml
                    diharapkan                             | hasil
                    confirmed: (tidak ada)                 | terkonfirmasi: (tidak ada)
                    suspected: DEMO-1                      | diduga: (tidak ada)
                    ruled_out: DEMO-1                      | disingkirkan: DEMO-1 demo-connection-unstable
                    absent: DEMO-1                         | DEMO-1: disingkirkan
                    remedies: demo-fix-connection          | langkah: demo-retry-later
                    questions: demo.connection-stable      | pertanyaan: (tidak ada)
                    first_question: demo.connection-stable | pertanyaan pertama: (tidak ada)
                    - diharapkan DEMO-1 diduga, tetapi ternyata disingkirkan
                    - diharapkan DEMO-1 tidak disimpulkan, tetapi ternyata disingkirkan
                    - diharapkan langkah demo-fix-connection ditawarkan
                    - diharapkan pertanyaan demo.connection-stable masih terbuka
                    - diharapkan pertanyaan pertama demo.connection-stable, ternyata (tidak ada pertanyaan)
                """), id.out());
        CliTest.Run en = run("test", "--rules", DEMO_RULES.toString(), "--facts", facts.toString(), "--lang", "en");
        assertEquals(1, en.code(), en.out());
        assertTrue(en.out().startsWith("""
                FAIL  more.yaml
                    expected                               | actual
                    confirmed: (none)                      | confirmed: (none)
                    suspected: DEMO-1                      | suspected: (none)
                    ruled_out: DEMO-1                      | ruled out: DEMO-1 demo-connection-unstable
                    absent: DEMO-1                         | DEMO-1: ruled-out
                    remedies: demo-fix-connection          | remedies: demo-retry-later
                    questions: demo.connection-stable      | questions: (none)
                    first_question: demo.connection-stable | first question: (none)
                    - expected DEMO-1 suspected, but it is ruled-out
                    - expected DEMO-1 not to be concluded, but it is ruled-out
                    - expected remedy demo-fix-connection to be offered
                    - expected question demo.connection-stable to be open
                    - expected first question demo.connection-stable, got (no question)
                """), en.out());
    }

    @Test
    void test_unreadableCase_isReported_othersStillRun_exit2(@TempDir Path tmp) {
        Path facts = copy(DEMO_FACTS, tmp.resolve("facts"));
        TempRules.write(facts, "broken.yaml", "id: [\n");
        CliTest.Run id = run("test", "--rules", DEMO_RULES.toString(), "--facts", facts.toString());
        assertEquals(2, id.code(), id.out());
        assertTrue(id.out().contains("GALAT broken.yaml\n    error: " + facts.resolve("broken.yaml") + ":"), id.out());
        assertTrue(id.out().contains("kasus: 2 lulus, 0 gagal, 1 tidak dapat dijalankan (total 3)"), id.out());
        CliTest.Run r = run("test", "--rules", DEMO_RULES.toString(), "--facts", facts.toString(), "--lang", "en");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.out().contains("ERROR broken.yaml\n    error: " + facts.resolve("broken.yaml") + ":"), r.out());
        assertTrue(r.out().contains("cases: 2 passed, 0 failed, 1 could not run (3 total)"), r.out());
    }

    @Test
    void test_projectRulesAndFacts_allPass() {
        CliTest.Run r = run("test", "--rules", TestRules.rulesDir().toString(), "--facts",
                TestRules.factsDir().toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(" 0 gagal, 0 tidak dapat dijalankan"), r.out());
        assertTrue(r.out().contains("cakupan relasi: "), r.out());
    }

    // --- rules ---

    @Test
    void rules_text_listsEveryRuleWithTopicRelationsAndSources_inIndonesianByDefault() {
        CliTest.Run r = run("rules", "--rules", DEMO_RULES.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                demo/upload (4 aturan)
                  demo/upload.drl:5  Demo koneksi tidak stabil: terkonfirmasi
                      relasi DEMO-1; sumber demo-source; menyimpulkan penyebab demo-connection-unstable terkonfirmasi
                  demo/upload.drl:14  Demo koneksi tidak stabil: diduga selama belum diketahui
                      relasi DEMO-1; sumber demo-source; menyimpulkan penyebab demo-connection-unstable diduga
                  demo/upload.drl:23  Demo koneksi tidak stabil: disingkirkan
                      relasi DEMO-1; sumber demo-source; menyimpulkan penyebab demo-connection-unstable disingkirkan
                  demo/upload.drl:32  Demo: coba lagi nanti bila belum ada yang terkonfirmasi
                      relasi DEMO-2; sumber demo-source; menyimpulkan langkah demo-retry-later
                4 aturan dalam 1 topik, menyebut 2 relasi dan mengutip 1 sumber
                """, r.out());
    }

    @Test
    void rules_text_derivedRules_markedAndTitledInEitherLanguage() {
        String id = run("rules").out();
        assertTrue(id.lines().anyMatch(l -> l.contains(": diduga selama ") && l.endsWith("  (turunan)")), id);
        assertFalse(id.contains("(derived)") || id.contains("; concludes "), "no English in the listing");
        String en = run("rules", "--lang", "en").out();
        assertTrue(en.lines().anyMatch(l -> l.contains(": suspected while ") && l.endsWith("  (derived)")), en);
        assertFalse(en.contains("(turunan)") || en.contains("; menyimpulkan "), "no Indonesian in the listing");
    }

    @Test
    void rules_text_inEnglishWithLangEn() {
        CliTest.Run r = run("rules", "--rules", DEMO_RULES.toString(), "--lang", "en");
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
        assertEquals("Demo connection unstable: confirmed", doc.get("rules").get(0).get("name").asText(),
                "a rule's name, not its title in a language");
        assertEquals("Upload fails on an unstable connection", demo1.get("summary").asText(), "English, as before");
        assertEquals("Unggah gagal karena koneksi tidak stabil", demo1.get("summaryId").asText());
    }

    /**
     * relations.yaml as written before summaries were bilingual (plain strings): it loads, checks
     * clean (no relation of the folder has an Indonesian summary), and the English summary is
     * what Indonesian output shows; rules --json gives it under both fields.
     */
    @Test
    void plainStringSummaries_stillLoad_andShowTheEnglishInIndonesianOutput(@TempDir Path tmp) throws Exception {
        Path rules = copy(DEMO_RULES, tmp.resolve("rules"));
        Files.writeString(rules.resolve("relations.yaml"), """
                relations:
                  - {id: DEMO-1, kind: cause, source: demo-source, summary: "Upload fails on an unstable connection"}
                  - {id: DEMO-2, kind: generic, source: demo-source, summary: "Retry later when no cause is confirmed"}
                  - {id: DEMO-3, kind: cause, source: demo-source, summary: "A relation no rule encodes yet"}
                """);
        CliTest.Run check = run("check", "--rules", rules.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        assertTrue(check.out().contains(": 0 galat, 0 peringatan"), check.out());
        CliTest.Run md = run("rules", "--markdown", "--rules", rules.toString(), "--facts", DEMO_FACTS.toString());
        assertEquals(0, md.code(), md.err());
        assertTrue(md.out().contains("| DEMO-1 | cause | Upload fails on an unstable connection | Demo koneksi tidak"
                + " stabil: terkonfirmasi"), md.out());
        JsonNode demo1 = Json.mapper().readTree(run("rules", "--json", "--rules", rules.toString(), "--facts",
                DEMO_FACTS.toString()).out()).get("relations").get(0);
        assertEquals("Upload fails on an unstable connection", demo1.get("summary").asText());
        assertEquals("Upload fails on an unstable connection", demo1.get("summaryId").asText());
    }

    /** Once some summaries are bilingual, check warns about one left English only, in either language. */
    @Test
    void check_warnsAboutASummaryWithoutItsIndonesian(@TempDir Path tmp) throws IOException {
        Path rules = copy(DEMO_RULES, tmp.resolve("rules"));
        Path relations = rules.resolve("relations.yaml");
        Files.writeString(relations, Files.readString(relations).replace(
                "summary: {id: \"Relasi yang belum dikodekan aturan mana pun\", en: \"A relation no rule encodes yet\"}",
                "summary: \"A relation no rule encodes yet\""));
        CliTest.Run id = run("check", "--rules", rules.toString());
        assertEquals(1, id.code(), id.out() + id.err());
        assertTrue(id.out().contains("warning: " + relations + ":4: relasi 'DEMO-3' belum punya ringkasan bahasa"
                + " Indonesia; tulis summary-nya sebagai {id: \"...\", en: \"...\"} di relations.yaml\n"), id.out());
        assertTrue(id.out().contains(": 0 galat, 1 peringatan"), id.out());
        CliTest.Run en = run("check", "--rules", rules.toString(), "--lang", "en");
        assertTrue(en.out().contains("warning: " + relations + ":4: relation 'DEMO-3' has no Indonesian summary; write"
                + " its summary as {id: \"...\", en: \"...\"} in relations.yaml\n"), en.out());
        CliTest.Run md = run("rules", "--markdown", "--rules", rules.toString(), "--facts", DEMO_FACTS.toString());
        assertTrue(md.out().contains("| DEMO-3 ⚠ | cause | A relation no rule encodes yet |"), md.out());
        assertTrue(md.out().contains("| DEMO-1 | cause | Unggah gagal karena koneksi tidak stabil |"), md.out());
    }

    @Test
    void rules_json_isTheSameInEitherLanguage() {
        String[] args = {"rules", "--json", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString()};
        String id = run(args).out();
        String en = run(concat(args, "--lang", "en")).out();
        assertEquals(id, en, "the JSON is a contract, not a text to translate");
        assertFalse(id.contains("terkonfirmasi") || id.contains("Demo koneksi"), id);
    }

    static String[] concat(String[] args, String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void rules_markdown_writesTheKnowledgeTable_inIndonesianByDefault(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("docs/KNOWLEDGE.md");
        CliTest.Run r = run("rules", "--markdown", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(out);
        assertTrue(md.startsWith("# Tabel pengetahuan\n"), md);
        assertTrue(md.contains("**Total:** 3 relasi; 2 disebut oleh aturan (66,7%); 2 disimpulkan oleh kasus (66,7%);"
                + " 2 tercakup (66,7%). 4 aturan dalam 1 topik, menyebut 2 relasi dan mengutip 1 sumber; 3 aturan"
                + " dijalankan oleh 2 kasus."), md);
        assertTrue(md.contains("| Jenis | Relasi | Disebut oleh aturan | Tercakup |"), md);
        assertTrue(md.contains("| DEMO-1 | cause | Unggah gagal karena koneksi tidak stabil | Demo koneksi tidak stabil:"
                + " terkonfirmasi (`demo/upload.drl`)<br>"), md);
        assertTrue(md.contains("`unstable.yaml` (terkonfirmasi)") && md.contains("`stable.yaml` (disingkirkan)")
                && md.contains("`stable.yaml` (ditawarkan)"), md);
        assertTrue(md.contains("| DEMO-3 ⚠ | cause | Relasi yang belum dikodekan aturan mana pun | — | — | demo-source |"),
                md);
        assertTrue(md.contains("⚠ = belum tercakup"), md);
        assertTrue(md.contains("## Sumber\n\n| Kunci | Judul | Penerbit | Tanggal | URL | Relasi |"), md);
        assertTrue(md.contains("| demo-source | Test fixture | PajakDx tests |  |  | 3 |"), md);
        assertFalse(md.contains("Generated by") || md.contains("Totals") || md.contains("(confirmed)"), md);
        assertFalse(md.contains("Upload fails on an unstable connection") || md.contains("Retry later"), md);
    }

    @Test
    void rules_markdown_writesTheKnowledgeTable_inEnglishWithLangEn(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("docs/KNOWLEDGE.md");
        CliTest.Run r = run("rules", "--markdown", "--rules", DEMO_RULES.toString(), "--facts", DEMO_FACTS.toString(),
                "--output", out.toString(), "--lang", "en");
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(out);
        assertTrue(md.contains("**Totals:** 3 relations; 2 named by a rule (66.7%); 2 concluded by a case (66.7%);"
                + " 2 covered (66.7%)."), md);
        assertTrue(md.contains("| DEMO-1 | cause | Upload fails on an unstable connection | Demo connection unstable:"
                + " confirmed (`demo/upload.drl`)<br>"), md);
        assertTrue(md.contains("`unstable.yaml` (confirmed)") && md.contains("`stable.yaml` (ruled out)"), md);
        assertTrue(md.contains("| DEMO-3 ⚠ | cause | A relation no rule encodes yet | — | — | demo-source |"), md);
        assertTrue(md.contains("| demo-source | Test fixture | PajakDx tests |  |  | 3 |"), md); // no date, no URL
        assertTrue(md.startsWith("# Knowledge table\n\n<!-- Generated by `" + KnowledgeTable.COMMAND + "`"), md);
        assertFalse(md.contains("Tabel") || md.contains("terkonfirmasi") || md.contains("Demo koneksi"), md);
        assertFalse(md.contains("Unggah gagal karena") || md.contains("Coba lagi nanti"), md);
    }

    /**
     * The command docs/KNOWLEDGE.md names writes what ProjectKnowledgeTest compares the doc with
     * (the table in {@link KnowledgeTable#DOC_LANG}): run here as written, on the demo folders.
     */
    @Test
    void rules_markdown_theDocsCommand_writesTheTableInTheDocsLanguage(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("docs/KNOWLEDGE.md");
        List<String> args = new ArrayList<>(List.of(KnowledgeTable.COMMAND.split(" ")));
        assertEquals("./pajakdx", args.remove(0));
        args.set(args.indexOf("--rules") + 1, DEMO_RULES.toString());
        args.set(args.indexOf("--facts") + 1, DEMO_FACTS.toString());
        args.set(args.indexOf("--output") + 1, out.toString());
        CliTest.Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        RuleBase demo = RuleBase.load(DEMO_RULES);
        List<CaseResult> cases = CaseRunner.run(demo, DEMO_FACTS);
        assertEquals(KnowledgeTable.markdown(demo, Coverage.of(demo, cases), cases.size(), KnowledgeTable.DOC_LANG),
                Files.readString(out));
    }

    // --- copycheck ---

    /** A source passage and a project text sharing ten words, and a text sharing none. */
    static Path copied(Path tmp) throws IOException {
        Path sources = Files.createDirectories(tmp.resolve("sources"));
        Files.writeString(sources.resolve("page.txt"), "Wajib Pajak yang belum pernah login tidak dapat diimpersonate"
                + " oleh pengurus di Coretax sama sekali.\n");
        Files.writeString(tmp.resolve("rule.md"), "Catatan: wajib pajak yang belum pernah login tidak dapat"
                + " diimpersonate oleh pengurus di Coretax.\n");
        Files.writeString(tmp.resolve("own.md"), "Akun badan harus login sendiri dulu sebelum pengurus memakainya.\n");
        return sources;
    }

    @Test
    void copycheck_hitLine_inIndonesianByDefault(@TempDir Path tmp) throws IOException {
        Path sources = copied(tmp);
        CliTest.Run r = run("copycheck", "--sources", sources.toString(), tmp.resolve("rule.md").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(tmp.resolve("rule.md") + ":1: 13 kata sama persis dengan page.txt: wajib pajak yang belum pernah"
                + " login tidak dapat diimpersonate oleh pengurus di Coretax\n", r.out());
        CliTest.Run en = run("copycheck", "--sources", sources.toString(), "--lang", "en",
                tmp.resolve("rule.md").toString());
        assertEquals(r.out().replace(" kata sama persis dengan ", " words as in "), en.out(), "the same hit");
    }

    @Test
    void copycheck_aMissingPath_isNamedMasked_inEitherLanguage(@TempDir Path tmp) throws IOException {
        Path sources = copied(tmp);
        Path missing = tmp.resolve("317254698103482.txt");
        CliTest.Run id = run("copycheck", "--sources", sources.toString(), missing.toString());
        CliTest.Run en = run("copycheck", "--sources", sources.toString(), "--lang", "en", missing.toString());
        assertEquals(2, id.code());
        // (the temporary folder's own long digit run is masked too, as any is)
        assertTrue(id.err().matches("error: /\\S+/\\*{12}482\\.txt: berkas atau folder tidak ada\n"), id.err());
        assertTrue(en.err().matches("error: /\\S+/\\*{12}482\\.txt: no such file or folder\n"), en.err());
    }

    @Test
    void copycheck_masksAnIdentifierInTheCopiedWords_evenWhereTheLineIsCut(@TempDir Path tmp) throws IOException {
        Path sources = Files.createDirectories(tmp.resolve("sources"));
        // the number begins at character 153 of the run: a cut at 160 would leave its first 8 digits
        String line = "kata ".repeat(30) + "a 3172546981034821 milik wajib pajak yang sama di sini juga\n";
        Files.writeString(sources.resolve("page.txt"), line);
        Files.writeString(tmp.resolve("copy.md"), line);
        CliTest.Run r = run("copycheck", "--sources", sources.toString(), tmp.resolve("copy.md").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertFalse(r.out().contains("3172546"), "no digits of the NIK: " + r.out());
        assertTrue(r.out().contains(" a *"), r.out());
    }

    @Test
    void copycheck_hitLine_inEnglishWithLangEn(@TempDir Path tmp) throws IOException {
        Path sources = copied(tmp);
        CliTest.Run r = run("copycheck", "--sources", sources.toString(), "--lang", "en",
                tmp.resolve("rule.md").toString(), tmp.resolve("own.md").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith(tmp.resolve("rule.md") + ":1: 13 words as in page.txt: "), r.out());
    }

    @Test
    void copycheck_nothingCopied_printsNothing_inEitherLanguage(@TempDir Path tmp) throws IOException {
        Path sources = copied(tmp);
        for (String lang : List.of("id", "en")) {
            CliTest.Run r = run("copycheck", "--sources", sources.toString(), "--lang", lang,
                    tmp.resolve("own.md").toString());
            assertEquals(0, r.code(), r.out() + r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void rules_markdownAndJsonTogether_isAUsageError() {
        CliTest.Run r = run("rules", "--markdown", "--json", "--rules", DEMO_RULES.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("tidak dapat dipakai bersamaan"), r.err());
        assertTrue(run("rules", "--markdown", "--json", "--lang", "en").err().contains("mutually exclusive"));
    }
}
