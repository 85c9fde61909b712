package pajakdx.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TempRules;
import pajakdx.TestRules;
import pajakdx.base.Problem;
import pajakdx.base.RuleBaseException;
import pajakdx.doc.DocException;
import pajakdx.doc.DocReader;
import pajakdx.engine.CheckReport;
import pajakdx.engine.Checker;
import pajakdx.engine.DrlReader;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.CatalogReader;
import pajakdx.knowledge.Derivation;
import pajakdx.knowledge.Lint;
import pajakdx.knowledge.Rule;
import pajakdx.knowledge.RuleFile;
import pajakdx.knowledge.RuleFolder;
import pajakdx.text.Messages.Entry;

/**
 * The messages an analyst gets about a rules folder are said in Indonesian: the messages the
 * checker and the loader really produce for many broken rule files, catalogs and folders all
 * match an entry of the table (and the parts they are made of are said in Indonesian too), and
 * every entry of {@link RuleMessages} is reachable: no more general entry takes its messages.
 */
class RuleMessagesTest {
    private static final String HEAD = "package rules.coretax;\nimport pajakdx.facts.*;\n";
    private static final String META = "    @relations(\"IMP-1\") @source(\"pajakku-impersonate\")\n";
    private static final String GATE = "    Finding(id == \"problem\", value == \"impersonate-fails\")\n";
    private static final String OK = "    insertLogical(Cause.confirmed(\"badan-never-logged-in\"));\n";

    /**
     * Messages that stay English on purpose, each a regular expression on the whole message.
     * Keep it short: only text that is not ours.
     */
    private static final List<Pattern> UNTRANSLATED = Stream.of(
            // Drools' parser errors that are about its own internals rather than the analyst's DRL
            // (DroolsParserExceptionFactory): they quote a Java exception or an ANTLR tree, and
            // stay as Drools words them. Its grammar errors (mismatched input ...) are translated.
            "unexpected exception at input .*", "mismatched tree node .*", "rule '.*' failed predicate: .*")
            .map(Pattern::compile).toList();

    /** Every message collected from the fixtures below, first seen first. */
    private static final Set<String> COLLECTED = new java.util.LinkedHashSet<>();

    @BeforeAll
    static void collect(@TempDir Path tmp) throws IOException {
        brokenRulesCorpus(tmp.resolve("corpus"));
        ruleFiles();
        derivations();
        lint();
        checkerOnly(tmp.resolve("checker"));
        catalogs(tmp.resolve("catalog"));
        documents();
        folders(tmp.resolve("folders"));
    }

    // ---- the table itself ----

    @Test
    void noEnglishTemplate_isGivenTwice() {
        Set<String> seen = new HashSet<>();
        for (Entry e : Stream.concat(Messages.ALL.stream(), RuleMessages.ALL.stream()).toList()) {
            assertTrue(seen.add(e.en()), "given twice: " + e.en());
        }
    }

    @Test
    void aPartSaidInIndonesian_isSaidInIndonesianInsideTheMessageToo() {
        assertEquals("aturan 'R': 'Findng' tidak diizinkan: syarat adalah pola pada Finding, AsOf, Cause atau Remedy,"
                + " digabung dengan and, or, not, exists", Messages.indonesian("rule 'R': 'Findng' is not allowed: a"
                + " condition is a pattern on Finding, AsOf, Cause or Remedy, combined with and, or, not, exists"));
        assertEquals("pola tidak diterima pada karakter ke-3: grup '(' tidak ditutup",
                Messages.indonesian("pattern not accepted at character 3: unclosed group '('"));
        assertEquals("seharusnya berkas topik (pemetaan isian), ternyata daftar",
                Messages.indonesian("expected a topic file (a mapping of fields), found list"));
        assertEquals("aturan 'D' tidak akan pernah menyala: temuan 'f' diharuskan 'a' dan sekaligus 'b', padahal satu"
                + " kasus hanya memuat satu nilai per temuan", Messages.indonesian("rule 'D' can never fire: finding"
                + " 'f' is required to be 'a' and also 'b', but a case holds one value per finding"));
    }

    // ---- the messages the code really gives ----

    @Test
    void theFixturesGiveManyDifferentMessages() {
        assertTrue(COLLECTED.size() >= 150, "collected only " + COLLECTED.size() + ":\n" + String.join("\n", COLLECTED));
    }

