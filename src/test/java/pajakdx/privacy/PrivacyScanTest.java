package pajakdx.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.CaseException;
import pajakdx.DiagnoseOptions;
import pajakdx.Diagnosis;
import pajakdx.IdentityRules;
import pajakdx.Lang;
import pajakdx.PajakDxException;
import pajakdx.RuleBase;
import pajakdx.cli.Main;
import pajakdx.report.DiagnosisText;

/**
 * NPWP, NIK and NITKU never appear unmasked in any output by default: the CLI's standard output
 * and standard error (text and JSON, Indonesian and English, with and without explanations,
 * logs at the most verbose level in a separate JVM) and everything the library hands back
 * (diagnosis records, JSON, text, traces, exception messages). The cases under
 * src/test/resources/reliability/cases put identifiers everywhere a user could: file name,
 * title, identifier findings, a free-text note, a raw error message, and malformed identifiers
 * that must be refused without being quoted.
 */
class PrivacyScanTest {
    /** The identifiers planted in the test cases (digits only), the malformed 14-digit one included. */
    static final List<String> PLANTED = List.of("739184625947361", "0739184625947361", "3578046611937482",
            "0739184625947361298417", "73918462594736");

    @TempDir
    static Path tmp;
    static Path rules;
    static Path cases;
    static RuleBase base;
    static final IdentifierLeaks LEAKS = new IdentifierLeaks(PLANTED);

