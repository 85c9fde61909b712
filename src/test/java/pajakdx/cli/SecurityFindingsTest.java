package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TestRules;
import pajakdx.json.Json;

/**
 * The security findings 06-10 and 13 (c), (d) of issue 13, each replayed in process as its
 * script does it (../shared/security-findings/NN-*): the behaviour, not the script. Finding 07's
 * "owner-only from the first byte" is {@code repl.CaseFileTest.theTemporaryFile_isTheOwnersOnly_beforeItsFirstByte};
 * finding 10 with two real processes is {@code repl.ReplProcessTest.twoProcessesOnOneHome_keepTheirOwnWork}.
 */
class SecurityFindingsTest {
    private static final Pattern IDENTIFIERS = Pattern.compile("317254698103482|3174056502910004|0317254698103483");

    record Run(int code, String out, String err) {
    }

    static Run repl(Path home, String lines) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"repl", "--rules", CliTest.rules(), "--home", home.toString()},
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void finding06_simpanOntoAPipeOrALink_isRefused_andLeavesThemAsTheyWere(@TempDir Path home, @TempDir Path work)
            throws Exception {
        Path fifo = work.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path target = Files.writeString(work.resolve("target.yaml"), "id: keep\n");
        Path link = Files.createSymbolicLink(work.resolve("link.yaml"), target.getFileName());
        Run r = repl(home, "masalah 10\njawab badan.last-login-shown tidak\nsimpan " + fifo + "\nsimpan " + link
                + "\nkeluar\n");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("galat: " + fifo + ": bukan berkas biasa (pipa atau perangkat?)"), r.out());
        assertTrue(r.out().contains("galat: " + link + ": adalah tautan simbolik"), r.out());
        assertFalse(r.out().contains("Disimpan ke"), r.out());
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                .isOther(), "still a FIFO");
        assertTrue(Files.isSymbolicLink(link), "still a link");
        assertEquals("id: keep\n", Files.readString(target));
    }

    @Test
    void finding07_theRecoveryFile_andTheHome_areOwnerOnly(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        StringBuilder lines = new StringBuilder("masalah efaktur-username-refused\n");
        for (int i = 0; i < 20; i++) {
            lines.append("jawab efaktur.username ").append(i % 2 == 1 ? "3174056502910004" : "317254698103482").append('\n');
        }
        Run r = repl(home, lines.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        try (var files = Files.list(home)) {
            List<Path> kept = files.filter(p -> p.getFileName().toString().startsWith("recovery")).toList();
            assertEquals(1, kept.size(), kept.toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept.get(0))));
            assertTrue(Files.readString(kept.get(0)).contains("3174056502910004"), "kept unmasked, so it must be private");
        }
        try (var files = Files.list(home)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void finding07_aHomeFirstMadeByDiagnose_forItsRuleCache_isOwnerOnlyToo(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("fresh-home");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "diagnose", "--rules", CliTest.rules(),
                CliTest.fact("coretax/impersonate-badan-never-logged-in.yaml")).redirectErrorStream(true);
        pb.environment().put("PAJAKDX_HOME", home.toString());
        pb.environment().remove("PAJAKDX_CACHE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(Files.isDirectory(home.resolve("cache")), "the rule cache made the home: " + out);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
    }

    @Test
    void finding08_replRepliesAndTestLines_maskTheIdentifiersTheyQuote(@TempDir Path home, @TempDir Path work)
            throws Exception {
        Run r = repl(home, "317254698103482\nbagaimana 317254698103482\nmengapa-tidak 3174056502910004\n"
                + "masalah 317254698103482\nbahasa 317254698103482\nhapus 317254698103482\nmasalah 10\nsimpan "
                + work.resolve("wp-0317254698103483.yaml") + "\nkeluar\n");
        assertFalse(IDENTIFIERS.matcher(r.out() + r.err()).find(), r.out());
        assertTrue(r.out().contains("Perintah tidak dikenal: '************482'"), r.out());
        assertTrue(r.out().contains("galat: penyebab atau relasi tidak dikenal: '*************004'"), r.out());
        assertTrue(r.out().contains("Masalah tidak dikenal: '************482'"), r.out());
        assertTrue(r.out().contains("galat: bahasa tidak dikenal '************482'"), r.out());
        assertTrue(r.out().contains("************482 belum dijawab."), r.out());
        assertTrue(r.out().contains("Disimpan ke " + work.resolve("wp-*************483.yaml") + "."), r.out());
        assertTrue(Files.exists(work.resolve("wp-0317254698103483.yaml")), "the file itself has its real name");

        Path facts = Files.createDirectories(work.resolve("facts/efaktur"));
        Files.writeString(facts.resolve("npwp-317254698103482.yaml"), """
                id: tiket-0317254698103483
                title: "WP NPWP 31.725.469.8-103.482 NIK 3174056502910004"
                as_of: 2025-02-12
                problem: efaktur-username-refused
                findings:
                  efaktur.username: "3174056502910004"
                errors: ["Username 317254698103482 ditolak", "NIK 3174 0565 0291 0004 salah"]
                expect:
                  confirmed: [UPL-1]
                  first_question: efaktur.username
                """);
        CliTest.Run test = CliTest.run("test", "--rules", CliTest.rules(), "--facts", work.resolve("facts").toString());
        assertEquals(1, test.code(), test.out() + test.err());
        assertTrue(test.out().contains("GAGAL efaktur/npwp-************482.yaml"), test.out());
        assertFalse(IDENTIFIERS.matcher(test.out() + test.err()).find(), test.out());
        CliTest.Run testEn = CliTest.run("test", "--rules", CliTest.rules(), "--facts", work.resolve("facts").toString(),
                "--lang", "en");
        assertTrue(testEn.out().contains("FAIL  efaktur/npwp-************482.yaml"), testEn.out());
        assertFalse(IDENTIFIERS.matcher(testEn.out() + testEn.err()).find(), testEn.out());
    }

    /** Finding 09: the NPWP 317254698103482 in title, note and error text, its groups joined by each separator. */
    @Test
    void finding09_anNpwpSplitByAnySeparator_isMaskedInTextAndJson(@TempDir Path dir) throws Exception {
        List<String> forms = List.of("3172546\u200B98103482", "317254698\t103482", "317254698\n103482",
                "31,725,469,8-103,482", "3172:5469:8103:482", "317254|698103|482", "317254698+103482",
                "(317254)(698103)(482)", "317254*698103*482", "#317254#698103#482");
        for (int i = 0; i < forms.size(); i++) {
            String form = forms.get(i);
            Files.writeString(dir.resolve("v-" + i + ".yaml"), "id: v-" + i + "\ntitle: " + Json.write("judul " + form)
                    + "\nas_of: 2025-02-12\nproblem: efaktur-username-refused\nnote: " + Json.write("catatan " + form)
                    + "\nerrors: [" + Json.write("pesan " + form) + "]\n");
        }
        for (String form : List.of("text", "--json")) {
            CliTest.Run r = form.equals("text") ? CliTest.run("diagnose", "--rules", CliTest.rules(), dir.toString())
                    : CliTest.run("diagnose", "--rules", CliTest.rules(), "--json", dir.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("v-9"), "every case diagnosed: " + r.out());
            for (String line : r.out().split("\n")) {
                String digits = line.codePoints().filter(Character::isDigit)
                        .collect(StringBuilder::new, (b, c) -> b.append(Character.getNumericValue(c)), StringBuilder::append)
                        .toString();
                for (int k = 0; k + 6 <= 15; k++) {
                    assertFalse(digits.contains("317254698103482".substring(k, k + 6)), form + ": " + line);
                }
            }
        }
    }

    @Test
    void finding13c_batchOnInputThatNeverEnds_stopsWithOneLine_andExit2_beforeLoadingTheRules() {
        InputStream zeros = new InputStream() { // a FIFO of endless NUL bytes, /dev/zero
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        InputStream saved = System.in;
        System.setIn(zeros);
        CliTest.Run r;
        try {
            // A rules folder that does not exist: the input is refused before the rules are looked at.
            r = CliTest.run("batch", "--rules", "/nonexistent-rules-folder");
        } finally {
            System.setIn(saved);
        }
        assertEquals(2, r.code(), r.err());
        assertEquals("error: stdin:1: baris yang tidak berakhir dalam 16000000 karakter (perangkat atau aliran tanpa"
                + " akhir?); pembacaan dihentikan di sini\n", r.err());
        assertTrue(r.out().startsWith("{\"line\":1,\"error\":[\"stdin:1: a line with no end within 16000000 characters"
                + " (a device or an endless stream?); reading stopped here\"]"), "the record keeps English: " + r.out());
    }

    @Test
    void finding13c_blankLinesWithoutEnd_stopToo_andTheCasesBeforeAreDiagnosed() {
        String input = "{\"id\":\"a\",\"as_of\":\"2025-02-03\",\"problem\":\"impersonate-fails\"}\n"
                + "\n".repeat(1_000_001) + "{\"id\":\"never-read\"}\n";
        CliTest.Run r = BatchCommandTest.batch(input, "--no-explain");
        assertEquals(2, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].contains("\"caseId\":\"a\""), lines[0]);
        assertTrue(lines[1].contains("more than 1000000 blank lines in a row"), lines[1]);
        assertFalse(r.out().contains("never-read"));
    }

    @Test
    void finding13d_aFileThatIsNotACase_isNamedWithItsLine_butNotQuoted(@TempDir Path dir) throws Exception {
        Path shadow = Files.writeString(dir.resolve("shadow-like"),
                "root:$6$SeCrEtHaSh0123456789$abcdefghijkl:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n");
        Path json = Files.writeString(dir.resolve("token.json"), "{\"a\": s3cr3t-token-value}\n");
        Path dup = Files.writeString(dir.resolve("dup.json"), "{\"pw:hunter2!\": 1, \"pw:hunter2!\": 2}\n");
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "id: x\nfindingz: {}\n");
        CliTest.Run r = CliTest.run("diagnose", "--rules", CliTest.rules(), "--lang", "en", shadow.toString(),
                json.toString(), dup.toString(), typo.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(shadow + ":1: unknown field (not shown: not a field name)"), r.err());
        assertTrue(r.err().contains(json + ":1:") && r.err().contains("Unrecognized token: expected"), r.err());
        assertTrue(r.err().contains(dup + ":1:") && r.err().contains("Duplicate field (not shown"), r.err());
        assertTrue(r.err().contains("unknown field 'findingz'"), "a key that looks like a field is still named: " + r.err());
        for (String secret : List.of("SeCrEt", "root:", "s3cr3t", "hunter2")) {
            assertFalse(r.err().contains(secret), secret + " in " + r.err());
        }
        assertEquals(4, r.err().lines().count(), "one line per file: " + r.err());
    }
}