    @Test
    void everyMessageOfTheCheckerAndTheLoader_isSaidInIndonesian() {
        List<String> untranslated = COLLECTED.stream().filter(m -> !allowed(m))
                .filter(m -> Messages.indonesian(m).equals(m)).toList();
        assertEquals("", String.join("\n", untranslated), untranslated.size() + " messages have no Indonesian");
    }

    /**
     * A message matched by an entry whose {@code {t}} part matches no entry keeps that part
     * English (only the few words of {@link Messages#WORDS} are replaced): every such part of a
     * real message must be a message of the table itself, or a list of quoted values.
     */
    @Test
    void everyPartSaidInIndonesianOfARealMessage_isAMessageOfTheTable() {
        List<String> left = new ArrayList<>();
        for (String m : COLLECTED) {
            for (String part : Messages.unsaid(m).stream().filter(p -> !allowed(p)).toList()) {
                left.add(m + "\n    part: '" + part + "'");
            }
        }
        assertEquals("", String.join("\n", left), left.size() + " messages keep a part in English");
    }

    @Test
    void coversTheKindsOfMessage() {
        // One sample from each source of messages, so that a fixture that silently stops failing is noticed.
        for (String piece : List.of("is not allowed: rules hold knowledge", "is not a field of a Finding",
                "is not allowed; a right-hand side may only contain", "@derive needs", "can never fire",
                "is declared but no rule tests it", "has no Indonesian title", "has no Indonesian summary",
                "sets unknown finding",
                "pattern not accepted at character", "not valid YAML", "not valid JSON", "is a link to a folder",
                "no such rules folder", "no .drl files", "duplicate rule name", "is not UTF-8",
                "mismatched input", "joins 3 patterns", "contains the control character")) {
            assertTrue(COLLECTED.stream().anyMatch(m -> m.contains(piece)), "no message with '" + piece + "'");
        }
    }

    // ---- fixtures ----

    /** The broken-rules corpus (src/test/resources/broken-rules), each variant checked as the corpus test does. */
    private static void brokenRulesCorpus(Path tmp) throws IOException {
        Path corpus = TestRules.projectRoot().resolve("src/test/resources/broken-rules");
        Pattern target = Pattern.compile("^(?://|#)\\s*target:\\s*(\\S+)\\s*$", Pattern.MULTILINE);
        List<Path> variants;
        try (Stream<Path> files = Files.list(corpus)) {
            variants = files.sorted().toList();
        }
        int i = 0;
        for (Path v : variants) {
            String text = Files.readString(v, StandardCharsets.UTF_8);
            Matcher t = target.matcher(text);
            Path rules = TempRules.copyOfTopics(tmp.resolve("v" + i++), "coretax/impersonate");
            TempRules.write(rules, t.find() ? t.group(1) : "coretax/" + v.getFileName(), text);
            CheckReport r = Checker.check(RuleFolder.of(rules));
            assertFalse(r.errors().isEmpty(), v.getFileName() + " gives no error");
            add(r.errors());
            add(r.warnings());
        }
    }

    private static String rule(String lhs, String rhs) {
        return HEAD + "rule \"Broken\"\n" + META + "when\n" + GATE + lhs + "then\n" + rhs + "end\n";
    }

    private static String rhs(String rhs) {
        return rule("", rhs);
    }

