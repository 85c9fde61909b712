package pajakdx.knowledge;

import pajakdx.internal.RuleBases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pajakdx.Case;
import pajakdx.LiveRuleBase;
import pajakdx.RuleBase;
import pajakdx.TempRules;
import pajakdx.base.Problem;
import pajakdx.base.RuleBaseException;
import pajakdx.engine.CheckReport;
import pajakdx.engine.Checker;

/**
 * Rule files are input, not code we trust. Every entry below tries to run code through a rule
 * file (each would create a marker file), hidden in every place DRL offers: conditions, strings,
 * comments, unicode escapes, metadata, attributes, file-level declarations, right-hand sides.
 * Each must be refused with the file and the line, and nothing may run: not while checking, not
 * while loading, not while diagnosing. The findings of ../shared/security-findings 01-03, 05,
 * 11, 12 and 13 (a, b) are among them.
 */
class RuleSafetyTest {
    private static final String HEAD = "package rules.coretax;\nimport pajakdx.facts.*;\n";
    private static final String META = "    @relations(\"IMP-1\") @source(\"pajakku-impersonate\")\n";
    private static final String GATE = "    Finding(id == \"problem\", value == \"impersonate-fails\")\n";
    private static final String OK = "    insertLogical(Cause.confirmed(\"badan-never-logged-in\"));\n";
    /** Java code that creates the marker file; MARKER is replaced by its path. */
    private static final String RUN = "java.nio.file.Files.createFile(java.nio.file.Path.of(\"MARKER\"))";
    private static final String EXEC = "java.lang.Runtime.getRuntime().exec(new String[]{\"touch\", \"MARKER\"})";

    /** A whole file: a rule with {@code lhs} after the gate and {@code rhs} (line 8 is the line after the gate). */
    private static String rule(String lhs, String rhs) {
        return HEAD + "rule \"Hostile\"\n" + META + "when\n" + GATE + lhs + "then\n" + rhs + "end\n";
    }

