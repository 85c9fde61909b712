package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.base.Lang;

/**
 * What the command line says about bad input is Indonesian by default and English with
 * {@code --lang en}, on every command; the {@code error:} marker before it is the same in both.
 */
class LanguageCliTest {
    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    @Test
    void aMissingCaseFile_isSaidInIndonesian_orInEnglishWhenAsked() {
        for (List<String> direct : List.of(List.<String>of(), List.of("--no-cache"))) { // without picocli, and with it
            String[] id = concat(List.of("diagnose"), direct, List.of("no-such-case.yaml"));
            String[] en = concat(List.of("diagnose", "--lang", "en"), direct, List.of("no-such-case.yaml"));
            CliTest.Run r = run(id);
            assertEquals(2, r.code());
            assertEquals("error: no-such-case.yaml: berkas tidak ada", firstLine(r.err()));
            CliTest.Run english = run(en);
            assertEquals(2, english.code());
            assertEquals("error: no-such-case.yaml: no such file", firstLine(english.err()));
        }
    }

    @Test
    void usageErrors_followTheLanguage_whereverLangIsGiven() {
        assertEquals("error: opsi tidak dikenal: '--bogus'", firstLine(run("diagnose", "--bogus", "x.yaml").err()));
        assertEquals("error: Unknown option: '--bogus'", firstLine(run("diagnose", "--bogus", "--lang=en", "x.yaml").err()));
        // before the command, as users also write it
        CliTest.Run first = run("--lang", "en", "diagnose", "--bogus", "x.yaml");
        assertEquals(2, first.code());
        assertEquals("error: Unknown option: '--bogus'", firstLine(first.err()));
        CliTest.Run suggestion = run("diagnose", "--jsn", "x.yaml");
        assertTrue(suggestion.err().contains("Mungkin yang dimaksud: --json"), suggestion.err());
        CliTest.Run badLang = run("diagnose", "--lang", "xx", "x.yaml");
        assertEquals("error: nilai tidak sah untuk opsi '--lang': bahasa tidak dikenal 'xx' (id, en)",
                firstLine(badLang.err()));
        CliTest.Run badInt = run("batch", "--threads", "many", "--lang", "en");
        assertEquals("error: Invalid value for option '--threads': 'many' is not an int", firstLine(badInt.err()));
        assertEquals("error: nilai tidak sah untuk opsi '--threads': 'many' bukan bilangan bulat",
                firstLine(run("batch", "--threads", "many").err()));
    }

    @Test
    void optionChecksOfTheCommands_followTheLanguage() {
        assertEquals("error: --threads: harus antara 1 dan 256, bukan 0", firstLine(run("batch", "--threads", "0").err()));
        assertEquals("error: --threads: must be between 1 and 256, not 0",
                firstLine(run("batch", "--threads", "0", "--lang", "en").err()));
        CliTest.Run coverage = run("test", "--min-coverage", "101");
        assertEquals(2, coverage.code());
        assertEquals("error: --min-coverage harus persentase dari 0 sampai 100, bukan 101", firstLine(coverage.err()));
        CliTest.Run port = run("serve", "--port", "70000", "--lang", "en");
        assertEquals(2, port.code());
        assertEquals("error: port must be between 0 and 65535, not 70000", firstLine(port.err()));
        assertEquals("error: port harus antara 0 dan 65535, bukan 70000", firstLine(run("serve", "--port", "70000").err()));
    }

