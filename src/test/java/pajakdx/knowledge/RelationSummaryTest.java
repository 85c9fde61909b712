package pajakdx.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.RuleBase;
import pajakdx.TempRules;
import pajakdx.TestRules;
import pajakdx.base.Lang;
import pajakdx.base.Problem;
import pajakdx.engine.CheckReport;
import pajakdx.engine.Checker;
import pajakdx.internal.RuleBases;

/**
 * A relation's summary in relations.yaml: {@code {id: "...", en: "..."}} like every text a user
 * reads, or a plain string as written before summaries were bilingual (English only, shown in
 * both languages, and warned about once the folder has Indonesian summaries).
 */
class RelationSummaryTest {
    private static final String IMP_2_TO_5 = """
              - {id: IMP-2, kind: cause, source: pajakku-impersonate, summary: %s}
              - {id: IMP-3, kind: cause, source: djp-coretax-2025-01-21, summary: %s}
              - {id: IMP-4, kind: generic, source: pajakku-impersonate, summary: %s}
              - {id: IMP-5, kind: generic, source: pajakku-impersonate, summary: %s}
            """;

    /** The impersonate topic with relations.yaml replaced: IMP-1's summary as given, the others {@code rest}. */
    private static Path folder(Path tmp, String imp1, String rest) {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        TempRules.write(rules, "relations.yaml", "relations:\n  - {id: IMP-1, kind: cause, source: pajakku-impersonate,"
                + " summary: " + imp1 + "}\n" + IMP_2_TO_5.formatted(rest, rest, rest, rest));
        return rules;
    }

    /** The warnings about relations.yaml (a folder of one topic has others, about the shared findings it leaves unused). */
    private static List<Problem> relationWarnings(CheckReport check) {
        return check.warnings().stream().filter(p -> p.file().endsWith("relations.yaml")).toList();
    }

    private static Relation imp1(Path rules) {
        return RuleBases.of(RuleBase.load(rules)).catalog().relations().get("IMP-1");
    }

    @Test
    void aBilingualSummary_isReadInBothLanguages(@TempDir Path tmp) {
        Path rules = folder(tmp, "{id: \"Akun Badan belum pernah login\", en: \"Badan account never logged in\"}",
                "{id: \"Ringkasan\", en: \"Summary\"}");
        Relation r = imp1(rules);
        assertEquals("Badan account never logged in", r.summary());
        assertEquals("Akun Badan belum pernah login", r.summaryId());
        assertEquals("Akun Badan belum pernah login", r.summary(Lang.ID));
        assertEquals("Badan account never logged in", r.summary(Lang.EN));
        CheckReport check = Checker.check(RuleFolder.of(rules));
        assertEquals(List.of(), check.errors());
        assertEquals(List.of(), relationWarnings(check));
    }

    /** Older analysts' folders are a contract: plain strings load, and check stays clean. */
    @Test
    void plainStringSummaries_loadAsEnglishOnly_shownInBothLanguages(@TempDir Path tmp) {
        Path rules = folder(tmp, "\"Badan account never logged in\"", "\"Summary\"");
        Relation r = imp1(rules);
        assertEquals("Badan account never logged in", r.summary());
        assertEquals("", r.summaryId());
        assertTrue(r.lacksIndonesian());
        assertEquals("Badan account never logged in", r.summary(Lang.ID), "Indonesian output falls back to the English");
        CheckReport check = Checker.check(RuleFolder.of(rules));
        assertEquals(List.of(), check.errors());
        assertEquals(List.of(), relationWarnings(check), "a folder with no Indonesian summary at all is warned about nothing");
    }

    @Test
    void aPlainStringAmongBilingualSummaries_isWarnedAbout_atItsLine(@TempDir Path tmp) {
        Path rules = folder(tmp, "\"Badan account never logged in\"", "{id: \"Ringkasan\", en: \"Summary\"}");
        CheckReport check = Checker.check(RuleFolder.of(rules));
        assertEquals(List.of(), check.errors());
        assertEquals(1, relationWarnings(check).size(), check.warnings().toString());
        Problem w = relationWarnings(check).get(0);
        assertTrue(w.file().endsWith("relations.yaml"), w.toString());
        assertEquals(2, w.line());
        assertEquals("relation 'IMP-1' has no Indonesian summary; write its summary as {id: \"...\", en: \"...\"} in"
                + " relations.yaml", w.message());
        assertEquals("Badan account never logged in", imp1(rules).summary(Lang.ID), "it still loads");
    }

