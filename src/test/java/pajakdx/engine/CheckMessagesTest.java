package pajakdx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TempRules;
import pajakdx.base.Problem;
import pajakdx.knowledge.RuleFolder;
import pajakdx.text.Messages;

/**
 * {@code check} says what is wrong in words an analyst can act on, where it said Drools' words,
 * the wrong construct or half a sentence (review finding 9). Each message is said in Indonesian too.
 */
class CheckMessagesTest {
    private static final String HEAD = "package rules.coretax;\nimport pajakdx.facts.*;\n";
    private static final String RULE = "rule \"Sample\"\n    @relations(\"IMP-1\") @source(\"pajakku-impersonate\")\nwhen\n"
            + "    Finding(id == \"problem\", value == \"impersonate-fails\")\nLHS"
            + "then\n    insertLogical(Cause.confirmed(\"badan-never-logged-in\"));\nend\n";

    private static String rule(String lhs) {
        return HEAD + RULE.replace("LHS", lhs);
    }

    private static List<Problem> read(String text) {
        return DrlReader.read("coretax/sample.drl", text.getBytes(StandardCharsets.UTF_8)).problems();
    }

    /** The only problem of {@code text}, at {@code line}:{@code column}, with {@code message}, said in Indonesian. */
    private static void assertOnly(String text, int line, int column, String message) {
        List<Problem> problems = read(text);
        assertEquals(List.of("coretax/sample.drl:" + line + (column > 0 ? ":" + column : "") + ": " + message),
                problems.stream().map(Problem::toString).toList());
        assertSaidInIndonesian(message);
    }

    private static void assertSaidInIndonesian(String message) {
        String said = Messages.indonesian(message);
        assertNotNull(said);
        assertEquals(false, said.equals(message), "no Indonesian for: " + message);
    }