    /** Rule files refused while they are read (DrlReader, its condition, constraint and consequence readers). */
    private static void ruleFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        String body = rule("", OK).substring(HEAD.length());
        // the file level
        files.put("package", "package rules.x-y;\nimport pajakdx.facts.*;\n" + body);
        files.put("package outside rules", "package java.lang;\nimport pajakdx.facts.*;\n" + body);
        files.put("package with a keyword", "package rules.int;\nimport pajakdx.facts.*;\n" + body);
        files.put("import", HEAD + "import java.util.List;\n" + body);
        files.put("import function", HEAD + "import function java.lang.Math.max;\n" + body);
        files.put("import static", HEAD + "import static java.lang.Math.max;\n" + body);
        files.put("NUL byte", HEAD + "\0\n" + body);
        files.put("invisible character", HEAD + body.replace("when", "when\u200B"));
        files.put("import accumulate", HEAD + "import accumulate java.lang.Object mine;\n" + body);
        files.put("function", HEAD + "function int f() { return 1; }\n" + body);
        files.put("global", HEAD + "global java.util.List list;\n" + body);
        files.put("declared type", HEAD + "declare Evil\n    name : String\nend\n" + body);
        files.put("declared enum", HEAD + "declare enum Colour\n    RED, GREEN;\nend\n" + body);
        files.put("window", HEAD + "declare window Last\n    Finding() over window:length(1)\nend\n" + body);
        files.put("entry point", HEAD + "declare entry-point Other\nend\n" + body);
        files.put("file-level attribute", HEAD + "salience 10\n" + body);
        files.put("unit", "package rules.coretax;\nunit Mine;\nimport pajakdx.facts.*;\n" + body);
        files.put("query", HEAD + "query \"q\"\n    Finding()\nend\n");
        files.put("duplicate rule", HEAD + body + body);
        files.put("long name", HEAD + body.replace("\"Broken\"", "\"" + "n".repeat(250) + "\""));
        files.put("extends", HEAD + body + body.replace("rule \"Broken\"", "rule \"Child\" extends \"Broken\""));
        files.put("named consequence", rule("    if (true) do[extra]\n", OK + "then[extra]\n" + OK));
        files.put("metadata", HEAD + body.replace(META, META + "    @colour(\"red\")\n"));
        files.put("metadata value", HEAD + body.replace("@source(\"pajakku-impersonate\")", "@source(1 + 1)"));
        files.put("salience", HEAD + body.replace(META, META + "    salience (1 + 1)\n"));
        files.put("attribute", HEAD + body.replace(META, META + "    no-loop true\n"));
        files.put("clock attribute", HEAD + body.replace(META, META + "    date-effective \"1-Jan-2025\"\n"));
        files.put("syntax", rule("    Finding(id == \"x\" value == \"y\")\n", OK));
        files.put("deep parentheses", rule("    Finding(id == \"x\", " + "(".repeat(3_000) + "value == \"y\""
                + ")".repeat(3_000) + ")\n", OK));
        // conditions
        files.put("nesting", rule("    " + "not ( ".repeat(9) + "Finding(id == \"x\")" + " )".repeat(9) + "\n", OK));
        files.put("eval", rule("    eval( 1 == 1 )\n", OK));
        files.put("patterns", rule("    Finding(id == \"x\")\n".repeat(25), OK));
        files.put("fact type", rule("    Findng(id == \"x\")\n", OK));
        files.put("from", rule("    Finding() from java.util.List.of()\n", OK));
        files.put("OOPath", rule("    /findings[ id == \"x\" ]\n", OK));
        files.put("annotation", rule("    Finding(id == \"x\") @watch(*)\n", OK));
        files.put("variable", rule("    $" + "v".repeat(50) + " : Finding(id == \"x\")\n", OK));
        files.put("variable twice", rule("    $a : AsOf()\n    $a : AsOf()\n", OK));
        files.put("variable of a not", rule("    not ( $a : AsOf() )\n    Finding(id == \"x\", daysBefore($a) > 1)\n", OK));
        files.put("variable of an or", rule("    ( $a : AsOf() or Finding(id == \"y\") )\n"
                + "    Finding(id == \"x\", daysBefore($a) > 1)\n", OK));
        // constraints
        files.put("long constraint", rule("    Finding(id == \"x\", value in (" + "\"aaaa\", ".repeat(400)
                + "\"a\"))\n", OK));
        files.put("binding", rule("    Finding(id == \"x\", $v : value)\n", OK));
        files.put("deep && and ||", rule("    Finding(id == \"x\", " + "(value == \"a\" && (value == \"b\" || ".repeat(4)
                + "value == \"c\"" + "))".repeat(4) + ")\n", OK));
        files.put("parameters", rule("    $a : AsOf()\n    Finding(id == \"x\", this after[1s] $a)\n", OK));
        files.put("not atomic", rule("    Finding(id == \"x\", number + 1 == 2)\n", OK));
        files.put("not a field", rule("    Finding(id == \"x\", size == 1)\n", OK));
        files.put("not a field of AsOf", rule("    AsOf(id == \"x\")\n", OK));
        files.put("not a field of Cause", rule("    Cause(value == \"x\")\n", OK));
        files.put("not a field of Remedy", rule("    Remedy(value == \"x\")\n", OK));
        files.put("not a literal", rule("    $f : Finding(id == \"x\")\n    Finding(id == \"y\", value == $f)\n", OK));
        files.put("operator", rule("    Finding(id == \"x\", value contains \"y\")\n", OK));
        files.put("str operator", rule("    Finding(id == \"x\", value str[startsWith] \"y\")\n", OK));
        files.put("str length", rule("    Finding(id == \"x\", value str[length] 5)\n", OK));
        files.put("negated field", rule("    Finding(id == \"x\", !value == \"y\")\n", OK));
        files.put("null", rule("    Finding(id == \"x\", format == null)\n", OK));
        files.put("number with text", rule("    Finding(id == \"x\", number == \"y\")\n", OK));
        files.put("value with number", rule("    Finding(id == \"x\", value == 3)\n", OK));
        files.put("texts ordered", rule("    Finding(id == \"x\", value > \"y\")\n", OK));
        files.put("matches on id", rule("    Finding(id matches \"x\")\n", OK));
        files.put("matches a number", rule("    Finding(id == \"x\", value matches 3)\n", OK));
        files.put("bad regex", rule("    Finding(id == \"x\", value matches \"(a\")\n", OK));
        files.put("measure of a Cause", rule("    $a : AsOf()\n    Cause(daysBefore($a) > 1)\n", OK));
        files.put("measure without variable", rule("    Finding(id == \"x\", daysBefore(\"a\") > 1)\n", OK));
        files.put("measure unbound", rule("    Finding(id == \"x\", daysBefore($b) > 1)\n", OK));
        files.put("measure with text", rule("    $a : AsOf()\n    Finding(id == \"x\", daysBefore($a) > \"y\")\n", OK));
        files.put("not an atom", rule("    Finding(id == \"x\", 1)\n", OK));
        files.put("not a test", rule("    Finding(id == \"x\", foo)\n", OK));
        files.put("not a test of AsOf", rule("    AsOf(foo)\n", OK));
        files.put("date test of a Cause", rule("    Cause(before(\"2025-01-01\"))\n", OK));
        files.put("between of a Finding", rule("    Finding(id == \"x\", between(\"2025-01-01\", \"2025-02-01\"))\n", OK));
        files.put("between with one date", rule("    AsOf(between(\"2025-01-01\"))\n", OK));
        files.put("before with two dates", rule("    AsOf(before(\"2025-01-01\", \"2025-02-01\"))\n", OK));
        files.put("AsOf not a date", rule("    AsOf(before(\"tomorrow\"))\n", OK));
        files.put("Finding not a date", rule("    Finding(id == \"x\", before(\"soon\"))\n", OK));
        // right-hand sides
        files.put("statement", rhs("    modify($x) { };\n"));
        files.put("method", rhs("    insertLogical(Cause.maybe(\"x\"));\n"));
        files.put("no semicolon", rhs("    insertLogical(Cause.confirmed(\"x\"))\n"));
        files.put("after a conclusion", rhs("    insertLogical(Cause.confirmed(\"x\")) + 1;\n"));
        files.put("id not quoted", rhs("    insertLogical(Cause.confirmed(x));\n"));
        files.put("id with a space", rhs("    insertLogical(Cause.confirmed(\"a b\"));\n"));
        files.put("empty id", rhs("    insertLogical(Cause.confirmed(\"\"));\n"));
        files.put("backslash", rhs(OK + "    \\u0041\n"));
        files.put("backslash in a line comment", rhs(OK + "    // \\u000a\n"));
        files.put("backslash in a block comment", rhs(OK + "    /* \\u000a */\n"));
        files.put("word", rhs("    insertLogical(+);\n"));
        List<String> silent = new ArrayList<>();
        for (var f : files.entrySet()) {
            DrlReader.Result r = DrlReader.read("coretax/broken.drl", f.getValue().getBytes(StandardCharsets.UTF_8));
            if (r.problems().isEmpty()) {
                silent.add(f.getKey());
            }
            add(r.problems());
        }
        assertEquals(List.of(), silent, "fixtures that give no problem");
        add(DrlReader.read("big.drl", new byte[DrlReader.MAX_FILE_BYTES + 1]).problems());
        add(DrlReader.read("latin1.drl", rule("", OK).replace("Broken", "Pajak élite")
                .getBytes(StandardCharsets.ISO_8859_1)).problems());
    }

    /** Rules read fine whose {@code @derive} is refused (Derivation). */
    private static void derivations() {
        Map<String, String> rules = new LinkedHashMap<>();
        String more = "    Finding(id == \"badan.last-login-shown\", value == \"no\")\n";
        rules.put("names", rule(more, OK).replace(META, META + "    @derive(\"sometimes\")\n"));
        rules.put("nothing", rule(more, OK).replace(META, META + "    @derive(\",\")\n"));
        rules.put("remedy", rule(more, "    insertLogical(Remedy.offer(\"x\"));\n")
                .replace(META, META + "    @derive(\"suspected\")\n"));
        rules.put("not", rule("    not Finding(id == \"x\")\n", OK).replace(META, META + "    @derive(\"ruledOut\")\n"));
        rules.put("one condition", rule("", OK).replace(META, META + "    @derive(\"ruledOut\")\n"));
        for (var f : rules.entrySet()) {
            DrlReader.Result r = DrlReader.read("coretax/derive.drl", f.getValue().getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(), r.problems(), f.getKey());
            List<Problem> problems = new ArrayList<>();
            Derivation.expand(List.of(r.file()), problems);
            assertFalse(problems.isEmpty(), f.getKey() + " gives no problem");
            add(problems);
        }
    }

    /** Rules that read fine but disagree with the bundled catalog (Lint, JoinBound, NeverFires). */
    private static void lint() {
        List<Problem> catalogErrors = new ArrayList<>();
        Catalog catalog = Checker.catalog(RuleFolder.of(TestRules.rulesDir()), catalogErrors);
        assertEquals(List.of(), catalogErrors);
        StringBuilder drl = new StringBuilder(HEAD);
        int[] n = {0};
        java.util.function.BiConsumer<String, String> add = (meta, rest) -> drl.append("rule \"Lint ").append(++n[0])
                .append("\"\n").append(meta).append(rest);
        String then = "then\n" + OK + "end\n";
        add.accept("", "when\n" + GATE + "then\nend\n");
        add.accept("    @source(\"pajakku-impersonate\")\n", "when\n" + GATE + then);
        add.accept("    @relations(\"IMP-1\")\n", "when\n" + GATE + then);
        add.accept("    @relations(\"IMP-9\") @source(\"pajakku-impersonat\")\n", "when\n" + GATE + then);
        add.accept(META, "when\n" + GATE + "then\n    insertLogical(Cause.confirmed(\"badan-never-logged\"));\n"
                + "    insertLogical(Remedy.offer(\"no-such-remedy\"));\nend\n");
        add.accept("    @relations(\"IMP-2\") @source(\"pajakku-impersonate\")\n", "when\n" + GATE + then);
        add.accept(META, "when\n" + GATE + "    Cause(confirmed)\n    Cause(suspected)\n    Cause(ruledOut)\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(value == \"x\")\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"badan.last-login-shwn\")\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"badan.last-login-shown\", id == \"x\")\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"badan.last-login-shown\", number > 3)\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"badan.last-login-shown\", before(\"2025-01-01\"))\n"
                + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"user.appointed-role\", value == \"wakl\")\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"xml.faktur-count\", value == \"many\")\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"sertel.issued-date\", value == \"today\")\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"badan.last-login-shown\", format == \"nik\")\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"efaktur.username\", format == \"nitku\")\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"user.appointed-role\", value == \"pic\")\n"
                + "    Finding(id == \"user.appointed-role\", value == \"wakil\")\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"badan.last-login-shown\", known)\n"
                + "    Finding(id == \"badan.last-login-shown\", !known)\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"badan.last-login-shown\", value == \"yes\")\n"
                + "    not Finding(id == \"badan.last-login-shown\", known)\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"user.appointed-role\", value != \"pic\")\n"
                + "    not Finding(id == \"user.appointed-role\")\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"user.appointed-role\", value in (\"pic\", \"wakil\"))\n"
                + "    Finding(id == \"user.appointed-role\", value == \"none\")\n" + then);
        add.accept(META, "when\n" + GATE + "    AsOf(onOrAfter(\"2025-02-01\"), before(\"2025-01-01\"))\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"badan.last-login-shown\", value matches \"ya\")\n" + then);
        add.accept(META, "when\n" + GATE + "    Finding(id == \"badan.last-login-shown\", value == \"yes\","
                + " value == \"no\")\n" + then);
        DrlReader.Result r = DrlReader.read("coretax/lint.drl", drl.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), r.problems());
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<Rule> rules = r.file().rules();
        Lint.run(catalog, rules, errors, warnings);
        assertTrue(errors.size() >= 20, errors.toString());
        add(errors);
        add(warnings);
    }

    /** What only the whole pipeline reports: names across files, file sizes, an empty folder. */
    private static void checkerOnly(Path tmp) throws IOException {
        Path rules = TempRules.copyOfTopics(tmp.resolve("a"), "coretax/impersonate");
        String twice = rule("", OK).replace("Broken", "Twice");
        TempRules.write(rules, "coretax/twice-1.drl", twice);
        TempRules.write(rules, "coretax/twice-2.drl", twice);
        TempRules.write(rules, "coretax/derived.drl", HEAD
                + "rule \"Taken: ruled out by badan.last-login-shown\"\n" + META + "when\n" + GATE + "then\n" + OK
                + "end\n" + "rule \"Taken: confirmed\"\n" + META + "    @derive(\"ruledOut\")\nwhen\n" + GATE
                + "    Finding(id == \"badan.last-login-shown\", value == \"no\")\nthen\n" + OK + "end\n"
                // two rules whose @derive writes rules of the same names
                + "rule \"Again\"\n" + META + "    @derive(\"ruledOut\")\nwhen\n" + GATE
                + "    Finding(id == \"badan.last-login-shown\", value == \"no\")\nthen\n" + OK + "end\n"
                + "rule \"Again: confirmed\"\n" + META + "    @derive(\"ruledOut\")\nwhen\n" + GATE
                + "    Finding(id == \"badan.last-login-shown\", value == \"no\")\nthen\n" + OK + "end\n");
        Files.write(rules.resolve("coretax/huge.drl"), new byte[DrlReader.MAX_FILE_BYTES + 1]);
        CheckReport r = Checker.check(RuleFolder.of(rules));
        assertTrue(r.errors().size() >= 3, r.errors().toString());
        add(r.errors());
        Path empty = TempRules.write(tmp.resolve("b"), "sources.yaml", "sources: []\n").getParent();
        add(Checker.check(RuleFolder.of(empty)).errors());
        // a relation summary left in English only, among the bundled bilingual ones
        Path english = TempRules.copyOfTopics(tmp.resolve("c"), "coretax/impersonate");
        Files.writeString(english.resolve("relations.yaml"), "  - {id: OLD-1, kind: info, source: pajakku-impersonate,"
                + " summary: \"Written in English only\"}\n", java.nio.file.StandardOpenOption.APPEND);
        List<Problem> warnings = Checker.check(RuleFolder.of(english)).warnings();
        assertTrue(warnings.stream().anyMatch(p -> p.message().contains("'OLD-1'")), warnings.toString());
        add(warnings);
    }

    /** Catalog files with every kind of mistake (CatalogReader, CatalogChecks, Fields, the id parsers). */
    private static void catalogs(Path tmp) throws IOException {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("list.yaml", "- a\n- b\n");
        topics.put("fields.yaml", "bogus: 1\ntitle: {id: \"Judul\", en: \"Title\"}\n");
        topics.put("problems.yaml", """
                problems:
                  - {id: p1, text: {id: "Satu", en: "One"}}
                  - {id: p1, text: {id: "Satu", en: "One"}}
                  - just-text
                  - {id: p2}
                  - {id: p3, text: "Tiga"}
                  - {id: p4, text: {id: "", en: "Four"}}
                  - {id: p5, text: {id: "Lima", en: ""}}
                  - {id: p6, text: {en: ""}}
                """);
        topics.put("findings.yaml", """
                findings:
                  - {id: problem, type: yes-no, question: {id: "a", en: "a"}}
                  - {id: npwp, type: yes-no, question: {id: "a", en: "a"}}
                  - {id: f.choice, type: choice, question: {id: "a", en: "a"}}
                  - {id: f.values, type: yes-no, values: [a, b], question: {id: "a", en: "a"}}
                  - {id: f.format, type: identifier, formats: [npwp99], question: {id: "a", en: "a"}}
                  - {id: f.type, type: boolean-ish, question: {id: "a", en: "a"}}
                  - {id: f.cost, type: yes-no, cost: cheap, question: {id: "a", en: "a"}}
                  - {id: f.self, type: yes-no, implies: {f.self: "yes", problem: x}, question: {id: "a", en: "a"}}
                  - {id: f.sets, type: yes-no, implies: {f.nope: "yes", badan.last-login-shown: maybe}, question: {id: "a", en: "a"}}
                  - id: f.vimplies
                    type: choice
                    values: [{id: v1, text: {id: "a", en: "a"}, implies: {badan.last-login-shown: maybe}}]
                    question: {id: "a", en: "a"}
                  - {id: f.list, type: choice, values: {a: 1}, question: {id: "a", en: "a"}}
                  - {id: f.noq, type: yes-no}
                  - {id: f.unknown-field, type: yes-no, colour: red, question: {id: "a", en: "a"}}
                  - {type: yes-no, question: {id: "a", en: "a"}}
                  - {id: f.dup, type: yes-no, question: {id: "a", en: "a"}}
                  - {id: f.dup, type: yes-no, question: {id: "a", en: "a"}}
                  - {id: [a], type: yes-no, question: {id: "a", en: "a"}}
                """);
        topics.put("causes.yaml", """
                causes:
                  - {id: c.kind, kind: mystery, text: {id: "a", en: "a"}}
                  - {id: c.refs, relations: [IMP-9], sources: [pajakku-impersonat], remedies: [no-such-remedy],
                     coexists: [c.refs, c.nope], text: {id: "a", en: "a"}}
                  - {id: c.common, common: maybe, text: {id: "a", en: "a"}}
                  - {id: c.list, remedies: {a: 1}, text: {id: "a", en: "a"}}
                  - {id: c.text, text: {id: "a", en: "a", fr: "a"}}
                """);
        topics.put("remedies.yaml", """
                remedies:
                  - {id: r.actor, actor: robot, text: {id: "a", en: "a"}}
                  - {id: r.cost, cost: cheap, text: {id: "a", en: "a"}}
                  - {id: r.refs, channels: [pigeon], relations: [IMP-9], sources: [nowhere], text: {id: "a", en: "a"}}
                """);
        StringBuilder messages = new StringBuilder("messages:\n");
        int i = 0;
        for (String bad : List.of("(a", "a)", "a**", "a++", "x{", "a{3,2}", "a{x}", "a{5000}", "*a", "(?=a)",
                "((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))", "a\\\\", "\\\\1",
                "[a[b]]", "[\\\\d-z]", "[^\\\\D]", "[[a]]", "[z-a]", "[a", "[]", "a{0,500}{0,500}")) {
            messages.append("  - {id: m").append(i++).append(", pattern: \"").append(bad)
                    .append("\", sets: {problem: impersonate-fails}}\n");
        }
        messages.append("""
                  - {id: m-dup, pattern: "a", sets: {problem: impersonate-fails}}
                  - {id: m-dup, pattern: "a", sets: {problem: impersonate-fails}}
                  - {id: m-nosets, pattern: "a"}
                  - {id: m-sets, pattern: "a", sets: {no.finding: x, problem: nope, message: x}}
                  - {id: m-setslist, pattern: "a", sets: [a]}
                complaints:
                  - {id: k-dup, pattern: "a", sets: {problem: impersonate-fails}}
                  - {id: k-dup, pattern: "a", sets: {problem: impersonate-fails}}
                  - {id: k-sets, pattern: "a", sets: {no.finding: x}}
                rule_titles:
                  "A rule nobody wrote": "Aturan yang tidak ada"
                """);
        topics.put("messages.yaml", messages.toString());
        topics.put("titles.yaml", "rule_titles:\n  \"A rule nobody wrote\": \"Lagi\"\n");
        topics.put("title-empty.yaml", "rule_titles:\n  \"Badan account never logged in: confirmed\": \"\"\n");
        topics.put("titles-list.yaml", "rule_titles: [a, b]\n");
        topics.put("problems-map.yaml", "problems: {a: 1}\n");
        topics.put("syntax.yaml", "title: {id: \"x\", en: \"x\"}\ncauses:\n  - id: a\n    kind: cause\n   text: x\n");
        topics.put("duplicate-key.yaml", "title: {id: \"x\", en: \"x\"}\ntitle: {id: \"y\", en: \"y\"}\n");
        topics.put("tag.yaml", "title: !!python/object:os.system {id: \"x\", en: \"x\"}\n");
        topics.put("key.yaml", "? [a, b]\n: c\n");
        topics.put("control.yaml", "title: {id: \"x\\a\", en: \"x\"}\n");
        topics.put("bidi.yaml", "title: {id: \"x\u202E\", en: \"x\"}\n");
        topics.put("nonchar.yaml", "title: {id: \"x\\uFFFF\", en: \"x\"}\n");
        topics.put("escape.yaml", "title: {id: \"\\u12\", en: \"x\"}\n");
        topics.put("deep.yaml", "title: " + "[".repeat(40) + "]".repeat(40) + "\n");
        Path rules = TempRules.copyOfTopics(tmp.resolve("topics"));
        for (var t : topics.entrySet()) {
            TempRules.write(rules, "coretax/" + t.getKey(), t.getValue());
        }
        List<Problem> errors = new ArrayList<>();
        Checker.catalog(RuleFolder.of(rules), errors);
        assertEquals(List.of(), topics.keySet().stream().filter(file -> errors.stream()
                .noneMatch(p -> ("coretax/" + file).equals(p.file()))).toList(), "catalog files that give no problem");
        add(errors);
        // the top-level files
        Map<String, String> top = new LinkedHashMap<>();
        top.put("relations.yaml", "relations:\n  - {id: IMP-1, kind: cause, source: pajakku-impersonat}\n  - just-text\n");
        top.put("sources.yaml", "- a\n");
        top.put("channels.yaml", "channels: {a: 1}\n");
        for (var t : top.entrySet()) {
            Path folder = TempRules.copyOfTopics(tmp.resolve("top-" + t.getKey()), "coretax/impersonate");
            TempRules.write(folder, t.getKey(), t.getValue());
            List<Problem> e = new ArrayList<>();
            CatalogReader.read(folder, List.of(t.getKey()), e);
            assertFalse(e.isEmpty(), t.getKey());
            add(e);
        }
    }

    /** YAML and JSON that DocReader refuses, the way a catalog, a case or a request reaches it. */
    private static void documents() {
        StringBuilder aliases = new StringBuilder("a: &a [x]\nb: [");
        for (int i = 0; i <= DocReader.MAX_ALIASES; i++) {
            aliases.append(i == 0 ? "" : ", ").append("*a");
        }
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i <= 24; i++) {
            bomb.append('a').append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        List<String> yaml = List.of("a: [", "a: 1\na: 2\n", "? {a: 1}\n: b\n", aliases.append("]\n").toString(),
                bomb.toString(), "a: !!java.io.File x\n", "x".repeat(DocReader.MAX_CHARS + 1),
                "a: \"\\u12\"\n", "a: \"x\uD800\"\n");
        for (String text : yaml) {
            add(assertThrows(DocException.class, () -> DocReader.readYaml("doc.yaml", text)).problem());
        }
        List<String> json = List.of("", "{} x", "{", "{a}", "{\"a\": 1, \"a\": 2}", "[".repeat(40) + "]".repeat(40),
                "[1,]", "{\"a\": tru}", "\"" + "x".repeat(10) + "\u0001\"", "{\"a\": \"x\\u0001\"}", "{\"a\": \"x\\ud800\"}");
        for (String text : json) {
            add(assertThrows(DocException.class, () -> DocReader.readJson("doc.json", text)).problem());
        }
    }

    /** Rules folders that cannot be used at all (RuleFolder). */
    private static void folders(Path tmp) throws IOException {
        Files.createDirectories(tmp);
        add(assertThrows(RuleBaseException.class, () -> RuleFolder.of(tmp.resolve("missing"))).problems());
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        add(assertThrows(RuleBaseException.class, () -> RuleFolder.of(file)).problems());
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Path outside = Files.writeString(tmp.resolve("outside.drl"), "x");
        Files.createSymbolicLink(rules.resolve("outside.drl"), outside);
        Files.createSymbolicLink(rules.resolve("folder"), tmp);
        Files.createSymbolicLink(rules.resolve("nowhere.drl"), tmp.resolve("gone"));
        RuleBaseException links = assertThrows(RuleBaseException.class, () -> RuleFolder.of(rules).files(".drl"));
        assertEquals(3, links.problems().size(), links.problems().toString());
        add(links.problems());
    }

    // ---- helpers ----

    private static void add(List<Problem> problems) {
        problems.forEach(RuleMessagesTest::add);
    }

    private static void add(Problem p) {
        COLLECTED.add(p.message());
    }

    /** An entry of the table as Messages reads it: the same regular expression, the same order. */
    private static boolean allowed(String message) {
        return UNTRANSLATED.stream().anyMatch(p -> p.matcher(message).matches());
    }
}