    @Test
    void aBatchSaysItsBadLinesInTheLanguage_whileItsJsonKeepsEnglish(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("cases.jsonl"),
                "{\"id\":\"a\",\"problem\":\"impersonate-fails\",\"findings\":{\"nope\":\"yes\"}}\n");
        for (Lang lang : Lang.values()) {
            CliTest.Run r = run("batch", "--rules", CliTest.rules(), "--lang", lang.code(), file.toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.out().contains("\"error\":[\"" + file + ":1: findings.nope: unknown finding 'nope'"), r.out());
            String said = lang == Lang.EN ? "unknown finding 'nope'" : "temuan tidak dikenal 'nope'";
            assertTrue(firstLine(r.err()).startsWith("error: " + file + ":1: findings.nope: " + said), r.err());
        }
    }

    @Test
    void everyCommand_takesLang() {
        for (String command : List.of("diagnose", "batch", "repl", "serve", "check", "test", "rules", "copycheck")) {
            CliTest.Run r = run(command, "--lang", "en", "--help");
            assertEquals(0, r.code(), command + ": " + r.err());
            assertTrue(r.out().contains("--lang=id|en"), command + " lists --lang:\n" + r.out());
        }
        assertEquals(0, run("--lang", "en", "--help").code());
    }

    @Test
    void anInternalError_keepsItsMarker_andSaysTheRestInTheLanguage() {
        StringWriter id = new StringWriter();
        assertEquals(Main.INTERNAL, Errors.report(new IllegalStateException("boom 317254698103482"), new PrintWriter(id),
                Lang.ID));
        assertEquals("internal error: IllegalStateException: boom ************482", firstLine(id.toString()));
        assertTrue(id.toString().contains("(ini bug di PajakDx; setel PAJAKDX_DEBUG=1"), id.toString());
        StringWriter en = new StringWriter();
        Errors.report(new IllegalStateException("boom"), new PrintWriter(en), Lang.EN);
        assertTrue(en.toString().contains("(this is a bug in PajakDx; set PAJAKDX_DEBUG=1"), en.toString());
    }

    @Test
    void theLanguageAsked_isReadAsPicocliReadsIt() {
        assertEquals(Lang.ID, RequestedLang.of(new String[] {"diagnose", "x"}));
        assertEquals(Lang.EN, RequestedLang.of(new String[] {"diagnose", "--lang", "en", "x"}));
        assertEquals(Lang.EN, RequestedLang.of(new String[] {"diagnose", "--lang=english", "x"}));
        assertEquals(Lang.ID, RequestedLang.of(new String[] {"diagnose", "--lang", "en", "--lang", "id"}));
        assertEquals(Lang.EN, RequestedLang.of(new String[] {"diagnose", "--lang", "en", "--lang", "xx"}));
        assertEquals(Lang.ID, RequestedLang.of(new String[] {"diagnose", "--", "--lang", "en"}), "a file after --");
        assertEquals(Lang.ID, RequestedLang.of(new String[] {"diagnose", "--lang"}));
    }

    @Test
    void langInAnArgumentFile_counts_forUsageErrorsToo(@TempDir Path tmp) throws Exception {
        Path english = Files.writeString(tmp.resolve("args"), "# options\n--lang \"en\"\n");
        assertEquals(Lang.EN, RequestedLang.of(new String[] {"diagnose", "@" + english, "x"}));
        assertEquals(Lang.ID, RequestedLang.of(new String[] {"diagnose", "--", "@" + english}), "a file after --");
        assertEquals(Lang.ID, RequestedLang.of(new String[] {"diagnose", "@" + tmp.resolve("missing")}));
        CliTest.Run r = run("diagnose", "@" + english, "--jsn", "x.yaml");
        assertEquals(2, r.code());
        assertEquals("error: Unknown option: '--jsn'", firstLine(r.err()));
        assertTrue(r.err().contains("Usage: pajakdx diagnose"), r.err());
    }

    @Test
    void anArgumentFile_isReadAsPicocliReadsIt(@TempDir Path tmp) throws Exception {
        Path inner = Files.writeString(tmp.resolve("inner"), "--lang en\n");
        Path outer = Files.writeString(tmp.resolve("outer"), "x.yaml # --lang id\n@" + inner + "\n");
        Path loop = Files.writeString(tmp.resolve("loop"), "@" + tmp.resolve("loop") + " --lang en\n");
        assertEquals(Lang.EN, RequestedLang.of(new String[] {"diagnose", "@" + outer}), "nested, a # comment");
        assertEquals(Lang.EN, RequestedLang.of(new String[] {"diagnose", "@" + loop}), "a file that names itself");
        Path big = Files.writeString(tmp.resolve("big"), "\n".repeat(100_000) + "--lang en\n");
        assertEquals(Lang.ID, RequestedLang.of(new String[] {"diagnose", "@" + big}), "too large to be a command line");
    }

    @Test
    void anArgumentFileThatIsNotAFile_isRefused_notReadForever(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("a-folder"));
        Path nested = Files.writeString(tmp.resolve("nested"), "--json @/dev/zero\n");
        for (String[] args : List.of(new String[] {"diagnose", "@" + folder}, new String[] {"check", "@/dev/zero"},
                new String[] {"diagnose", "@" + nested, "x.yaml"})) {
            CliTest.Run r = run(args);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
            assertTrue(r.err().contains("bukan berkas biasa (folder, perangkat atau pipa?)"), r.err());
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        }
        CliTest.Run en = run("--lang", "en", "check", "@/dev/zero");
        assertEquals("error: /dev/zero: is not a regular file (a folder, a device or a pipe?); an argument file (@FILE)"
                + " must be a text file", firstLine(en.err()));
    }

    @Test
    void picocliSuggestionsAndUnknownCommands_areSaidToo() {
        assertEquals("error: perintah tidak dikenal 'nope'.", firstLine(run("help", "nope").err()));
        String typo = run("nope").err();
        assertTrue(typo.contains("Maksud Anda: pajakdx diagnose atau pajakdx copycheck?"), typo);
    }

    @Test
    void langBeforeTheCommand_movesAfterIt_andNothingElseMoves() {
        assertArrayEquals(new String[] {"diagnose", "--lang", "en", "x"},
                Main.langAfterCommand(new String[] {"--lang", "en", "diagnose", "x"}));
        assertArrayEquals(new String[] {"batch", "--lang=en"}, Main.langAfterCommand(new String[] {"--lang=en", "batch"}));
        for (String[] kept : List.of(new String[] {"--lang", "en", "--help"}, new String[] {"--lang", "en"},
                new String[] {"--lang", "en", "help", "diagnose"}, new String[] {"diagnose", "--lang", "en"},
                new String[] {"--lang", "en", "nosuchcommand"})) {
            assertArrayEquals(kept, Main.langAfterCommand(kept));
        }
    }

    @Test
    void aRulesFolderThatIsMissing_isSaidInTheLanguage(@TempDir Path tmp) throws Exception {
        Path missing = tmp.resolve("nowhere");
        CliTest.Run id = run("check", "--rules", missing.toString());
        CliTest.Run en = run("check", "--rules", missing.toString(), "--lang", "en");
        assertEquals(2, id.code());
        assertEquals(2, en.code());
        assertTrue(firstLine(en.err()).startsWith("error: " + missing + ": no such rules folder"), en.err());
        assertTrue(firstLine(id.err()).startsWith("error: " + missing + ": "), id.err());
        assertFalse(id.err().contains("no such rules folder"), "said in Indonesian: " + id.err());
    }

    private static String[] concat(List<String> a, List<String> b, List<String> c) {
        return java.util.stream.Stream.of(a, b, c).flatMap(List::stream).toArray(String[]::new);
    }
}