    static Stream<Arguments> hostileFiles() {
        List<Arguments> out = new ArrayList<>();
        // -- conditions: code in an eval, hidden from a text scan by strings and comments (finding 01)
        out.add(Arguments.of("eval", rule("    eval( " + RUN + " != null )\n", OK), 7));
        out.add(Arguments.of("eval behind '//' in a string", rule("    eval( '//'.length() > 0 && " + RUN + " != null )\n", OK), 7));
        out.add(Arguments.of("eval behind /* // */", rule("    /* // */ eval( " + RUN + " != null )\n", OK), 7));
        out.add(Arguments.of("eval behind /* \" */", rule("    /* \" */ eval( " + EXEC + ".waitFor() == 0 ) /* \" */\n", OK), 7));
        out.add(Arguments.of("not eval", rule("    not eval( " + RUN + " == null )\n", OK), 7));
        out.add(Arguments.of("exists with an or", rule("    exists ( Finding(id == \"x\") or eval( " + RUN + " != null ) )\n", OK), 7));
        out.add(Arguments.of("code in a constraint", rule("    Finding(id == \"problem\", " + RUN + " != null)\n", OK), 7));
        out.add(Arguments.of("code after a string holding //", rule("    Finding(id == \"a//b\" || " + RUN + " != null)\n", OK), 7));
        out.add(Arguments.of("code as a compared value", rule("    Finding(id == \"problem\", value == " + RUN + ".toString())\n", OK), 7));
        out.add(Arguments.of("string concatenation", rule("    Finding(id == \"problem\", value == \"a\" + " + RUN + ")\n", OK), 7));
        out.add(Arguments.of("assignment in a constraint", rule("    Finding(id == \"problem\", value == ($x = " + RUN + "))\n", OK), 7));
        out.add(Arguments.of("slow String.format (finding 12)", rule("    Finding(id == \"problem\", String.format(\"%0900000000d\", 1).length() > 0)\n", OK), 7));
        out.add(Arguments.of("reflective property path (finding 13b)", rule("    $f : Finding(id == \"problem\", type.declaringClass.classLoader != null)\n", OK), 7));
        out.add(Arguments.of("getClass", rule("    Finding(id == \"problem\", this.getClass().getClassLoader() != null)\n", OK), 7));
        out.add(Arguments.of("method on a field", rule("    Finding(id == \"problem\", value.repeat(1000000000).length() > 0)\n", OK), 7));
        out.add(Arguments.of("variable with a method", rule("    $f : Finding(id == \"problem\")\n    Cause(id == $f.getClass().getName())\n", OK), 8));
        out.add(Arguments.of("pattern from an expression", rule("    Finding() from org.mvel2.MVEL.eval(\"" + RUN.replace("\"", "'") + "\")\n", OK), 7));
        out.add(Arguments.of("accumulate with inline code", rule("    Number() from accumulate( Finding(), init( int c = 0; ), action( " + RUN + "; ), result( c ) )\n", OK), 7));
        out.add(Arguments.of("collect", rule("    java.util.List() from collect( Finding() )\n", OK), 7));
        out.add(Arguments.of("forall", rule("    forall( Finding(id == \"problem\") Finding(" + RUN + " != null) )\n", OK), 7));
        out.add(Arguments.of("entry point", rule("    Finding(id == \"x\") from entry-point \"other\"\n", OK), 7));
        out.add(Arguments.of("window", rule("    Finding(id == \"x\") over window:length(1)\n", OK), 7));
        out.add(Arguments.of("another fact type", rule("    java.io.File(absolutePath == \"MARKER\")\n", OK), 7));
        out.add(Arguments.of("matches with a variable", rule("    $v : Finding(id == \"problem\")\n    Finding(id == \"x\", value matches $v.value)\n", OK), 8));
        out.add(Arguments.of("pattern annotation", rule("    Finding(id == \"x\") @watch(*)\n", OK), 7));
        out.add(Arguments.of("unicode escape in a condition", rule("    Finding(id == \"a\\u0022 || " + RUN + " != null || \\u0022\")\n", OK), 7));
        out.add(Arguments.of("bounded-looking regex (finding 11)", rule("    Finding(id == \"x\", value matches \".{0,2000}a.{0,2000}a.{0,2000}a.{0,2000}b\")\n", OK), 7));
        // -- metadata and attributes: expressions Drools would evaluate while building (findings 02, 03)
        out.add(Arguments.of("metadata expression", HEAD + "rule \"Hostile\"\n" + META + "    @x( " + RUN + " )\nwhen\n" + GATE + "then\n" + OK + "end\n", 3));
        out.add(Arguments.of("metadata behind /* // */", HEAD + "rule \"Hostile\"\n    @relations(\"IMP-1\") @source(\"pajakku-impersonate\") /* // */ @x( " + RUN + " )\nwhen\n" + GATE + "then\n" + OK + "end\n", 3));
        out.add(Arguments.of("metadata value that is code", HEAD + "rule \"Hostile\"\n    @relations(" + RUN + ") @source(\"pajakku-impersonate\")\nwhen\n" + GATE + "then\n" + OK + "end\n", 3));
        out.add(Arguments.of("salience expression", HEAD + "rule \"Hostile\"\n" + META + "    salience ( " + RUN + " != null ? 1 : 0 )\nwhen\n" + GATE + "then\n" + OK + "end\n", 5));
        out.add(Arguments.of("enabled expression", HEAD + "rule \"Hostile\"\n" + META + "    enabled ( " + RUN + " != null )\nwhen\n" + GATE + "then\n" + OK + "end\n", 5));
        out.add(Arguments.of("date-effective", HEAD + "rule \"Hostile\"\n" + META + "    date-effective \"1-Jan-2025\"\nwhen\n" + GATE + "then\n" + OK + "end\n", 5));
        out.add(Arguments.of("file-level attribute", HEAD + "salience ( " + RUN + " != null ? 1 : 0 )\n" + "rule \"Hostile\"\n" + META + "when\n" + GATE + "then\n" + OK + "end\n", 3));
        // -- file level
        out.add(Arguments.of("function", HEAD + "function Object f() { return " + RUN + "; }\n" + rule("", OK).substring(HEAD.length()), 3));
        out.add(Arguments.of("global", HEAD + "global java.util.List list;\n" + rule("", OK).substring(HEAD.length()), 3));
        out.add(Arguments.of("import of a class", HEAD + "import java.nio.file.Files;\n" + rule("", OK).substring(HEAD.length()), 3));
        out.add(Arguments.of("import static", HEAD + "import static java.lang.Runtime.getRuntime;\n" + rule("", OK).substring(HEAD.length()), 3));
        out.add(Arguments.of("declared type", HEAD + "declare Evil\n    name : String\nend\n" + rule("", OK).substring(HEAD.length()), 3));
        out.add(Arguments.of("query", HEAD + "query \"q\"\n    Finding()\nend\n", 3));
        out.add(Arguments.of("rule extends", HEAD + "rule \"Base\"\n" + META + "when\n" + GATE + "then\n" + OK + "end\n"
                + "rule \"Hostile\" extends \"Base\"\n" + META + "when\n" + GATE + "then\n" + OK + "end\n", 10));
        // -- right-hand sides: Java code Drools would compile
        out.add(Arguments.of("code after a conclusion", rule("", OK + "    " + RUN + ";\n"), 9));
        out.add(Arguments.of("code in the id", rule("", "    insertLogical(Cause.confirmed(\"a\" + " + RUN + "));\n"), 8));
        out.add(Arguments.of("unicode escape ending a comment", rule("", OK + "    // \\u000a " + RUN + ";\n"), 9));
        out.add(Arguments.of("unicode escape ending a string", rule("", "    insertLogical(Cause.confirmed(\"x\\u0022)); " + RUN + "; //\"));\n"), 8));
        out.add(Arguments.of("text block", rule("", "    insertLogical(Cause.confirmed(\"\"\"\n    x\"\"\" + " + RUN + "));\n"), 8));
        out.add(Arguments.of("named consequence", rule("    if (true) do[extra]\n", OK + "then[extra]\n    " + RUN + ";\n"), 0));
        out.add(Arguments.of("modify", rule("", "    modify($x) { };\n"), 8));
        out.add(Arguments.of("halt", rule("", "    drools.halt();\n"), 8));
        out.add(Arguments.of("block", rule("", "    { " + OK.strip() + " }\n"), 8));
        // -- sizes that overflowed the stack before (finding 05) or could
        out.add(Arguments.of("20,000-character literal", rule("    Finding(id == \"badan.last-login-shown\", value != \"" + "x".repeat(20_000) + "\")\n", OK), 7));
        out.add(Arguments.of("deeply nested parentheses", rule("    Finding(id == \"x\", " + "(".repeat(3_000) + "value == \"y\"" + ")".repeat(3_000) + ")\n", OK), 0));
        out.add(Arguments.of("deeply nested not", rule("    " + "not ( ".repeat(2_000) + "Finding(id == \"x\")" + " )".repeat(2_000) + "\n", OK), 0));
        return out.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostileFiles")
    void hostileRuleFile_isRefusedWithItsPlace_andNothingRuns(String what, String drl, int line, @TempDir Path tmp)
            throws IOException {
        Path marker = tmp.resolve("marker");
        Path rules = TempRules.copyOfTopics(tmp.resolve("r"), "coretax/impersonate");
        TempRules.write(rules, "coretax/hostile.drl", drl.replace("MARKER", marker.toString()));

        CheckReport report = Checker.check(RuleFolder.of(rules));
        List<Problem> mine = report.errors().stream().filter(p -> p.file() != null
                && p.file().endsWith("coretax/hostile.drl")).toList();
        assertFalse(mine.isEmpty(), what + ": refused, naming the file: " + report.errors());
        if (line > 0) {
            assertEquals(line, mine.get(0).line(), what + ": " + mine);
        }
        assertTrue(mine.stream().noneMatch(p -> p.message().contains("Exception") || p.message().contains("at org.")),
                mine.toString());
        assertThrows(RuleBaseException.class, () -> RuleBase.load(rules), what);
        assertFalse(Files.exists(marker), what + ": code ran");
    }

    @Test
    void thereAreAtLeastThirtyHostileVariants_beyondTheSecurityFindings() {
        assertTrue(hostileFiles().count() >= 45, "variants: " + hostileFiles().count());
    }

    @Test
    void aRuleFileThatIsNotUtf8_isNamedWithItsLine(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        byte[] latin1 = (HEAD + "rule \"Pajak élite\"\n" + META + "when\n" + GATE + "then\n" + OK + "end\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(rules.resolve("coretax/latin1.drl"), latin1);
        CheckReport report = Checker.check(RuleFolder.of(rules));
        Problem p = report.errors().get(0);
        assertTrue(p.file().endsWith("coretax/latin1.drl"), p.toString());
        assertEquals(3, p.line(), p.toString());
        assertTrue(p.message().contains("is not UTF-8"), p.toString());
    }

    @Test
    void aReloadWithAHostileFile_returnsTheProblems_keepsTheLastGoodRules_andRunsNothing(@TempDir Path tmp)
            throws IOException {
        Path marker = tmp.resolve("marker");
        Path rules = TempRules.copyOfTopics(tmp.resolve("r"), "coretax/impersonate");
        LiveRuleBase live = LiveRuleBase.load(rules);
        RuleBase before = live.current();
        for (Arguments a : hostileFiles().toList()) {
            TempRules.write(rules, "coretax/hostile.drl", ((String) a.get()[1]).replace("MARKER", marker.toString()));
            List<Problem> problems = live.reload();
            assertFalse(problems.isEmpty(), a.get()[0] + ": refused on reload");
            assertTrue(live.current() == before, a.get()[0] + ": the last good rules stay");
        }
        Files.delete(rules.resolve("coretax/hostile.drl"));
        assertEquals(List.of(), live.reload());
        assertEquals("suspected", live.diagnose(Case.builder("c").asOf("2025-02-03").problem("impersonate-fails")
                .build()).cause("badan-never-logged-in").orElseThrow().status());
        assertFalse(Files.exists(marker), "code ran during a reload");
    }

    static Stream<Arguments> allowedConditions() {
        return Stream.of(
                Arguments.of("value and in", "    Finding(id == \"user.appointed-role\", value in (\"pic\", \"wakil\"))\n"),
                Arguments.of("not in and known", "    Finding(id == \"user.appointed-role\", known, value not in (\"none\"))\n"),
                Arguments.of("not and exists", "    not Finding(id == \"badan.last-login-shown\", known)\n    exists ( Cause(confirmed) )\n"),
                Arguments.of("or of patterns", "    ( Finding(id == \"badan.last-login-shown\", value == \"no\") or Finding(id == \"user.appointed-role\", value == \"none\") )\n"),
                Arguments.of("as-of window", "    AsOf(onOrAfter(\"2025-01-01\"), before(\"2025-02-01T10:00\"), !timeGiven || between(\"2025-01-02\", \"2025-01-03\"))\n"),
                Arguments.of("null as unknown", "    Finding(id == \"user.appointed-role\", value != null)\n"),
                Arguments.of("words of code inside texts", "    not Cause(id == \"System.exit new Thread getClass // x\")\n"),
                Arguments.of("cause flags and ids", "    Cause(id in (\"user-not-appointed\", \"pic-name-differs-ahu\"), !ruledOut)\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("allowedConditions")
    void allowedConditions_load_andDiagnose(String what, String lhs, @TempDir Path tmp) {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        TempRules.write(rules, "coretax/probe.drl", rule(lhs, OK).replace("\"Hostile\"", "\"Probe\""));
        RuleBase base = RuleBase.load(rules);
        base.diagnose(Case.builder("c").asOf("2025-02-03").problem("impersonate-fails").build());
        assertTrue(RuleBases.of(base).rule("Probe").isPresent(), what);
    }
}