    @Test
    void aMissingSummary_isNoSummary_andNotWarnedAbout(@TempDir Path tmp) {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        TempRules.write(rules, "relations.yaml", "relations:\n  - {id: IMP-1, kind: cause, source: pajakku-impersonate}\n"
                + IMP_2_TO_5.formatted("{id: \"R\", en: \"S\"}", "{id: \"R\", en: \"S\"}", "{id: \"R\", en: \"S\"}",
                        "{id: \"R\", en: \"S\"}"));
        assertEquals(new Relation("IMP-1", Kind.CAUSE, "pajakku-impersonate", "", "", imp1(rules).at()), imp1(rules));
        assertEquals(List.of(), relationWarnings(Checker.check(RuleFolder.of(rules))));
    }

    /** The mapping form follows the rule of every text: both languages, or an error at its line. */
    @Test
    void aMappingWithoutOneLanguage_isAnError(@TempDir Path tmp) {
        Path rules = folder(tmp, "{en: \"Badan account never logged in\"}", "{id: \"Ringkasan\", en: \"Summary\"}");
        CheckReport check = Checker.check(RuleFolder.of(rules));
        assertEquals(1, check.errors().size(), check.errors().toString());
        assertEquals("text without the Indonesian (id) version; every text needs both", check.errors().get(0).message());
        assertEquals(2, check.errors().get(0).line());
    }

    /**
     * Review finding: a summary with a key other than id and en dropped the whole relation, and
     * every rule and cause naming it was then reported as naming an unknown relation.
     */
    @Test
    void aSummaryWithAnUnknownKey_isOneErrorAtItsLine(@TempDir Path tmp) {
        Path rules = folder(tmp, "{id: \"Akun Badan belum login\", en: \"Never logged in\", fr: \"Jamais\"}",
                "{id: \"Ringkasan\", en: \"Summary\"}");
        CheckReport check = Checker.check(RuleFolder.of(rules));
        assertEquals(List.of("relations.yaml:2: unknown field 'fr' (allowed: en, id)"), where(check.errors()));
        assertEquals(List.of(), relationWarnings(check));
    }

    /**
     * Review finding: a YAML tag the reader refuses made relations.yaml unreadable, and each
     * rule, cause and remedy that names a relation was reported too (about 800 on the bundled
     * rules). The same holds for sources.yaml and channels.yaml: one error, at the tag.
     */
    @Test
    void aTopLevelFileThatCannotBeRead_isOneErrorAtItsLine(@TempDir Path tmp) throws java.io.IOException {
        for (String file : List.of("relations.yaml", "sources.yaml", "channels.yaml")) {
            Path rules = TempRules.copyOfTopics(tmp.resolve(file), "coretax/impersonate");
            Path path = rules.resolve(file);
            List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(path));
            int entry = lines.indexOf(lines.stream().filter(l -> l.startsWith("  - ")).findFirst().orElseThrow());
            lines.set(entry, lines.get(entry).replaceFirst("  - ", "  - !!java.io.File "));
            java.nio.file.Files.write(path, lines);
            CheckReport check = Checker.check(RuleFolder.of(rules));
            assertEquals(1, check.errors().size(), file + ": " + check.errors());
            Problem p = check.errors().get(0);
            assertEquals(file + ":" + (entry + 1), p.file().substring(p.file().lastIndexOf('/') + 1) + ":" + p.line(),
                    p.toString());
            assertTrue(p.message().contains("tag is not allowed"), p.toString());
            assertThrows(pajakdx.base.RuleBaseException.class, () -> RuleBase.load(rules), "it is still refused");
        }
    }

    /** Each problem as {@code file:line: message}, the file without the folder. */
    private static List<String> where(List<Problem> problems) {
        return problems.stream().map(p -> p.file().substring(p.file().lastIndexOf('/') + 1) + ":" + p.line() + ": "
                + p.message()).toList();
    }

    /** Users read Indonesian by default: every bundled relation says its summary in Indonesian. */
    @Test
    void everyBundledRelation_hasAnIndonesianSummary() {
        Catalog catalog = RuleBases.of(TestRules.rules()).catalog();
        assertTrue(catalog.relations().size() >= 240, "relations: " + catalog.relations().size());
        List<String> missing = catalog.relations().values().stream()
                .filter(r -> r.summary().isBlank() || r.summaryId().isBlank() || r.summaryId().equals(r.summary()))
                .map(Relation::id).toList();
        assertEquals(List.of(), missing, "relations without an Indonesian summary of their own (an Indonesian"
                + " summary equal to the English one is an untranslated copy)");
    }
}
