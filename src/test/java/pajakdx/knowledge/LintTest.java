package pajakdx.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.base.Problem;
import pajakdx.RuleBase;
import pajakdx.TempRules;
import pajakdx.TestRules;
import pajakdx.engine.CheckReport;
import pajakdx.engine.Checker;

/**
 * The lint behind {@code check} and {@code RuleBase.load}: what is an error, what is only a
 * warning, and that sound rules raise nothing (the "can never fire" analysis must not call a
 * rule dead that can fire).
 */
class LintTest {
    private static final String HEAD = "package rules.coretax;\nimport pajakdx.facts.*;\n";
    private static final String META = "    @relations(\"IMP-1\") @source(\"pajakku-impersonate\")\n";
    private static final String PROBLEM = "    Finding(id == \"problem\", value == \"impersonate-fails\")\n";
    private static final String CONFIRM = "    insertLogical(Cause.confirmed(\"badan-never-logged-in\"));\n";

    private static CheckReport checkWith(Path tmp, String file, String text) {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        TempRules.write(rules, file, text);
        return Checker.check(RuleFolder.of(rules));
    }

    private static String rule(String name, String lhs) {
        return "rule \"" + name + "\"\n" + META + "when\n" + lhs + "then\n" + CONFIRM + "end\n";
    }

    @Test
    void bundledRulesHaveNoErrors() {
        CheckReport r = Checker.check(RuleFolder.of(TestRules.rulesDir()));
        assertEquals(List.of(), r.errors());
        assertEquals(r.warnings(), TestRules.rules().warnings(), "RuleBase keeps check's warnings");
    }

    @Test
    void whenConditionsAreSatisfiable_thenNothingIsReported(@TempDir Path tmp) {
        CheckReport r = checkWith(tmp, "coretax/sound.drl", HEAD
                + rule("Value and a not on another value", PROBLEM
                        + "    Finding(id == \"badan.last-login-shown\", value == \"no\")\n"
                        + "    not Finding(id == \"badan.last-login-shown\", value == \"yes\")\n")
                + rule("Unknown, tested twice the same way", PROBLEM
                        + "    not Finding(id == \"badan.last-login-shown\", known)\n"
                        + "    not Finding(id == \"user.appointed-role\", value == \"none\")\n")
                + rule("Present but unknown", PROBLEM
                        + "    Finding(id == \"badan.last-login-shown\")\n"
                        + "    not Finding(id == \"badan.last-login-shown\", known)\n")
                + rule("Value excluded by not-in", PROBLEM
                        + "    Finding(id == \"user.appointed-role\", value not in (\"none\", \"pic\"))\n"
                        + "    Finding(id == \"user.appointed-role\", known)\n")
                + rule("A date finding with a given value (its values are not listed)", PROBLEM
                        + "    Finding(id == \"sertel.issued-date\", value == \"2025-01-01\")\n"
                        + "    not Finding(id == \"sertel.issued-date\", value == \"2025-02-01\")\n")
                + rule("As-of window of one day", PROBLEM
                        + "    AsOf(onOrAfter(\"2025-01-11\"), before(\"2025-01-12\"))\n")
                + rule("As-of window meeting at a time of day", PROBLEM
                        + "    AsOf(onOrAfter(\"2023-05-26T18:00\"), before(\"2023-05-26T23:00\"))\n"));
        assertEquals(List.of(), r.errors());
        // These test rules have no Indonesian titles (a warning of its own); nothing else is reported about them.
        assertTrue(r.warnings().stream().noneMatch(w -> w.file().endsWith("/coretax/sound.drl")
                && !w.message().contains("has no Indonesian title")), r.warnings().toString());
    }

    @Test
    void whenAValueIsExcludedByNotIn_andRequiredElsewhere_thenTheRuleCanNeverFire(@TempDir Path tmp) {
        CheckReport r = checkWith(tmp, "coretax/dead.drl", HEAD + rule("Dead", PROBLEM
                + "    Finding(id == \"user.appointed-role\", value not in (\"none\", \"pic\"))\n"
                + "    Finding(id == \"user.appointed-role\", value == \"pic\")\n"));
        Problem p = only(r.errors());
        assertTrue(p.file().endsWith("/coretax/dead.drl"), p.toString());
        assertEquals(8, p.line(), "points at the second, contradicting condition: " + p);
        assertTrue(p.message().contains("can never fire"), p.message());
    }

