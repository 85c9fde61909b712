package pajakdx.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.TestRules;
import pajakdx.cli.Main;

/**
 * No lost work: unsaved cases survive quit and end of input, each session in a file of its own,
 * and the next session lists them and resumes the one asked for.
 */
class ReplRecoveryTest {

    @Test
    void whenInputEndsWithUnsavedAnswers_thenTheyAreKept_andTheNextSessionResumesThem(@TempDir Path home) {
        Transcript first = Transcript.run(home, "masalah impersonate-fails\nya\n"); // no quit: end of input, like Ctrl-D
        Path kept = RecoveryFiles.only(home);
        assertTrue(kept.getFileName().toString().matches("recovery-\\d{8}T\\d{6}-p\\d+(-\\d+)*\\.yaml"), kept.toString());
        assertTrue(first.out().contains("disimpan sementara di " + kept), first.out());
        assertEquals("yes", Case.read(kept).answers().get("badan.last-login-shown"));

        Transcript second = Transcript.run(home, "lanjutkan\nfakta\nkeluar\n");
        assertTrue(second.greeting().contains("Ada sesi yang belum disimpan"), second.greeting());
        assertTrue(second.greeting().contains("masalah impersonate-fails, 2 jawaban) di " + kept), second.greeting());
        assertTrue(second.greeting().contains("`lanjutkan` (resume)"), "says how to resume: " + second.greeting());
        String resumed = second.reply(0);
        assertTrue(resumed.contains("Sesi dilanjutkan: 2 jawaban."), resumed);
        assertTrue(resumed.contains("[DISINGKIRKAN] IMP-1"), resumed);
        assertTrue(resumed.contains("Pertanyaan [user.appointed-role]"), "the interview goes on: " + resumed);
        assertTrue(second.reply(1).contains("badan.last-login-shown = yes"), second.reply(1));
        Path now = RecoveryFiles.only(home);
        assertFalse(now.equals(kept), "the resumed work moved into the second session's own file");
        assertEquals("yes", Case.read(now).answers().get("badan.last-login-shown"), "still unsaved, still kept");
    }

