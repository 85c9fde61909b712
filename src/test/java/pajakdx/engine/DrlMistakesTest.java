package pajakdx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TempRules;
import pajakdx.base.Problem;
import pajakdx.knowledge.RuleFolder;

/**
 * Mistakes in a rule file that the checks of the model let through before, so that Drools'
 * compile failed on them and reported them against other files too: each is now reported once,
 * by the checker, at the file and line that holds it. The sound forms next to them still compile.
 */
class DrlMistakesTest {
    private static final String FILE = "efaktur/zz-mistake.drl";
    private static final String HEAD = "package rules.efaktur;\nimport pajakdx.facts.*;\n";
    private static final String USE = "    Finding(id == \"sertel.issued-date\", this.daysBefore($a) > 2)\n";

    /** A rule whose conditions start on line 6 (the problem is line 6, {@code lhs} starts on line 7). */
    private static String rule(String name, String lhs) {
        return "rule \"" + name + "\"\n    @relations(\"UPL-2\") @source(\"bisapajak-upload\")\nwhen\n"
                + "    Finding(id == \"problem\", value == \"upload-fails\")\n" + lhs
                + "then\n    insertLogical(Cause.confirmed(\"sertel-expired\"));\nend\n";
    }

    private static CheckReport check(Path tmp, String text) {
        Path rules = TempRules.copyOfTopics(tmp, "efaktur/upload", "efaktur/web");
        TempRules.write(rules, FILE, text);
        return Checker.check(RuleFolder.of(rules));
    }

    /** The one error of the folder, which must be in {@link #FILE}. */
    private static Problem onlyError(Path tmp, String text) {
        CheckReport r = check(tmp, text);
        assertEquals(1, r.errors().size(), r.errors().toString());
        Problem p = r.errors().get(0);
        assertTrue(p.file().endsWith(FILE), p.toString());
        return p;
    }

    private static void assertError(Problem p, int line, String message) {
        assertEquals(line, p.line(), p.toString());
        assertTrue(p.message().contains(message), p.message());
    }

    // ---- the package ----

    @Test
    void aPackageOutsideRules_isRefusedAtItsLine(@TempDir Path tmp) {
        Problem p = onlyError(tmp, "// java.lang cannot take Drools' classes\npackage java.lang;\n"
                + "import pajakdx.facts.*;\n" + rule("Package", ""));
        assertError(p, 2, "package 'java.lang' is not allowed: rule files use the package rules or one under it,"
                + " as in package rules.coretax;");
    }

    @Test
    void aPackageWithAJavaKeyword_isRefused(@TempDir Path tmp) {
        Problem p = onlyError(tmp, "package rules.int;\nimport pajakdx.facts.*;\n" + rule("Package", ""));
        assertError(p, 1, "package 'rules.int' is not allowed: 'int' is a Java keyword");
    }

    /** Review finding: a package of 80,000 characters got Java's "UTF8 string too large" and no line. */
    @Test
    void anOverlongPackage_isRefusedAtItsLine(@TempDir Path tmp) {
        Problem p = onlyError(tmp, "package rules." + "a".repeat(80_000) + ";\nimport pajakdx.facts.*;\n"
                + rule("Package", ""));
        assertError(p, 1, "is longer than 200 characters");
    }

    /** Review finding: {@code rule ""} passed and showed in a diagnosis as an empty name. */
    @Test
    void aRuleWithoutAName_isRefused(@TempDir Path tmp) {
        Problem p = onlyError(tmp, HEAD + rule(" ", ""));
        assertError(p, 3, "a rule needs a name");
    }

    @Test
    void packagesUnderRules_andNone_areFine(@TempDir Path tmp) {
        assertEquals(List.of(), check(tmp.resolve("a"), "package rules;\nimport pajakdx.facts.*;\n"
                + rule("Package rules", "")).errors());
        assertEquals(List.of(), check(tmp.resolve("b"), "package rules.efaktur.more_2;\nimport pajakdx.facts.*;\n"
                + rule("Package deeper", "")).errors());
        assertEquals(List.of(), check(tmp.resolve("c"), "import pajakdx.facts.*;\n" + rule("No package", "")).errors());
    }

    // ---- variables ----

    @Test
    void aVariableBoundInsideNot_usedAfterIt_isRefusedWhereItIsUsed(@TempDir Path tmp) {
        Problem p = onlyError(tmp, HEAD + rule("In not", "    not ( $a : AsOf(timeGiven) )\n" + USE));
        assertError(p, 8, "'$a' is bound inside 'not' (line 7) and is not known outside it; bind it outside the 'not'");
    }

