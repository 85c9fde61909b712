package pajakdx.knowledge;

import pajakdx.internal.RuleBases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pajakdx.Case;
import pajakdx.LiveRuleBase;
import pajakdx.base.Problem;
import pajakdx.RuleBase;
import pajakdx.base.RuleBaseException;
import pajakdx.TempRules;
import pajakdx.TestRules;
import pajakdx.cli.Main;

/**
 * The broken-rules corpus (src/test/resources/broken-rules): every variant is dropped into a
 * good rule base and must be reported at its file and line, refused by the library, by
 * {@code check} and by {@code diagnose --rules} (exit 2), while a {@link LiveRuleBase} keeps the
 * last good rule base and goes on diagnosing.
 *
 * <p>A variant says what it expects in its first lines: {@code expect: LINE: text} (the line and
 * a piece of the message) and, to replace a top-level file, {@code target: relations.yaml}.
 * Without a target it is written as {@code coretax/<its file name>}.
 */
class BrokenRulesCorpusTest {
    private static final Path CORPUS = TestRules.projectRoot().resolve("src/test/resources/broken-rules");
    private static final Pattern EXPECT = Pattern.compile("^(?://|#)\\s*expect:\\s*(\\d+):\\s*(.+)$",
            Pattern.MULTILINE);
    private static final Pattern TARGET = Pattern.compile("^(?://|#)\\s*target:\\s*(\\S+)\\s*$", Pattern.MULTILINE);

    record Variant(String name, String text, String target, int line, String fragment) {
        @Override
        public String toString() {
            return name;
        }

        /** True when {@code p} is this variant's problem: its file and line, and the expected words. */
        boolean matches(Problem p) {
            Pattern place = Pattern.compile(Pattern.quote(target + ":" + line) + "(?!\\d)");
            return place.matcher(p.toString()).find() && p.message().contains(fragment);
        }
    }

    static List<Variant> variants() throws IOException {
        List<Variant> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher e = EXPECT.matcher(text);
                if (!e.find()) {
                    throw new IllegalStateException(f.getFileName() + " has no 'expect: LINE: text' header");
                }
                Matcher t = TARGET.matcher(text);
                String target = t.find() ? t.group(1) : "coretax/" + f.getFileName();
                out.add(new Variant(f.getFileName().toString(), text, target, Integer.parseInt(e.group(1)),
                        e.group(2).trim()));
            }
        }
        return out;
    }

    @Test
    void corpusHasAtLeastTwentyVariants() throws IOException {
        assertTrue(variants().size() >= 20, "variants: " + variants().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void brokenRuleIsReportedAtItsLine_refusedEverywhere_andTheLastGoodRuleBaseStays(Variant v, @TempDir Path tmp) {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        LiveRuleBase live = LiveRuleBase.load(rules);
        RuleBase good = live.current();
        TempRules.write(rules, v.target(), v.text());

        // The library refuses it, naming file and line.
        List<Problem> problems = live.reload();
        assertTrue(problems.stream().anyMatch(v::matches), v + ": expected " + v.target() + ":" + v.line()
                + " '" + v.fragment() + "' among\n" + describe(problems));
        assertEquals(problems, assertThrows(RuleBaseException.class, () -> RuleBase.load(rules)).problems(),
                "RuleBase.load reports the same problems as a reload");

        // The live rule base keeps the last good one, and it still diagnoses.
        assertSame(good, live.current(), "a failed reload must keep the last good rule base");
        Case c = Case.read(TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml"));
        assertEquals("confirmed", live.diagnose(c).cause("badan-never-logged-in").orElseThrow().status());

        // check and diagnose --rules both exit 2 and print the place; no stack trace.
        Run check = run("check", "--rules", rules.toString());
        assertEquals(Main.BAD_INPUT, check.code(), check.out());
        assertTrue(check.out().lines().anyMatch(l -> l.startsWith("error: " + v.target() + ":")
                || l.startsWith("error: ") && l.contains(v.target() + ":" + v.line())), check.out());
        Run diagnose = run("diagnose", "--rules", rules.toString(),
                TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml").toString());
        assertEquals(Main.BAD_INPUT, diagnose.code(), diagnose.err());
        assertTrue(diagnose.err().contains(v.target() + ":" + v.line()), diagnose.err());
        assertFalse(diagnose.err().contains("\tat ") || check.out().contains("\tat "), "no stack trace");
        assertTrue(diagnose.out().isEmpty(), "nothing is diagnosed with a broken rule base");
    }

    @Test
    void whenTheBrokenFileIsFixed_thenReloadSwapsInTheNewRules(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        LiveRuleBase live = LiveRuleBase.load(rules);
        RuleBase first = live.current();
        Variant exit = variants().stream().filter(x -> x.name().equals("system-exit.drl")).findFirst().orElseThrow();
        TempRules.write(rules, exit.target(), exit.text());
        assertFalse(live.reload().isEmpty());
        assertSame(first, live.current());
        TempRules.write(rules, exit.target(), exit.text().replace("System.exit(1);",
                "insertLogical(Cause.confirmed(\"badan-never-logged-in\"));"));
        assertEquals(List.of(), live.reload());
        assertTrue(live.current() != first && RuleBases.of(live.current()).rule("Broken: exits").isPresent(),
                "the fixed rule is in use after the reload");
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static String describe(List<Problem> problems) {
        StringBuilder s = new StringBuilder();
        problems.forEach(p -> s.append("  ").append(p).append('\n'));
        return s.toString();
    }
}