    @BeforeAll
    static void setUp() throws IOException {
        rules = IdentityRules.copy(tmp);
        cases = Files.createDirectories(tmp.resolve("cases"));
        try (Stream<Path> files = Files.list(IdentityRules.casesDir())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, cases.resolve(p.getFileName().toString()));
            }
        }
        base = RuleBase.load(rules);
    }

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertClean(String what, String output) {
        List<String> leaks = LEAKS.find(output);
        assertTrue(leaks.isEmpty(), what + " leaks identifiers:\n  " + String.join("\n  ", leaks));
    }

    @Test
    void theScannerFindsIdentifiersInTheCaseFilesThemselves() throws IOException {
        // The positive control: a scanner that never fires would make every other test pass.
        String raw = Files.readString(cases.resolve("wp-739184625947361.yaml"));
        assertFalse(LEAKS.find(raw).isEmpty());
        assertFalse(LEAKS.find(Files.readString(cases.resolve("nik-arabic-digits.yaml"))).isEmpty(),
                "digits of other scripts count too");
        assertFalse(LEAKS.find("NIK 3578 0466 1193 7482").isEmpty(), "spaced groups count too");
        assertTrue(LEAKS.find("as of 2025-02-03T09:30, 20000 values, ************361").isEmpty(),
                "dates, counts and masked values do not");
    }

    @Test
    void cli_everyOutputIsMaskedByDefault() {
        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put("text", cli("diagnose", "--rules", rules.toString(), cases.toString()));
        runs.put("text en", cli("diagnose", "--rules", rules.toString(), "--lang", "en", cases.toString()));
        runs.put("json", cli("diagnose", "--rules", rules.toString(), "--json", cases.toString()));
        runs.put("json no-explain", cli("diagnose", "--rules", rules.toString(), "--json", "--no-explain",
                cases.toString()));
        for (var e : runs.entrySet()) {
            assertEquals(2, e.getValue().code(), e.getKey() + ": bad identifiers make the run exit 2");
            assertClean(e.getKey() + " stdout", e.getValue().out());
            assertClean(e.getKey() + " stderr", e.getValue().err());
        }
        // What was masked did reach the output, so the scan above looked at real identifier paths.
        String json = runs.get("json").out();
        assertTrue(json.contains("test-identity.npwp = ************361"), json);
        assertTrue(json.contains("test-identity.nik = *************482"), json);
        assertTrue(json.contains("\"caseId\":\"wp-************361\""), json);
        assertTrue(json.contains("Kasus NPWP **.***.***.*-***.361"), "title masked: " + json);
        assertTrue(json.contains("test-identity.note = WP dengan NIK *************482, NPWP ************361"), json);
        assertTrue(json.contains("pesan \\\"NPWP **.***.***.*-***.361 tidak ditemukan\\\" dikenali"), json);
        assertTrue(runs.get("text").out().contains("test-identity.npwp = ************361"), runs.get("text").out());
    }

    @Test
    void cli_revealIdentifiersShowsThemInTheDiagnosis() {
        Run r = cli("diagnose", "--rules", rules.toString(), "--json", "--reveal-identifiers", cases.toString());
        assertTrue(r.out().contains("test-identity.npwp = 739184625947361"), r.out());
        assertTrue(r.out().contains("Kasus NPWP 73.918.462.5-947.361"), r.out());
        assertFalse(LEAKS.find(r.out()).isEmpty(), "revealed output is what the scanner catches");
        // Error messages stay masked even then: they quote input, not results.
        assertClean("stderr with --reveal-identifiers", r.err());
    }

    @Test
    void cli_fourteenDigitNpwp_clearMessage_exit2_andTheOtherCasesAreStillDiagnosed() {
        Run r = cli("diagnose", "--rules", rules.toString(), "--json", cases.resolve("npwp16.yaml").toString(),
                cases.resolve("npwp14.yaml").toString(), cases.resolve("wp-739184625947361.yaml").toString());
        assertEquals(2, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, "one JSON line per case, in order: " + r.out());
        assertTrue(lines[0].contains("\"caseId\":\"identity-npwp16\""), lines[0]);
        assertTrue(lines[1].contains("\"error\"") && lines[1].contains("14 digits"), lines[1]);
        assertTrue(lines[2].contains("\"caseId\":\"wp-************361\""), lines[2]);
        assertTrue(r.err().contains("npwp14.yaml: findings.test-identity.npwp: 14 digits is not an identifier"
                + " PajakDx knows; expected NPWP 15 digits (plain or dotted as xx.xxx.xxx.x-xxx.xxx) or NPWP 16 digits"),
                r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        assertClean("stdout", r.out());
        assertClean("stderr", r.err());
    }

    @Test
    void cli_logsAtTraceLevel_inASeparateJvm_carryNoIdentifiers() throws Exception {
        // slf4j-simple writes to the real stderr of the process: only a separate JVM shows it all.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace", "-Dorg.slf4j.simpleLogger.showLogName=true",
                Main.class.getName(), "diagnose", "--rules", rules.toString(), "--json", cases.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        java.util.concurrent.Future<byte[]> err = java.util.concurrent.Executors.newSingleThreadExecutor()
                .submit(() -> p.getErrorStream().readAllBytes());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errText = new String(err.get(120, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI finished");
        assertEquals(2, p.exitValue(), errText);
        assertTrue(out.contains("\"caseId\":\"wp-************361\""), out);
        assertTrue(errText.contains("DEBUG") || errText.contains("TRACE") || errText.contains("INFO"),
                "logging was really on: " + errText.substring(0, Math.min(500, errText.length())));
        assertClean("stdout of the CLI process", out);
        // Drools logs each fact handle as [fact 0:id:identityHash:hashCode:...]: two hash codes, which
        // change with anything on the class path and may by chance hold five digits of a planted number.
        String logs = errText.replaceAll("\\[fact \\d+:\\d+:-?\\d+:-?\\d+:", "[fact …:");
        assertClean("stderr (logs) of the CLI process", logs);
    }

    @Test
    void library_everythingItHandsBackIsMaskedByDefault() throws IOException {
        int diagnosed = 0;
        int refused = 0;
        try (Stream<Path> files = Files.list(cases)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                try {
                    Diagnosis d = base.diagnose(Case.read(file));
                    assertClean(file + " toJson", d.toJson());
                    assertClean(file + " toString", d.toString());
                    assertClean(file + " text", new DiagnosisText(base.catalog(), Lang.ID).render(d)
                            + new DiagnosisText(base.catalog(), Lang.EN).render(d));
                    Diagnosis quiet = base.diagnose(Case.read(file), DiagnoseOptions.DEFAULT.withExplain(false));
                    assertClean(file + " without explanations", quiet.toJson());
                    diagnosed++;
                } catch (CaseException e) {
                    assertClean(file + " exception message", e.getMessage());
                    assertClean(file + " problems", e.problems().toString());
                    refused++;
                }
            }
        }
        assertEquals(3, diagnosed, "wp-…, npwp16 and identity.json are diagnosed");
        assertEquals(4, refused, "npwp14, npwp-letter, nik-arabic-digits and nik-for-npwp are refused");
    }

    @Test
    void library_casesBuiltInCode_andFindingsThemselves_areMasked() {
        Case c = Case.builder("kasus 3578046611937482").title("NIK 3578-0466-1193-7482").asOf("2025-02-03")
                .problem("test-identity-rejected").answer("test-identity.npwp", "0739184625947361")
                .answer("test-identity.note", "npwp lama 73.918.462.5-947.361").message("NPWP 739184625947361 tidak"
                        + " terdaftar").build();
        Diagnosis d = base.diagnose(c);
        assertClean("diagnosis of a built case", d.toJson() + d);
        assertTrue(d.toJson().contains("test-identity.npwp = *************361"), d.toJson());
        PajakDxException bad = org.junit.jupiter.api.Assertions.assertThrows(PajakDxException.class,
                () -> base.diagnose(c.with("test-identity.npwp", "7391846259473610").with("test-identity.nik",
                        "73918462594736")));
        assertClean("errors of a built case", bad.getMessage() + bad.problems());
    }

    @Test
    void library_textsCutShort_neverCutAnIdentifierInTwo() {
        // Quoted values and messages are cut at 60 characters; a cut through an NPWP would leave
        // a piece too short to be masked. Pad so that the cut falls inside the number.
        String pad = "x".repeat(50);
        Case c = Case.builder("cut").asOf("2025-02-03").problem("test-identity-rejected")
                .answer("test-identity.npwp", "0739184625947361")
                .message(pad + " NPWP 73.918.462.5-947.361 tidak ditemukan").build();
        Diagnosis d = base.diagnose(c);
        assertTrue(d.notes().get(0).id().startsWith("pesan \"" + pad), d.notes().toString());
        assertClean("notes quoting a long message", d.toJson());
        PajakDxException bad = org.junit.jupiter.api.Assertions.assertThrows(PajakDxException.class,
                () -> base.diagnose(c.with("test-identity.registered", pad + " 739184625947361")));
        assertTrue(bad.getMessage().contains("is not yes or no"), bad.getMessage());
        assertClean("a long wrong value quoted in an error", bad.getMessage());
    }
}
