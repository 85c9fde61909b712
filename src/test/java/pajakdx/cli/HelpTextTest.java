package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pajakdx.report.KnowledgeTable;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands' help is Indonesian by default and English with --lang en: every text of every
 * command has its Indonesian in help-id.properties, under a key picocli looks up, and the help
 * users see carries none of the English texts unless they ask for English.
 */
class HelpTextTest {
    static final ResourceBundle BUNDLE = HelpText.indonesian().orElseThrow();

    /** Every command of {@code cl}, the top level first, by its qualified name (pajakdx.diagnose). */
    static Map<String, CommandSpec> commands(CommandLine cl) {
        Map<String, CommandSpec> all = new LinkedHashMap<>();
        all.put(cl.getCommandSpec().qualifiedName("."), cl.getCommandSpec());
        for (CommandLine sub : cl.getSubcommands().values()) {
            all.putAll(commands(sub));
        }
        return all;
    }

    /** The command line as built for a run that names no command, in Indonesian once help is made. */
    static CommandLine indonesian() {
        CommandLine cl = Main.commandLine(new String[0], System.in, null);
        cl.getHelp(); // the help factory gives every command the bundle
        return cl;
    }

    static CommandLine english() {
        return Main.commandLine(new String[] {"--lang", "en"}, System.in, null);
    }

    /** Where the options and parameters of a command are, matched between the two command lines. */
    static Map<String, ArgSpec> args(CommandSpec command) {
        Map<String, ArgSpec> args = new LinkedHashMap<>();
        for (OptionSpec option : command.options()) {
            args.put(option.longestName(), option);
        }
        List<PositionalParamSpec> positionals = command.positionalParameters();
        for (int i = 0; i < positionals.size(); i++) {
            args.put(positionals.get(i).paramLabel() + "#" + i, positionals.get(i));
        }
        return args;
    }

    /** The keys picocli looks an option's or a parameter's description up by, before the command's name. */
    static List<String> keys(ArgSpec arg) {
        List<String> keys = new ArrayList<>();
        if (!arg.descriptionKey().isEmpty()) {
            keys.add(arg.descriptionKey());
        }
        if (arg instanceof OptionSpec option) {
            for (String name : option.names()) {
                keys.add(name.replaceFirst("^[^\\p{javaJavaIdentifierPart}]+", ""));
            }
        } else {
            PositionalParamSpec positional = (PositionalParamSpec) arg;
            keys.add(positional.paramLabel() + "[" + positional.index() + "]");
        }
        return keys;
    }

    /** Whether the bundle has {@code key} for {@code command}, qualified or not, on one line or several. */
    static boolean has(String command, String key, boolean qualifiedOnly) {
        for (String k : qualifiedOnly ? List.of(command + "." + key) : List.of(command + "." + key, key)) {
            if (BUNDLE.containsKey(k) || BUNDLE.containsKey(k + ".0")) {
                return true;
            }
        }
        return false;
    }

    static String text(String[] lines) {
        return String.join(" ", lines);
    }

    /** A text as help prints it, compared without the line breaks and indentation picocli adds. */
    static String squash(String text) {
        return text.replace("%n", "").replace("%%", "%").replaceAll("\\s+", "");
    }

    /** Every English text of the commands' help: descriptions, exit codes, footers, not headings. */
    static Set<String> englishTexts() {
        Set<String> texts = new LinkedHashSet<>();
        for (CommandSpec command : commands(english()).values()) {
            texts.addAll(Arrays.asList(command.usageMessage().description()));
            texts.addAll(Arrays.asList(command.usageMessage().header()));
            texts.addAll(Arrays.asList(command.usageMessage().footer()));
            texts.addAll(command.usageMessage().exitCodeList().values());
            for (ArgSpec arg : args(command).values()) {
                texts.add(text(arg.description()));
            }
        }
        texts.removeIf(t -> squash(t).length() < 8); // a word or two may be the same in both languages
        return texts;
    }