    @Test
    void aVariableBoundInsideExists_usedAfterIt_isRefused(@TempDir Path tmp) {
        Problem p = onlyError(tmp, HEAD + rule("In exists", "    exists ( $a : AsOf() )\n" + USE));
        assertError(p, 8, "'$a' is bound inside 'exists' (line 7)");
    }

    @Test
    void aVariableBoundInOneBranchOfAnOr_usedAfterIt_isRefused(@TempDir Path tmp) {
        Problem p = onlyError(tmp, HEAD + rule("In or", "    ( $a : AsOf()\n      or Finding(id == \"sertel.status\","
                + " value == \"expired\") )\n" + USE));
        assertError(p, 9, "'$a' is bound in only some branches of the 'or' at line 7, so it is not known after it");
    }

    /**
     * Review finding: a branch of an {@code or} whose pattern is refused (here an unknown fact
     * type) bound nothing, so its variable was also reported as bound in only some branches
     * where it is used: one mistake, two errors.
     */
    @Test
    void aBranchOfAnOrThatIsRefused_givesItsOwnErrorOnly(@TempDir Path tmp) {
        Problem p = onlyError(tmp, HEAD + rule("Or with a typo", "    ( $a : AsOf(timeGiven)\n"
                + "      or $a : AsOF(!timeGiven) )\n" + USE));
        assertError(p, 8, "unknown fact type 'AsOF' (did you mean 'AsOf'?)");
        // the branch refused for a field it does not have, the variable used after the or
        p = onlyError(tmp.resolve("field"), HEAD + rule("Or with a bad field", "    ( $a : AsOf(timeGiven)\n"
                + "      or $a : AsOf(timeGivn) )\n" + USE));
        assertError(p, 8, "'timeGivn' is not a test of the AsOf");
        // outside an or too: the use of a variable whose pattern was refused is not reported again
        p = onlyError(tmp.resolve("plain"), HEAD + rule("Typo", "    $a : AsOF()\n" + USE));
        assertError(p, 7, "unknown fact type 'AsOF'");
    }

    /** A variable that the branches really bind in only some of them is still refused where it is used. */
    @Test
    void aBranchThatIsRefused_doesNotHideAVariableTheOtherBranchLacks(@TempDir Path tmp) {
        CheckReport r = check(tmp, HEAD + rule("Or partly bound", "    ( $a : AsOF()\n"
                + "      or Finding(id == \"sertel.status\", value == \"expired\") )\n" + USE));
        assertEquals(List.of(7, 9), r.errors().stream().map(Problem::line).toList(), r.errors().toString());
        assertError(r.errors().get(1), 9, "'$a' is bound in only some branches of the 'or' at line 7");
    }

    @Test
    void aVariableBoundTwice_isRefusedAtTheSecond(@TempDir Path tmp) {
        Problem p = onlyError(tmp, HEAD + rule("Twice", "    $a : AsOf()\n    $a : AsOf(timeGiven)\n" + USE));
        assertError(p, 8, "the variable '$a' is bound twice (first at line 7); give each pattern its own variable");
        assertEquals(5, p.column(), p.toString());
        // inside a not, where the name is known from outside
        assertError(onlyError(tmp.resolve("not"), HEAD + rule("Twice in not", "    $a : AsOf()\n"
                + "    not ( $a : AsOf(timeGiven) )\n" + USE)), 8, "the variable '$a' is bound twice (first at line 7)");
        // in two branches of an or, to different fact types (Drools calls it a duplicate)
        assertError(onlyError(tmp.resolve("or"), HEAD + rule("Twice in or", "    ( $a : AsOf()\n"
                + "      or $a : Finding(id == \"sertel.status\", value == \"expired\") )\n")), 8,
                "the variable '$a' is bound twice (first at line 7)");
    }

    @Test
    void variablesScopedAsDroolsScopesThem_compile(@TempDir Path tmp) {
        String text = HEAD
                + rule("Bound in every branch", "    ( $a : AsOf(timeGiven) or $a : AsOf(!timeGiven) )\n" + USE)
                + rule("Same name in two nots", "    not ( $a : AsOf(timeGiven) )\n    not ( $a : AsOf(!timeGiven) )\n")
                + rule("Bound after a not that bound it", "    not ( $a : AsOf(timeGiven) )\n    $a : AsOf()\n" + USE)
                + rule("Used inside its not", "    not ( $a : AsOf() and " + USE.strip() + " )\n")
                + rule("Used inside its branch", "    ( $a : AsOf() and " + USE.strip()
                        + " or Finding(id == \"sertel.status\", value == \"expired\") )\n");
        assertEquals(List.of(), check(tmp, text).errors());
    }

    // ---- names ----