    @Test
    void aByteOrderMark_isAccepted_andColumnsCountWithoutIt() {
        String text = "\uFEFF" + rule("");
        assertEquals(List.of(), read(text));
        DrlReader.Result r = DrlReader.read("coretax/sample.drl", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(3, r.file().rules().get(0).at().line());
        // a mistake on line 1 is at the column an editor shows (the mark is not a character of the file)
        assertOnly("\uFEFFpackage java.lang;\n" + rule("").substring(HEAD.indexOf('\n') + 1), 1, 0,
                "package 'java.lang' is not allowed: rule files use the package rules or one under it, as in package"
                        + " rules.coretax;");
        assertOnly("\uFEFF" + rule("    Findng(id == \"x\")\n"), 7, 5, "rule 'Sample': unknown fact type 'Findng'"
                + " (did you mean 'Finding'?); rules match only Finding, AsOf, Cause and Remedy");
    }

    @Test
    void aNulByte_isNamedWithItsLine() {
        assertOnly(HEAD + "\n\0\n" + RULE.replace("LHS", ""), 4, 1, "the file holds a NUL byte (binary?) at line 4");
    }

    @Test
    void anInvisibleCharacter_whereDroolsStops_isNamed() {
        assertOnly(rule("    Finding(id == \"badan.last-login-shown\",\u200B value == \"no\")\n"), 7, 44,
                "the file holds the invisible character U+200B at line 7, where DRL cannot read it; delete it");
    }

    @Test
    void importStatic_isCalledSo() {
        assertOnly(HEAD + "import static java.lang.Math.max;\n" + RULE.replace("LHS", ""), 3, 0,
                "'import static' is not allowed: rules hold knowledge, not code");
        assertOnly(HEAD + "import function java.lang.Math.max;\n" + RULE.replace("LHS", ""), 3, 0,
                "'import function' is not allowed: rules hold knowledge, not code");
    }

    /** Review finding: the keyword was read from the text, so a comment before it made it 'import function'. */
    @Test
    void importStatic_withACommentBeforeTheKeyword_isStillCalledSo() {
        assertOnly(HEAD + "import /* c */ static java.lang.Math.max;\n" + RULE.replace("LHS", ""), 3, 0,
                "'import static' is not allowed: rules hold knowledge, not code");
        assertOnly(HEAD + "import // c\n  static java.lang.Math.max;\n" + RULE.replace("LHS", ""), 3, 0,
                "'import static' is not allowed: rules hold knowledge, not code");
        assertOnly(HEAD + "import /* static */ function java.lang.Math.max;\n" + RULE.replace("LHS", ""), 3, 0,
                "'import function' is not allowed: rules hold knowledge, not code");
    }

    @Test
    void theStrOperator_isAWholeSentence_sayingWhatToWrite() {
        String message = "the operator 'str[startsWith]' is not allowed: test how a text starts or ends with matches,"
                + " as in value matches \"abc.*\" (starts with abc) or value matches \".*abc\" (ends with abc)";
        assertOnly(rule("    Finding(id == \"badan.last-login-shown\", value str[startsWith] \"n\")\n"), 7, 45,
                "rule 'Sample': " + message);
        assertSaidInIndonesian(message);
    }

    /** Review finding: str[length] was told how to test how a text starts or ends. */
    @Test
    void theStrLengthOperator_isToldHowToTestALength() {
        String message = "the operator 'str[length]' is not allowed: test the length of a text with matches, as in"
                + " value matches \".{5}\" (exactly 5 characters) or value matches \".{1,5}\" (1 to 5 characters)";
        assertOnly(rule("    Finding(id == \"badan.last-login-shown\", value str[length] 5)\n"), 7, 45,
                "rule 'Sample': " + message);
        assertSaidInIndonesian(message);
        // the advice is a rule that is read
        assertEquals(List.of(), read(rule("    Finding(id == \"badan.last-login-shown\", value matches \".{5}\")\n"
                + "    Finding(id == \"badan.last-login-shown\", value matches \".{1,5}\")\n")));
    }

    /** Review finding: a binding inside a pattern was quoted as '' (the descriptor keeps no text). */
    @Test
    void aBindingInsideAPattern_namesTheVariableAndTheField() {
        String message = "binding '$v' to 'value' is not allowed: bind the whole pattern instead, as in"
                + " $f : Finding(...), and test its fields, as in value == \"x\"";
        assertOnly(rule("    Finding(id == \"badan.last-login-shown\", $v : value)\n"), 7, 45, "rule 'Sample': " + message);
        assertSaidInIndonesian(message);
    }

    @Test
    void anOOPath_isNamed_notCalledTheFactTypeNull() {
        String message = "the OOPath '/findings[ id == \"x\" ]' is not allowed: write a pattern on Finding, AsOf, Cause"
                + " or Remedy, as in Finding(id == \"some.finding\", value == \"yes\")";
        assertOnly(rule("    /findings[ id == \"x\" ]\n"), 7, 5, "rule 'Sample': " + message);
        assertSaidInIndonesian(message);
    }

    /** The errors of the impersonate topic checked with a sample rule whose condition is {@code lhs}. */
    private static List<Problem> errorsBeside(Path tmp, String lhs) {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        TempRules.write(rules, "coretax/sample.drl", rule(lhs));
        return Checker.check(RuleFolder.of(rules)).errors();
    }

    @Test
    void matchesThatNoValueOfAYesNoFindingPasses_saysSo(@TempDir Path tmp) {
        List<Problem> errors = errorsBeside(tmp, "    Finding(id == \"badan.last-login-shown\", value matches \"ya\")\n");
        assertEquals(1, errors.size(), errors.toString());
        String message = "'value matches \"ya\"' holds for no value of yes-no finding 'badan.last-login-shown'"
                + " (allowed: yes, no), so the condition can never hold; compare with ==, as in value == \"yes\"";
        assertEquals("rule 'Sample': " + message, errors.get(0).message());
        assertEquals(7, errors.get(0).line());
        assertSaidInIndonesian(message);
    }

    @Test
    void aConditionThatContradictsItself_saysNoValuePassesIt(@TempDir Path tmp) {
        List<Problem> errors = errorsBeside(tmp,
                "    Finding(id == \"badan.last-login-shown\", value == \"yes\", value == \"no\")\n");
        assertEquals(List.of("rule 'Sample' can never fire: no value of finding 'badan.last-login-shown' passes all"
                + " the tests of this condition"), errors.stream().map(Problem::message).toList());
        assertSaidInIndonesian(errors.get(0).message());
    }
}