    /** Runs the command line as users do (CliTest.run: Main.run with string writers). */
    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    /** The ways to ask for each command's help: its path of command names. */
    static List<List<String>> helpPaths() {
        List<List<String>> paths = new ArrayList<>();
        for (String command : commands(english()).keySet()) {
            List<String> path = new ArrayList<>(Arrays.asList(command.split("\\.")));
            path.remove(0); // pajakdx
            paths.add(path);
        }
        return paths;
    }

    static String[] args(List<String> head, List<String> path, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(path);
        all.addAll(Arrays.asList(tail));
        return all.toArray(String[]::new);
    }

    @Test
    void everyCommandOptionAndParameter_hasItsIndonesianText() {
        Map<String, CommandSpec> en = commands(english());
        Map<String, CommandSpec> id = commands(indonesian());
        assertEquals(en.keySet(), id.keySet());
        assertTrue(en.keySet().containsAll(List.of("pajakdx", "pajakdx.diagnose", "pajakdx.batch", "pajakdx.repl",
                "pajakdx.serve", "pajakdx.check", "pajakdx.test", "pajakdx.rules", "pajakdx.copycheck", "pajakdx.help")),
                en.keySet().toString());
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, CommandSpec> c : en.entrySet()) {
            String name = c.getKey();
            CommandLine.Model.UsageMessageSpec english = c.getValue().usageMessage();
            CommandLine.Model.UsageMessageSpec indonesian = id.get(name).usageMessage();
            assertNotNull(id.get(name).resourceBundle(), name + " has the bundle");
            if (!has(name, "usage.description", true) || text(english.description()).equals(text(indonesian.description()))) {
                missing.add(name + ".usage.description");
            }
            if (english.header().length > 0 && (!has(name, "usage.header", true)
                    || text(english.header()).equals(text(indonesian.header())))) {
                missing.add(name + ".usage.header");
            }
            if (!english.exitCodeList().isEmpty()) {
                if (!has(name, "usage.exitCodeListHeading", true)
                        || english.exitCodeListHeading().equals(indonesian.exitCodeListHeading())) {
                    missing.add(name + ".usage.exitCodeListHeading");
                }
                assertEquals(english.exitCodeList().keySet(), indonesian.exitCodeList().keySet(), name + ": the same exit codes");
                english.exitCodeList().forEach((code, text) -> {
                    if (!has(name, "usage.exitCodeList", true) || text.equals(indonesian.exitCodeList().get(code))) {
                        missing.add(name + ".usage.exitCodeList (" + code + ")");
                    }
                });
            }
            if (english.footer().length > 0 && (!has(name, "usage.footer", true)
                    || !has(name, "usage.footerHeading", true) || text(english.footer()).equals(text(indonesian.footer()))
                    || english.footerHeading().equals(indonesian.footerHeading()))) {
                missing.add(name + ".usage.footer");
            }
            Map<String, ArgSpec> indonesianArgs = args(id.get(name));
            for (Map.Entry<String, ArgSpec> a : args(c.getValue()).entrySet()) {
                ArgSpec arg = a.getValue();
                boolean keyed = keys(arg).stream().anyMatch(key -> has(name, key, false));
                if (!keyed || text(arg.description()).equals(text(indonesianArgs.get(a.getKey()).description()))) {
                    missing.add(name + " " + a.getKey() + " (keys " + keys(arg) + ")");
                }
            }
        }
        assertTrue(missing.isEmpty(), "no Indonesian text for: " + missing);
    }

    @Test
    void everyKeyOfTheBundle_isOnePicocliLooksUp() {
        Set<String> known = new LinkedHashSet<>(List.of("usage.synopsisHeading", "usage.commandListHeading"));
        List<String> commands = new ArrayList<>();
        for (Map.Entry<String, CommandSpec> c : commands(english()).entrySet()) {
            commands.add(c.getKey());
            for (ArgSpec arg : args(c.getValue()).values()) {
                for (String key : keys(arg)) {
                    known.add(key);
                    known.add(c.getKey() + "." + key);
                }
            }
        }
        List<String> stray = new ArrayList<>();
        for (String key : BUNDLE.keySet()) {
            String base = key.replaceFirst("\\.\\d+$", "");
            boolean commandText = commands.stream().anyMatch(c -> key.startsWith(c + ".usage."));
            if (!known.contains(key) && !known.contains(base) && !commandText) {
                stray.add(key);
            }
        }
        // An unqualified usage.* key would be every command's text (the exit code heading even where none are).
        assertTrue(stray.isEmpty(), "keys that name no command, option or parameter (renamed?): " + stray);
    }

    @Test
    void helpIsIndonesianByDefault_andEnglishWithLangEn() {
        Set<String> english = englishTexts();
        assertTrue(english.size() > 50, "the English texts were found: " + english.size());
        for (List<String> path : helpPaths()) {
            CliTest.Run id = run(args(List.of(), path, "--help"));
            CliTest.Run en = run(args(List.of("--lang", "en"), path, "--help"));
            String what = "pajakdx " + String.join(" ", path) + " --help";
            assertEquals(0, id.code(), what + ": " + id.err());
            assertEquals(0, en.code(), what + " --lang en: " + en.err());
            assertNotEquals(en.out(), id.out(), what);
            assertTrue(id.out().contains("Pemakaian: pajakdx"), what + ":\n" + id.out());
            assertFalse(id.out().contains("Usage:"), what + ":\n" + id.out());
            assertTrue(en.out().contains("Usage: pajakdx"), what + " --lang en:\n" + en.out());
            for (String text : english) {
                assertFalse(squash(id.out()).contains(squash(text)), what + " says in English: " + text + "\n" + id.out());
            }
            // What the English help of this command shows is its annotations' text.
            CommandSpec command = commands(english()).get(String.join(".", args(List.of("pajakdx"), path)));
            List<String> own = new ArrayList<>(Arrays.asList(command.usageMessage().description()));
            args(command).values().forEach(arg -> own.add(text(arg.description())));
            for (String text : own) {
                assertTrue(squash(en.out()).contains(squash(text)), what + " --lang en lacks: " + text + "\n" + en.out());
            }
        }
    }

    @Test
    void langAfterTheCommand_andTheHelpCommand_chooseTheLanguageToo() {
        CliTest.Run id = run("diagnose", "--help");
        CliTest.Run en = run("diagnose", "--help", "--lang", "en");
        CliTest.Run enFirst = run("--lang=en", "diagnose", "--help");
        assertTrue(id.out().startsWith("Pemakaian: pajakdx diagnose"), id.out());
        assertTrue(id.out().contains("Mendiagnosis berkas kasus"), id.out());
        assertTrue(en.out().startsWith("Usage: pajakdx diagnose"), en.out());
        assertTrue(en.out().contains("Diagnose case files (YAML or JSON)."), en.out());
        assertEquals(en.out(), enFirst.out());
        assertTrue(run("--help").out().contains("Kode keluar:"));
        assertTrue(run("--lang", "en", "--help").out().contains("Exit codes:"));
        CliTest.Run helpId = run("help", "check");
        CliTest.Run helpEn = run("--lang", "en", "help", "check");
        assertTrue(helpId.out().startsWith("Pemakaian: pajakdx check"), helpId.out());
        assertTrue(helpId.out().contains("Yang boleh ada di berkas aturan"), helpId.out());
        assertTrue(helpEn.out().startsWith("Usage: pajakdx check"), helpEn.out());
        assertTrue(helpEn.out().contains("What a rule file may contain"), helpEn.out());
    }

    @Test
    void aUsageError_printsTheUsageInTheLanguageAskedFor() {
        CliTest.Run id = run("diagnose", "--bogus");
        CliTest.Run en = run("diagnose", "--bogus", "--lang", "en");
        assertEquals(2, id.code());
        assertEquals(2, en.code());
        assertTrue(id.err().startsWith("error: "), id.err());
        assertTrue(id.err().contains("Pemakaian: pajakdx diagnose"), id.err());
        assertTrue(id.err().contains("Tampilkan NPWP/NIK secara utuh"), id.err());
        assertFalse(id.err().contains("Usage:"), id.err());
        assertTrue(en.err().contains("Usage: pajakdx diagnose"), en.err());
        assertTrue(en.err().contains("Show NPWP/NIK in full"), en.err());
        assertTrue(run("--bogus").err().contains("Pemakaian: pajakdx [-hV]"));
    }

    @Test
    void picocliVariablesAndCommands_stayAsTheyAre() {
        String test = run("test", "--help").out();
        assertTrue(test.contains("(bawaan: facts)"), "${DEFAULT-VALUE}: " + test);
        String copycheck = run("copycheck", "--help").out();
        assertTrue(copycheck.contains("Rangkaian terpendek yang dilaporkan (9)."), copycheck);
        // The Indonesian names the command that regenerates the knowledge table, as the English does.
        assertTrue(squash(run("rules", "--help").out()).contains(squash(KnowledgeTable.COMMAND)));
    }

    /**
     * Review finding: `check --help` in Indonesian broke {@code @derive("suspected, ruledOut")}
     * across two lines, as picocli wraps a footer at any space. In either language, every bit of
     * code in a footer (a call, a parenthesis, a quoted text) stays on one line, and no line is
     * wider than the usage width.
     */
    @Test
    void footers_neverSplitCode_andFitTheWidth() {
        java.util.regex.Pattern code = java.util.regex.Pattern.compile(
                "(?:[@\\w.$|!]+ ?)?(?:\\((?:[^()]|\\([^()]*\\))*\\)|\"[^\"]*\")");
        Map<String, CommandSpec> id = commands(indonesian());
        Set<String> checked = new LinkedHashSet<>();
        for (Map.Entry<String, CommandSpec> c : commands(english()).entrySet()) {
            if (c.getValue().usageMessage().footer().length == 0) {
                continue;
            }
            List<String> path = new ArrayList<>(Arrays.asList(c.getKey().split("\\.")));
            path.remove(0);
            for (boolean english : List.of(false, true)) {
                CommandSpec command = english ? c.getValue() : id.get(c.getKey());
                String help = run(args(english ? List.of("--lang", "en") : List.of(), path, "--help")).out();
                List<String> lines = help.lines().toList();
                int width = command.usageMessage().width();
                for (String line : lines) {
                    assertTrue(line.length() <= width, "wider than " + width + ": " + line + "\n" + help);
                }
                for (String footer : command.usageMessage().footer()) {
                    java.util.regex.Matcher m = code.matcher(footer);
                    while (m.find()) {
                        String token = m.group();
                        checked.add(token);
                        assertTrue(lines.stream().anyMatch(l -> l.contains(token)), "split: " + token + "\n" + help);
                    }
                }
            }
        }
        assertTrue(checked.containsAll(List.of("@derive(\"suspected, ruledOut\")", "in (\"a\", \"b\")",
                "between(from, to)", "matches \"pattern\"")) && checked.size() > 20, checked.toString());
        for (String help : List.of(run("check", "--help").out(), run("--lang", "en", "check", "--help").out())) {
            assertTrue(help.contains(" not in (...);"), "Drools' `not in` is one operator:\n" + help);
        }
    }

    @Test
    void aFooterLine_isWrappedAtSpacesOutsideCode_aTokenTooLongKeptWhole() {
        assertEquals(List.of("  x", "    @derive(\"a, b\");", "    y"),
                HelpText.wrap("  x @derive(\"a, b\"); y", 14).lines().toList());
        assertEquals(List.of("  a", "    b (c d)"), HelpText.wrap("  a b (c d)", 8).lines().toList(),
                "not before a bracket");
        assertEquals(List.of("  ab  cd"), HelpText.wrap("  ab  cd", 8).lines().toList(), "fits: as it is");
        assertEquals(List.of("  a", "    not in (b)"), HelpText.wrap("  a not in (b)", 9).lines().toList());
    }

    @Test
    void theBundleIsRead_onlyWhenHelpIsMade() {
        CommandLine cl = Main.commandLine(new String[] {"check"}, System.in, null);
        assertNull(cl.getCommandSpec().resourceBundle(), "building the command line does not read the help");
        cl.getSubcommands().get("check").getHelp();
        assertNotNull(cl.getSubcommands().get("check").getCommandSpec().resourceBundle());
        assertNotNull(cl.getCommandSpec().resourceBundle());
    }
}