    /**
     * A {@code value == "x"} test is asked only about the states it can let through (the analysis'
     * cost would otherwise grow with every problem for every rule): the answers stay those of
     * asking every state, including "unknown" against other tests of the same pattern.
     */
    @Test
    void valueTests_findTheSameContradictionsAsAskingEveryState(@TempDir Path tmp) {
        CheckReport r = checkWith(tmp, "coretax/dead.drl", HEAD
                + rule("Two values", PROBLEM
                        + "    Finding(id == \"user.appointed-role\", value == \"pic\")\n"
                        + "    Finding(id == \"user.appointed-role\", value == \"none\")\n")
                + rule("A value and not that value", PROBLEM
                        + "    Finding(id == \"user.appointed-role\", value == \"pic\")\n"
                        + "    not Finding(id == \"user.appointed-role\", value == \"pic\")\n")
                + rule("A value that is not known", PROBLEM
                        + "    Finding(id == \"user.appointed-role\", value == \"pic\", !known)\n")
                + rule("One of a list, then a value outside it", PROBLEM
                        + "    Finding(id == \"user.appointed-role\", value in (\"pic\", \"wakil\"))\n"
                        + "    Finding(id == \"user.appointed-role\", value == \"none\")\n")
                + rule("A value or unknown, and not that value", PROBLEM
                        + "    Finding(id == \"user.appointed-role\", value == \"pic\" || !known)\n"
                        + "    not Finding(id == \"user.appointed-role\", value == \"pic\")\n"));
        List<String> said = r.errors().stream().map(Problem::message).toList();
        assertEquals(List.of(
                "rule 'Two values' can never fire: finding 'user.appointed-role' is required to be 'pic' and also"
                        + " 'none', but a case holds one value per finding",
                "rule 'A value and not that value' can never fire: finding 'user.appointed-role' is required to be"
                        + " 'pic', and a 'not' condition forbids it being 'pic'",
                "rule 'A value that is not known' can never fire: no value of finding 'user.appointed-role' passes"
                        + " all the tests of this condition",
                "rule 'One of a list, then a value outside it' can never fire: finding 'user.appointed-role' is"
                        + " required to be 'pic' or 'wakil' and also 'none', but a case holds one value per finding"),
                said);
    }

    @Test
    void whenFormatIsNotOneOfTheIdentifiersFormats_thenError(@TempDir Path tmp) {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        TempRules.write(rules, "coretax/ids.yaml", """
                title: {id: "Identitas", en: "Identifiers"}
                findings:
                  - id: login.user-name
                    type: identifier
                    formats: [npwp15, npwp16, nik]
                    question: {id: "Nama pengguna?", en: "User name?"}
                """);
        TempRules.write(rules, "coretax/ids.drl", HEAD + rule("Uses a format the finding cannot have", PROBLEM
                + "    Finding(id == \"login.user-name\", format == \"nitku\")\n"));
        CheckReport r = Checker.check(RuleFolder.of(rules));
        Problem p = only(r.errors());
        assertEquals(7, p.line(), p.toString()); // the format line of the rule
        assertTrue(p.message().contains("'nitku' is not a format"), p.message());
    }

    @Test
    void unusedCausesRemediesAndFindings_areWarnings_andDoNotBlockLoading(@TempDir Path tmp) {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        TempRules.write(rules, "coretax/unused.yaml", """
                title: {id: "Belum dipakai", en: "Not used yet"}
                findings:
                  - id: unused.finding
                    type: yes-no
                    question: {id: "Pertanyaan?", en: "Question?"}
                causes:
                  - id: unused-cause
                    relations: [IMP-1]
                    sources: [pajakku-impersonate]
                    text: {id: "Penyebab", en: "A cause"}
                remedies:
                  - id: unused-remedy
                    text: {id: "Langkah", en: "A step"}
                """);
        RuleBase base = RuleBase.load(rules);
        List<String> warnings = base.warnings().stream().map(Problem::toString).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.endsWith("/coretax/unused.yaml:3: finding 'unused.finding' is declared but no rule tests it")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.endsWith("/coretax/unused.yaml:7: cause 'unused-cause' is declared but no rule concludes it")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("/coretax/unused.yaml:12: remedy 'unused-remedy' is never"
                + " offered")), warnings.toString());
    }

    @Test
    void whenARuleNamesAnotherRelationThanWhatItConcludes_thenWarning(@TempDir Path tmp) {
        CheckReport r = checkWith(tmp, "coretax/mixed.drl", HEAD + "rule \"Mixed up\"\n"
                + "    @relations(\"IMP-2\") @source(\"pajakku-impersonate\")\nwhen\n" + PROBLEM + "then\n" + CONFIRM
                + "end\n");
        assertEquals(List.of(), r.errors());
        assertTrue(r.warnings().stream().anyMatch(w -> w.file().endsWith("/coretax/mixed.drl") && w.line() == 8
                && w.message().contains("names IMP-2 but concludes cause 'badan-never-logged-in', which encodes IMP-1")),
                r.warnings().toString());
    }

    @Test
    void whenARuleConcludesNothing_thenWarning(@TempDir Path tmp) {
        CheckReport r = checkWith(tmp, "coretax/idle.drl", HEAD + "rule \"Does nothing\"\nwhen\n" + PROBLEM
                + "then\nend\n");
        assertEquals(List.of(), r.errors());
        assertTrue(r.warnings().stream().anyMatch(w -> w.toString().contains("/coretax/idle.drl:3: rule 'Does nothing'"
                + " concludes nothing")), r.warnings().toString());
    }

    @Test
    void problemsAreSortedByFileAndLine(@TempDir Path tmp) {
        CheckReport r = checkWith(tmp, "coretax/two.drl", HEAD
                + rule("Second error comes first in the file", "    Finding(id == \"nope.b\")\n")
                + rule("Then this one", "    Finding(id == \"nope.a\")\n"));
        assertEquals(2, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).line() < r.errors().get(1).line(), r.errors().toString());
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }
}
