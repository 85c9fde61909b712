package pajakdx.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pajakdx.Case;
import pajakdx.base.Problem;
import pajakdx.RuleBase;
import pajakdx.base.RuleBaseException;
import pajakdx.TempRules;

/**
 * Unsafe rules are refused at load, before anything is compiled, with file:line: every entry
 * below is a way to run code through a rule file, each of which worked before (or would, with a
 * deny-list only). Each tries to set a system property; the test checks the refusal names the
 * place and the property was never set, before or after a diagnosis.
 */
class RuleSafetyTest {
    static final String OK = "insertLogical(Cause.confirmed(\"badan-never-logged-in\"));";
    static final String PWN = "java.lang.System.setProperty(\"pajakdx.pwned\", \"1\")";

    @TempDir
    Path tmp;

    @AfterEach
    void clean() {
        System.clearProperty("pajakdx.pwned");
    }

    /** A rule file around one rule; {@code extra} goes into the rule's conditions, {@code rhs} after then. */
    static String rule(String head, String conditions, String rhs) {
        return "package rules.coretax;\nimport pajakdx.facts.*;\n" + head + "\n"
                + "rule \"Probe\"\n    @relations(\"IMP-1\") @source(\"pajakku-impersonate\")\n"
                + "when\n    Finding(id == \"problem\", value == \"impersonate-fails\")\n    " + conditions + "\n"
                + "then\n    " + rhs + "\nend\n";
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // fully qualified classes, the simplest way past a list of forbidden class names
        "qualified System        | eval( " + PWN + " != null )                        | 8 | java.lang.System.setProperty",
        "MVEL evaluating text    | eval( org.mvel2.MVEL.eval(\"1\") != null )          | 8 | org.mvel2.MVEL.eval",
        "from an expression      | Finding() from org.mvel2.MVEL.eval(\"1\")          | 8 | org.mvel2.MVEL.eval",
        "java.beans              | eval( java.beans.Beans.instantiate(null, \"x\") != null ) | 8 | java.beans.Beans",
        "string concatenation    | eval( java.lang.Class.forName(\"java.lang.\" + \"System\") != null ) | 8 | java.lang.Class.forName",
        // java.lang types are imported implicitly: every type name is checked against the allow-list
        "implicit System         | eval( System.getProperty(\"user.home\") != null ) | 8 | System",
        "implicit Thread         | eval( Thread.currentThread() != null )           | 8 | Thread",
        "implicit ProcessBuilder | eval( ProcessBuilder.class != null )             | 8 | ProcessBuilder",
        "Object pattern          | Object() from \"x\"                              | 8 | Object",
        "Math.random             | eval( Math.random() > 0.5 )                      | 8 | Math",
        // reflection and the clock through members of allowed types
        "getClass                | Finding(id == \"problem\", this.getClass() != null) | 8 | getClass",
        "class literal           | eval( Finding.class.getClassLoader() != null )   | 8 | class",
        "system property         | eval( Integer.getInteger(\"x\") == null )          | 8 | getInteger",
        "wall clock              | AsOf(date.isBefore(LocalDate.now()))             | 8 | now",
        "clock via java.time     | eval( java.time.Clock.systemUTC() != null )      | 8 | java.time.Clock",
        "memory hog              | Finding(id == \"problem\", value.repeat(1000000000).length() > 0) | 8 | repeat",
        "object creation         | eval( new StringBuilder() != null )              | 8 | new",
        // programs where expressions belong
        "accumulate inline code  | Number() from accumulate( Finding(), init( int c = 0; ), action( c++; ), result( c ) ) | 8 | inline code",
    })
    void unsafeConditions_areRefusedWithTheirPlace(String what, String conditions, int line, String named) {
        assertRefused(rule("", conditions, OK), line, named);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // Java reads unicode escapes before anything else: in a comment of the right-hand side,
        // the escape of a line feed ends the comment and the rest of the line becomes code
        // (this very comment would break this file if it held the escape itself).
        "escape ending a comment | " + OK + " // \\u000a " + PWN + ";        | 10 | unicode escape '\\u000a'",
        "escape in a condition   | eval( \\u0053ystem.getProperty(\"x\") != null ) | 8 | unicode escape '\\u0053'",
        "escape ending a string  | insertLogical(Cause.confirmed(\"x\\u0022)); " + PWN + "; //\")); | 10 | unicode escape",
        "escape with many u's    | eval( \\uuuu0053ystem.getProperty(\"x\") != null ) | 8 | unicode escape",
        // the right-hand side allows one statement form only
        "call on the rhs         | exit(0);                                          | 10 | right-hand side statement",
        "modify on the rhs       | update(kcontext.getKieRuntime());                  | 10 | right-hand side statement",
        "block on the rhs        | { " + OK + " }                                       | 10 | right-hand side statement",
    })
    void unicodeEscapesAndUnsafeRightHandSides_areRefused(String what, String text, int line, String named) {
        String drl = text.startsWith("eval(") ? rule("", text, OK) : rule("", "", text);
        assertRefused(drl, line, named);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "salience expression | rule \"S\" salience( org.mvel2.MVEL.eval(\"1\") == null ? 1 : 2 ) when Finding() then "
                + OK + " end | 3 | org.mvel2.MVEL.eval",
        "metadata expression | rule \"M\" @x(" + PWN + ") when Finding() then " + OK + " end | 3 | java.lang.System",
        "query               | query \"q\" Finding() end                                | 3 | query 'q'",
        "declared enum       | declare enum E A, B; end                                 | 3 | declared enum 'E'",
        "import static       | import static java.lang.System.setProperty;              | 3 | 'import function'",
        "import of a class   | import java.io.File;                                     | 3 | import of 'java.io.File'",
        "function            | function void f() { }                                    | 3 | function 'f'",
        "global              | global java.util.List list;                              | 3 | global 'list'",
    })
    void unsafeFileLevelConstructs_areRefused(String what, String head, int line, String named) {
        String drl = "package rules.coretax;\nimport pajakdx.facts.*;\n" + head + "\n";
        assertRefused(drl, line, named);
    }

    @org.junit.jupiter.api.Test
    void namedConsequences_areRefused() {
        assertRefused(rule("", "$f : Finding(id == \"problem\")\n    if ($f.value == \"x\") do[extra]",
                OK + "\nthen[extra]\n    " + PWN + ";"), 4, "named consequences");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "bound variables and members  | $f : Finding(id == \"badan.last-login-shown\", value.length() > 1, $v : value)",
        "java.time, plain and qualified | AsOf(date.isAfter(java.time.LocalDate.of(2020, 1, 1)), date.isBefore(LocalDate.of(2100, 1, 1)))",
        "ChronoUnit, qualified in eval | eval(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2020, 1, 1), LocalDate.of(2100, 1, 1)) > 0)",
        "accumulate built-ins         | Number(intValue >= 1) from accumulate( Finding(id == \"problem\", known), count(1) )",
        "an escaped backslash then u  | Finding(id == \"problem\", value not matches \"a\\\\\\\\u0041\")",
        "words inside strings         | eval(\"System.exit new Thread getClass\".length() > 0)",
    })
    void safeConditions_stillLoad(String what, String conditions) {
        Path rules = TempRules.copyOfRules(tmp);
        TempRules.write(rules, "coretax/probe.drl", rule("import java.time.*;", conditions, OK));
        RuleBase base = RuleBase.load(rules);
        base.diagnose(Case.builder("c").asOf("2025-02-03").problem("impersonate-fails").build());
        assertTrue(base.rule("Probe").isPresent());
    }

    private void assertRefused(String drl, int line, String named) {
        Path rules = TempRules.copyOfRules(tmp);
        TempRules.write(rules, "coretax/probe.drl", drl);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBase.load(rules));
        Problem p = e.problems().stream().filter(x -> "coretax/probe.drl".equals(x.file())).findFirst()
                .orElseThrow(() -> new AssertionError("no problem names the file: " + e.getMessage()));
        assertEquals(line, p.line(), p.toString());
        assertTrue(p.message().contains(named), p.toString());
        assertNull(System.getProperty("pajakdx.pwned"), "code from the refused rule ran");
    }
}
