package pajakdx.privacy;

import pajakdx.internal.RuleBases;
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
import pajakdx.base.CaseException;
import pajakdx.DiagnoseOptions;
import pajakdx.Diagnosis;
import pajakdx.IdentityRules;
import pajakdx.base.Lang;
import pajakdx.base.PajakDxException;
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

    /** How many generated identifiers are planted (one case each); -Dpajakdx.privacy.generated=N for more. */
    static final int GENERATED = Integer.getInteger("pajakdx.privacy.generated", 1000);
    static Path generatedDir;
    static List<GeneratedScan.Planted> generated;

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
        generatedDir = Files.createDirectories(tmp.resolve("generated"));
        generated = GeneratedScan.plant(generatedDir, GENERATED, 20250203L);
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
        // The test's own folder is named with random digits, which may hold five of a planted
        // identifier's in a row (about one run in a hundred): a path the output names is not a leak.
        List<String> leaks = LEAKS.find(output.replace(tmp.toString(), "<tmp>"));
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
        assertTrue(r.err().contains("npwp14.yaml: findings.test-identity.npwp: 14 digit bukan nomor identitas yang"
                + " dikenal PajakDx; yang diharapkan NPWP 15 digit (polos atau bertitik xx.xxx.xxx.x-xxx.xxx) atau NPWP 16"
                + " digit"), r.err());
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
                    assertClean(file + " text", new DiagnosisText(RuleBases.of(base).catalog(), Lang.ID).render(d)
                            + new DiagnosisText(RuleBases.of(base).catalog(), Lang.EN).render(d));
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
                .answer("test-identity.note", "npwp lama 73.918.462.5-947.361").error("NPWP 739184625947361 tidak"
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
                .error(pad + " NPWP 73.918.462.5-947.361 tidak ditemukan").build();
        Diagnosis d = base.diagnose(c);
        assertTrue(d.notes().get(0).id().startsWith("pesan \"" + pad), d.notes().toString());
        assertClean("notes quoting a long message", d.toJson());
        PajakDxException bad = org.junit.jupiter.api.Assertions.assertThrows(PajakDxException.class,
                () -> base.diagnose(c.with("test-identity.registered", pad + " 739184625947361")));
        assertTrue(bad.getMessage().contains("is not yes or no"), bad.getMessage());
        assertClean("a long wrong value quoted in an error", bad.getMessage());
    }

    // --- 1,000 generated identifiers in every input position, scanned in every output form ---

    /** Fails when a unit of output shows the identifier of the case or command it belongs to. */
    private static void assertNoLeak(String form, Map<Integer, ? extends CharSequence> units) {
        List<String> leaks = new ArrayList<>();
        for (var e : units.entrySet()) {
            String id = generated.get(e.getKey()).id();
            // The test's temporary folder has random digits of its own; folders are not masked.
            if (GeneratedScan.leaks(e.getValue().toString().replace(tmp.toString(), "<tmp>"), id)) {
                leaks.add("#" + e.getKey() + " " + id + ": " + e.getValue().toString().replace('\n', ' '));
            }
        }
        assertTrue(leaks.isEmpty(), form + ": " + leaks.size() + " units show their identifier:\n  "
                + String.join("\n  ", leaks.subList(0, Math.min(5, leaks.size()))));
        // The counts of docs/RELIABILITY.md (target/surefire-reports/pajakdx.privacy.PrivacyScanTest-output.txt).
        System.out.printf("generated scan: %s: %d units (cases or commands) scanned, %d characters, no identifier%n",
                form, units.size(), units.values().stream().mapToInt(CharSequence::length).sum());
    }

    /** Every planted case is in {@code units}: the scan looked at all of them. */
    private static void assertAllScanned(String form, Map<Integer, ?> units) {
        List<Integer> missing = new ArrayList<>();
        for (GeneratedScan.Planted p : generated) {
            if (!units.containsKey(p.index())) {
                missing.add(p.index());
            }
        }
        assertTrue(missing.isEmpty(), form + ": no output for cases " + missing.subList(0, Math.min(10, missing.size())));
    }

    private static final java.util.regex.Pattern JSON_LINE = java.util.regex.Pattern.compile("^\\{");
    private static final java.util.regex.Pattern ERROR_LINE = java.util.regex.Pattern.compile("^error: ");

    /** JSON lines by case, each with its decoded text values too (escapes like \n would hide a run). */
    private static Map<Integer, StringBuilder> jsonUnits(String out) throws IOException {
        Map<Integer, StringBuilder> units = GeneratedScan.units(out, JSON_LINE);
        for (StringBuilder u : units.values()) {
            for (String line : u.toString().split("\n")) {
                if (line.startsWith("{")) {
                    collectText(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line), u);
                }
            }
        }
        return units;
    }

    private static void collectText(com.fasterxml.jackson.databind.JsonNode n, StringBuilder into) {
        if (n.isTextual()) {
            into.append('\n').append(n.asText());
        }
        n.elements().forEachRemaining(c -> collectText(c, into));
    }

    @Test
    void generated_theScannerSeesEveryPlantedIdentifier_inItsCase() {
        for (GeneratedScan.Planted p : generated) {
            Case c = Case.read(p.file());
            String planted = c.id() + "\n" + c.title() + "\n" + c.answers() + "\n" + c.messages() + "\n" + p.file();
            assertTrue(GeneratedScan.leaks(planted, p.id()), "#" + p.index() + " " + p.id() + " in " + planted);
        }
        assertTrue(GeneratedScan.leaks("NIK 3578 0466 1193 7482", "3578046611937482"));
        assertFalse(GeneratedScan.leaks("NIK ****\u200B****-****:*482, per 2025-02-03", "3578046611937482"));
    }

    @Test
    void generated_diagnose_textAndJson_showNoIdentifier() throws IOException {
        Run json = cli("diagnose", "--rules", rules.toString(), "--json", generatedDir.toString());
        Run text = cli("diagnose", "--rules", rules.toString(), generatedDir.toString());
        assertEquals(2, json.code(), "some identifiers are written in forms their finding refuses: exit 2");
        Map<Integer, StringBuilder> jsonUnits = jsonUnits(json.out());
        assertAllScanned("diagnose --json", jsonUnits);
        assertNoLeak("diagnose --json", jsonUnits);
        Map<Integer, StringBuilder> textUnits = GeneratedScan.units(text.out(), java.util.regex.Pattern.compile("^Kasus "));
        Map<Integer, StringBuilder> errUnits = GeneratedScan.units(text.err(), ERROR_LINE);
        assertNoLeak("diagnose text", textUnits);
        assertNoLeak("diagnose stderr", errUnits);
        Map<Integer, Object> either = new java.util.HashMap<>(textUnits);
        either.putAll(errUnits);
        assertAllScanned("diagnose text or its errors", either);
        assertNoLeak("diagnose --json stderr", GeneratedScan.units(json.err(), ERROR_LINE));
        long diagnosed = jsonUnits.values().stream().filter(u -> u.toString().contains("\"caseId\"")).count();
        System.out.printf("generated scan: %d cases diagnosed, %d refused with an error%n", diagnosed,
                GENERATED - diagnosed);
        assertTrue(diagnosed > GENERATED / 2 && diagnosed < GENERATED, "both paths taken: " + diagnosed + " diagnosed");

        // The positive control: revealed, the same outputs show the identifiers to the scanner.
        Run revealed = cli("diagnose", "--rules", rules.toString(), "--json", "--reveal-identifiers",
                generatedDir.toString());
        long shown = jsonUnits(revealed.out()).entrySet().stream()
                .filter(e -> GeneratedScan.leaks(e.getValue().toString(), generated.get(e.getKey()).id())).count();
        assertTrue(shown >= diagnosed, "revealed diagnoses show their identifiers: " + shown);
    }

    @Test
    void generated_batch_showsNoIdentifier() throws IOException {
        StringBuilder input = new StringBuilder();
        generated.forEach(p -> input.append(p.json()).append('\n'));
        java.io.InputStream saved = System.in;
        Run r;
        System.setIn(new java.io.ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)));
        try {
            r = cli("batch", "--rules", rules.toString(), "--no-explain");
        } finally {
            System.setIn(saved);
        }
        String[] lines = r.out().split("\n");
        assertEquals(GENERATED, lines.length, "one line out per line in");
        Map<Integer, StringBuilder> units = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            units.put(i, new StringBuilder(lines[i]));
            collectText(new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[i]), units.get(i));
        }
        assertNoLeak("batch", units);
        assertNoLeak("batch stderr", errorsByLine(r.err()));
    }

    /** batch's stderr by input line ({@code error: stdin:N: ...}), N-1 being the planted index. */
    private static Map<Integer, StringBuilder> errorsByLine(String err) {
        Map<Integer, StringBuilder> units = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^error: stdin:(\\d+):.*$").matcher(err);
        int lines = 0;
        while (m.find()) {
            units.computeIfAbsent(Integer.parseInt(m.group(1)) - 1, k -> new StringBuilder()).append(m.group()).append('\n');
            lines++;
        }
        assertEquals(err.lines().count(), lines, "every line of stderr names its input line: " + err);
        return units;
    }

    @Test
    void generated_testCommand_passFailAndErrorLines_showNoIdentifier() {
        // In Indonesian, the default: the English lines differ only in their fixed words.
        Run r = cli("test", "--rules", rules.toString(), "--facts", generatedDir.toString());
        Map<Integer, StringBuilder> units = GeneratedScan.units(r.out(),
                java.util.regex.Pattern.compile("^(LULUS|GAGAL|GALAT) "));
        assertAllScanned("test", units);
        assertNoLeak("test", units);
        assertTrue(r.out().contains("GAGAL k") && r.out().contains("GALAT k"), "all kinds of lines: " + r.out().length());
    }

    @Test
    void generated_library_showsNoIdentifier() {
        Map<Integer, StringBuilder> units = new LinkedHashMap<>();
        DiagnosisText en = new DiagnosisText(RuleBases.of(base).catalog(), Lang.EN);
        for (GeneratedScan.Planted p : generated) {
            StringBuilder u = new StringBuilder();
            try {
                Diagnosis d = base.diagnose(Case.read(p.file()));
                u.append(d).append('\n').append(d.toJson()).append('\n').append(en.render(d));
            } catch (CaseException e) {
                u.append(e.getMessage()).append('\n').append(e.problems());
            }
            units.put(p.index(), u);
        }
        assertNoLeak("library", units);
    }

    @Test
    void generated_repl_repliesErrorsAndEcho_showNoIdentifier_butSavedAndRecoveryFilesKeepThem() throws Exception {
        Path home = tmp.resolve("repl-home"); // created by the REPL: owner-only
        Path work = Files.createDirectories(tmp.resolve("repl-work"));
        String[] lineSafe = java.util.Arrays.stream(GeneratedIdentifiers.SEPARATORS)
                .filter(sep -> sep.indexOf('\n') < 0 && sep.indexOf('\r') < 0).toArray(String[]::new);
        List<String> names = commandNames(home);
        java.util.Random r = new java.util.Random(4711);
        List<String> commands = new ArrayList<>();
        List<Integer> owner = new ArrayList<>(); // the planted index each command carries
        commands.add("masalah test-identity-rejected");
        owner.add(-1);
        int saved = 0;
        for (GeneratedScan.Planted p : generated) {
            String w = GeneratedIdentifiers.written(r, p.id(), lineSafe, true);
            String name = names.get(p.index() % names.size());
            String file = work.resolve(p.marker() + "-wp-" + GeneratedIdentifiers.written(r, p.id(),
                    GeneratedScan.FILE_SEPARATORS, false) + ".yaml").toString();
            boolean fileCommand = name.equals("simpan") || name.equals("save") || name.equals("muat")
                    || name.equals("load") || name.equals("buka");
            if (name.equals("simpan") || name.equals("save")) {
                saved++;
            }
            List<String> mine = new ArrayList<>(List.of(name + " " + (fileCommand ? file : w), w,
                    "jawab test-identity.note catatan " + w, "muat " + file + ".json"));
            if (p.index() % 10 == 0) {
                mine.addAll(List.of("andaikan test-identity.npwp " + w, "pesan \"NPWP " + w + " tidak ditemukan\""));
            }
            if (p.index() % 25 == 0 && !fileCommand) {
                mine.add("simpan " + file);
                saved++;
            }
            for (String c : mine) {
                commands.add(c);
                owner.add(p.index());
            }
        }
        commands.add("keluar " + generated.get(0).id()); // words after a command that takes none: pasted text
        owner.add(0);
        commands.add("keluar");
        owner.add(0);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"repl", "--rules", rules.toString(), "--home", home.toString()},
                new java.io.ByteArrayInputStream((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertClean("repl stderr", err.toString());

        // Each command's unit: its echo after the prompt and everything up to the next prompt.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^(pajakdx|jawab|answer)> ").matcher(out.toString());
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        assertEquals(commands.size(), starts.size(), "one prompt per command");
        System.out.printf("generated scan: repl: %d command lines (%d command names), %d files saved%n",
                commands.size(), names.size(), saved);
        Map<Integer, StringBuilder> units = new LinkedHashMap<>();
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) : out.toString().length();
            if (owner.get(k) >= 0) {
                units.computeIfAbsent(owner.get(k), x -> new StringBuilder()).append(out.toString(), starts.get(k), end);
            }
        }
        assertAllScanned("repl", units);
        assertNoLeak("repl", units);

        // Saved and recovery files keep the identifiers (loading one gives the same diagnosis): owner-only.
        List<Path> files;
        try (Stream<Path> s = Files.list(work)) {
            files = s.sorted().toList();
        }
        assertEquals(saved, files.size(), files.toString());
        for (Path f : files) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(f)), f.toString());
            int index = GeneratedScan.indexIn(f.getFileName().toString());
            assertTrue(GeneratedScan.leaks(Case.read(f).answers().toString() + f, generated.get(index).id()),
                    "kept unmasked: " + f);
        }
        List<Path> recovery;
        try (Stream<Path> s = Files.list(home)) {
            recovery = s.filter(f -> f.getFileName().toString().startsWith("recovery")).toList();
        }
        assertEquals(1, recovery.size(), recovery.toString());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(recovery.get(0))));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home)) , "home folder");
        assertTrue(GeneratedScan.leaks(Files.readString(recovery.get(0)), generated.get(GENERATED - 1).id()),
                "the recovery file keeps the last answer unmasked");
    }

    /** Every name of every REPL command, from its own `bantuan`: new commands are scanned too. */
    private static List<String> commandNames(Path home) {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"repl", "--rules", rules.toString(), "--home", home.toString()},
                new java.io.ByteArrayInputStream("bantuan\nkeluar\n".getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        List<String> names = new ArrayList<>();
        boolean inHelp = false;
        for (String line : out.toString().split("\n")) {
            inHelp |= line.startsWith("Perintah (");
            if (inHelp && line.startsWith("  ") && !line.startsWith("   ")) {
                for (String part : line.strip().split("\\s{2,}")[0].split(" / ")) {
                    names.add(part.split(" ")[0]); // "masalah ID|N": the name, not its arguments
                }
            }
        }
        // These end the session or re-read the rules (seconds each): used once, elsewhere.
        names.removeAll(List.of("quit", "keluar", "exit", "selesai", "reload", "muat-ulang"));
        assertTrue(names.containsAll(List.of("bagaimana", "mengapa-tidak", "masalah", "bahasa", "hapus", "simpan", "muat",
                "andaikan", "per", "lanjutkan", "buang")), names.toString());
        return names;
    }

    @Test
    void generated_logsAtTraceLevel_inASeparateJvm_showNoIdentifier() throws Exception {
        Path some = Files.createDirectories(tmp.resolve("logged"));
        List<GeneratedScan.Planted> logged = generated.subList(0, Math.min(40, generated.size()));
        for (GeneratedScan.Planted p : logged) {
            Files.copy(p.file(), some.resolve(p.file().getFileName()));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                Main.class.getName(), "diagnose", "--rules", rules.toString(), "--json", some.toString()));
        Process p = new ProcessBuilder(command).start();
        java.util.concurrent.Future<byte[]> err = java.util.concurrent.Executors.newSingleThreadExecutor()
                .submit(() -> p.getErrorStream().readAllBytes());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String logs = new String(err.get(120, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI finished");
        assertTrue(logs.contains("DEBUG") || logs.contains("TRACE"), "logging was really on");
        System.out.printf("generated scan: logs at trace level: %d lines, %d characters, %d identifiers looked for%n",
                logs.lines().count(), logs.length(), logged.size());
        // Log lines name no case: each identifier is looked for in all of them, ten digits in a row
        // (fewer would match the hash codes of fact handles; an unmasked identifier shows 12 or more).
        for (GeneratedScan.Planted planted : logged) {
            assertFalse(GeneratedScan.leaks(logs, planted.id(), 10), "#" + planted.index() + " " + planted.id()
                    + " in the logs: " + GeneratedScan.leakingLines(logs, planted.id(), 10));
        }
        Map<Integer, StringBuilder> units = jsonUnits(out);
        assertEquals(logged.size(), units.size());
        assertNoLeak("stdout of the logged run", units);
    }
}