    @Test
    void whenTheCaseIsSaved_thenNothingIsOfferedNextTime(@TempDir Path home, @TempDir Path work) throws Exception {
        Path file = work.resolve("saved.yaml");
        Transcript t = Transcript.run(home, "masalah impersonate-fails\ntidak\nsimpan " + file + "\nkeluar\n");
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "a saved case keeps identifiers: owner-only");
        assertEquals(List.of(), RecoveryFiles.in(home), "saved work needs no recovery");
        assertFalse(t.out().contains("disimpan sementara"), t.out());
        try (var left = Files.list(home)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".lock")), "no lock left behind");
        }
        Transcript next = Transcript.run(home, "keluar\n");
        assertFalse(next.greeting().contains("belum disimpan"), next.greeting());
        assertTrue(next.reply(0).contains("Sampai jumpa."), next.out());
    }

    @Test
    void sessionsThatEndUnsaved_eachKeepTheirOwnFile_andTheNextListsThemAll(@TempDir Path home) {
        Transcript.run(home, "masalah impersonate-fails\nya\nkeluar\n");
        Transcript second = Transcript.run(home, "masalah login-fails\nkeluar\n");
        assertFalse(second.out().contains("dipindahkan"), "nothing of the first session is touched: " + second.out());
        Map<String, String> problems = problemsIn(home);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.values().containsAll(List.of("impersonate-fails", "login-fails")), problems.toString());

        Transcript third = Transcript.run(home, "buang\nlanjutkan 2\nfakta\nkeluar\n");
        String greeting = third.greeting();
        assertTrue(greeting.contains("Ada 2 sesi yang belum disimpan:"), greeting);
        int newest = greeting.indexOf("  1. ");
        int older = greeting.indexOf("  2. ");
        assertTrue(newest > 0 && older > newest, greeting);
        assertTrue(greeting.substring(newest, older).contains("masalah login-fails, 1 jawaban"), "newest first: " + greeting);
        assertTrue(greeting.substring(older).contains("masalah impersonate-fails, 2 jawaban"), greeting);
        assertTrue(greeting.contains("`lanjutkan N` (resume N)") && greeting.contains("`buang N` (discard N)"), greeting);
        assertTrue(third.reply(0).contains("Ada 2 sesi yang belum disimpan; sebutkan nomornya: `buang N`."),
                "discarding needs the number when there are several: " + third.reply(0));
        assertTrue(third.reply(1).contains("Sesi dilanjutkan: 2 jawaban."), third.reply(1));
        assertTrue(third.reply(2).contains("problem = impersonate-fails"), third.reply(2));
        Map<String, String> after = problemsIn(home);
        assertEquals(2, after.size(), "the other session's file is still offered: " + after);
        assertTrue(after.values().containsAll(List.of("impersonate-fails", "login-fails")), after.toString());
    }

    @Test
    void discard_andResume_byNumber_andNumbersThatNameNoSession(@TempDir Path home) {
        Transcript.run(home, "masalah impersonate-fails\n");
        Transcript.run(home, "masalah login-fails\n");
        Transcript t = Transcript.run(home, "lanjutkan 7\nbuang x\nbuang 1\nbuang 1\nlanjutkan\nfakta\nkeluar\n");
        assertTrue(t.reply(0).contains("Tidak ada sesi belum disimpan bernomor '7'"), t.reply(0));
        assertTrue(t.reply(1).contains("bernomor 'x'"), t.reply(1));
        assertTrue(t.reply(2).contains("dibuang"), t.reply(2));
        assertTrue(t.reply(3).contains("bernomor '1'"), "number 1 is gone now: " + t.reply(3));
        assertTrue(t.reply(4).contains("Sesi dilanjutkan: 1 jawaban."), t.reply(4));
        assertTrue(t.reply(5).contains("problem = impersonate-fails"), "the one left: " + t.reply(5));
    }

    @Test
    void twoSessionsRunningAtOnce_neverWriteOverEachOthersWork(@TempDir Path home) throws Exception {
        PipedOutputStream typeA = new PipedOutputStream();
        PipedInputStream inA = new PipedInputStream(typeA, 1 << 16);
        StringWriter outA = new StringWriter();
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> Main.run(new String[] {"repl", "--rules",
                TestRules.rulesDir().toString(), "--home", home.toString()}, inA, new PrintWriter(outA), new PrintWriter(
                new StringWriter())));
        typeA.write("masalah impersonate-fails\nya\n".getBytes(StandardCharsets.UTF_8));
        typeA.flush();
        awaitRecoveryFiles(home, 1, a);

        Transcript b = Transcript.run(home, "lanjutkan\nmasalah login-fails\nkeluar\n");
        assertTrue(b.greeting().contains("Sesi lain yang sedang berjalan memakai folder ini juga (1)"), b.greeting());
        assertFalse(b.greeting().contains("Ada sesi yang belum disimpan"), "a running session's file is not offered");
        assertTrue(b.reply(0).contains("Tidak ada sesi yang belum disimpan."), b.reply(0));

        typeA.write("jawab user.appointed-role kuasa\nkeluar\n".getBytes(StandardCharsets.UTF_8));
        typeA.close();
        assertEquals(0, a.get(2, TimeUnit.MINUTES), outA.toString());
        List<Case> kept = RecoveryFiles.in(home).stream().map(Case::read).toList();
        assertEquals(2, kept.size(), RecoveryFiles.in(home).toString());
        assertTrue(kept.stream().anyMatch(c -> "kuasa".equals(c.answers().get("user.appointed-role"))
                && "yes".equals(c.answers().get("badan.last-login-shown"))), "A's last answers are kept");
        assertTrue(kept.stream().anyMatch(c -> "login-fails".equals(c.answers().get("problem"))), "and B's");
    }

    private static void awaitRecoveryFiles(Path home, int n, CompletableFuture<?> session) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (RecoveryFiles.in(home).size() < n) {
            if (session.isDone() || System.nanoTime() > deadline) {
                throw new AssertionError("the session kept no recovery file");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void loadingAnotherCase_setsTheUnsavedWorkAside_whereTheNextSessionFindsIt(@TempDir Path home) {
        Path file = TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml");
        Transcript t = Transcript.run(home, "masalah login-fails\nmuat " + file + "\nkeluar\n");
        assertTrue(t.reply(1).contains("Pekerjaan yang belum disimpan dipindahkan ke " + home), t.reply(1));
        Transcript next = Transcript.run(home, "keluar\n");
        assertTrue(next.greeting().contains("masalah login-fails, 1 jawaban"), next.greeting());
    }

    @Test
    void reGivingTheSameAnswer_isNoChange_soNothingIsKept(@TempDir Path home) {
        Path file = TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml");
        Transcript t = Transcript.run(home, "masalah impersonate-fails\njawab badan.last-login-shown tidak\nkeluar\n",
                file.toString());
        assertTrue(t.reply(1).contains("[TERKONFIRMASI] IMP-1"), t.reply(1));
        assertFalse(t.out().contains("disimpan sementara"), t.out());
        assertEquals(List.of(), RecoveryFiles.in(home));
    }

    @Test
    void discard_dropsTheRecovery_andResumeThenHasNothing(@TempDir Path home) {
        Transcript.run(home, "masalah impersonate-fails\n");
        Transcript t = Transcript.run(home, "buang\nlanjutkan\nkeluar\n");
        assertTrue(t.reply(0).contains("dibuang"), t.reply(0));
        assertTrue(t.reply(1).contains("Tidak ada sesi yang belum disimpan."), t.reply(1));
        assertEquals(List.of(), RecoveryFiles.in(home));
    }

    @Test
    void aDamagedRecoveryFile_isListedWithWhatIsWrong_andCanBeDiscarded(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("recovery-20250203T101500-p1.yaml"), "id: [unclosed\n");
        Transcript t = Transcript.run(home, "lanjutkan\nbuang\nkeluar\n");
        assertTrue(t.greeting().contains("Berkas pemulihan rusak"), t.greeting());
        assertTrue(t.reply(0).contains("galat: ") && t.reply(0).contains("bukan YAML yang sah"), t.reply(0));
        assertTrue(t.reply(1).contains("dibuang"), t.reply(1));
        assertEquals(List.of(), RecoveryFiles.in(home));
    }

    @Test
    void aNewHomeFolder_isCreatedOwnerOnly_andTheRecoveryFileToo(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("new/home");
        Transcript.run(home, "masalah impersonate-fails\nya\nkeluar\n");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(RecoveryFiles.only(home))));
    }

    @Test
    void whenTheHomeFolderCannotBeUsed_theReplStillRuns_andSaysSo(@TempDir Path tmp) throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("home-is-a-file"), "x");
        Transcript t = Transcript.run(notAFolder, "masalah impersonate-fails\nya\nkeluar\n");
        assertTrue(t.greeting().contains("tidak dapat dipakai"), t.greeting());
        assertTrue(t.reply(1).contains("[DISINGKIRKAN] IMP-1"), t.out());
        assertEquals(0, t.code());
        assertTrue(t.clean(), t.out());
    }

    @Test
    void anInputLineThatNeverEnds_isCutAtTheLimit_withOneLine_andExit2(@TempDir Path home) {
        java.io.InputStream endless = new java.io.InputStream() { // a FIFO of endless NULs, /dev/zero
            @Override
            public int read() {
                return 0;
            }
        };
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"repl", "--rules", TestRules.rulesDir().toString(), "--home", home.toString()},
                endless, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(2, code, out.toString());
        assertTrue(out.toString().contains("galat: masukan tanpa akhir baris dalam 1000000 karakter"), out.toString());
    }

    private static Map<String, String> problemsIn(Path home) {
        return RecoveryFiles.in(home).stream().collect(Collectors.toMap(p -> p.getFileName().toString(),
                p -> Case.read(p).answers().get("problem")));
    }
}