    private static final String DERIVES = "rule \"Sertel expired (test): confirmed\"\n"
            + "    @relations(\"UPL-2\") @source(\"bisapajak-upload\")\n    @derive(\"suspected, ruledOut\")\nwhen\n"
            + "    Finding(id == \"problem\", value == \"upload-fails\")\n"
            + "    Finding(id == \"sertel.status\", value == \"expired\")\nthen\n"
            + "    insertLogical(Cause.confirmed(\"sertel-expired\"));\nend\n";
    private static final String TAKEN = "Sertel expired (test): ruled out by sertel.status";

    @Test
    void aHandWrittenRuleNamedLikeADerivedOne_isRefusedAtIt_inTheSameFile(@TempDir Path tmp) {
        // lines 3-11: the rule with @derive; line 12: the hand-written rule
        Problem p = onlyError(tmp, HEAD + DERIVES + rule(TAKEN, ""));
        assertError(p, 12, "rule '" + TAKEN + "' is named like a rule that @derive writes from 'Sertel expired"
                + " (test): confirmed' (at " + FILE + ":3): rename it, or leave ruledOut out of that @derive");
    }

    @Test
    void aHandWrittenRuleNamedLikeADerivedOne_isRefusedAtIt_inAnotherFile(@TempDir Path tmp) {
        Path rules = TempRules.copyOfTopics(tmp, "efaktur/upload", "efaktur/web");
        TempRules.write(rules, "efaktur/aa-hand-written.drl", HEAD + rule(TAKEN.replace("ruled out by",
                "suspected while") + " is unknown", ""));
        TempRules.write(rules, FILE, HEAD + DERIVES);
        List<Problem> errors = Checker.check(RuleFolder.of(rules)).errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).toString().contains("efaktur/aa-hand-written.drl:3: rule 'Sertel expired (test):"
                + " suspected while sertel.status is unknown' is named like a rule that @derive writes"), errors.toString());
        assertTrue(errors.get(0).message().endsWith("leave suspected out of that @derive"), errors.toString());
    }

    // ---- rules that @derive writes ----

    /**
     * Review finding: two varied conditions on one finding each rule the cause out, but both
     * derived rules took the same name and the second replaced the first: a value that fails only
     * the first condition no longer ruled the cause out. Each is kept, numbered, with its title.
     */
    @Test
    void twoVariedConditionsOnOneFinding_eachRuleTheCauseOut(@TempDir Path tmp) {
        String text = HEAD + "rule \"Sertel aging (test): confirmed\"\n"
                + "    @relations(\"UPL-2\") @source(\"bisapajak-upload\")\n    @derive(\"ruledOut\")\nwhen\n"
                + "    Finding(id == \"problem\", value == \"upload-fails\")\n    $a : AsOf()\n"
                + "    Finding(id == \"sertel.issued-date\", this.daysBefore($a) > 2)\n"
                + "    Finding(id == \"sertel.issued-date\", this.daysBefore($a) < 400)\nthen\n"
                + "    insertLogical(Cause.confirmed(\"sertel-expired\"));\nend\n";
        CheckReport r = check(tmp, text);
        assertEquals(List.of(), r.errors());
        List<String> derived = r.rules().stream().map(pajakdx.knowledge.Rule::name)
                .filter(n -> n.startsWith("Sertel aging (test): ruled out by")).sorted().toList();
        assertEquals(List.of("Sertel aging (test): ruled out by sertel.issued-date",
                "Sertel aging (test): ruled out by sertel.issued-date (2)"), derived);
    }

    @Test
    void aDerivedRuleKeepsTheBindingItsTestUses(@TempDir Path tmp) {
        // The AsOf is varied (it tests a date), and the finding's test uses its variable: the rule
        // ruled out by the finding leaves the AsOf's test out, but must still bind $a.
        String text = HEAD + "rule \"Sertel too old (test): confirmed\"\n"
                + "    @relations(\"UPL-2\") @source(\"bisapajak-upload\")\n    @derive(\"suspected, ruledOut\")\nwhen\n"
                + "    Finding(id == \"problem\", value == \"upload-fails\")\n"
                + "    $a : AsOf(onOrAfter(\"2025-01-01\"))\n" + USE + "then\n"
                + "    insertLogical(Cause.confirmed(\"sertel-expired\"));\nend\n";
        CheckReport r = check(tmp, text);
        assertEquals(List.of(), r.errors());
        pajakdx.knowledge.Rule ruledOut = r.rules().stream()
                .filter(x -> x.name().equals("Sertel too old (test): ruled out by sertel.issued-date")).findFirst()
                .orElseThrow();
        assertEquals("$a : AsOf()", DrlPrinter.condition(pajakdx.knowledge.Condition.top(ruledOut.condition()).get(1)));
    }
}
