package pajakdx.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;

/** No lost work: unsaved cases survive quit and end of input, and the next session offers them. */
class ReplRecoveryTest {

    @Test
    void whenInputEndsWithUnsavedAnswers_thenTheyAreKept_andTheNextSessionResumesThem(@TempDir Path home) {
        Transcript first = Transcript.run(home, "masalah impersonate-fails\nya\n"); // no quit: end of input, like Ctrl-D
        assertTrue(first.out().contains("disimpan sementara di " + home.resolve("recovery.yaml")), first.out());
        Case kept = Case.read(home.resolve("recovery.yaml"));
        assertEquals("yes", kept.answers().get("badan.last-login-shown"));

        Transcript second = Transcript.run(home, "lanjutkan\nfakta\nkeluar\n");
        assertTrue(second.greeting().contains("Ada sesi yang belum disimpan"), second.greeting());
        assertTrue(second.greeting().contains("masalah impersonate-fails, 2 jawaban"), second.greeting());
        assertTrue(second.greeting().contains("`lanjutkan` (resume)"), "says how to resume: " + second.greeting());
        String resumed = second.reply(0);
        assertTrue(resumed.contains("Sesi dilanjutkan: 2 jawaban."), resumed);
        assertTrue(resumed.contains("[DISINGKIRKAN] IMP-1"), resumed);
        assertTrue(resumed.contains("Pertanyaan [user.appointed-role]"), "the interview goes on: " + resumed);
        assertTrue(second.reply(1).contains("badan.last-login-shown = yes"), second.reply(1));
        assertTrue(Files.exists(home.resolve("recovery.yaml")), "still unsaved, still kept");
    }

    @Test
    void whenTheCaseIsSaved_thenNothingIsOfferedNextTime(@TempDir Path home, @TempDir Path work) {
        Path file = work.resolve("saved.yaml");
        Transcript t = Transcript.run(home, "masalah impersonate-fails\ntidak\nsimpan " + file + "\nkeluar\n");
        assertTrue(Files.exists(file));
        assertFalse(Files.exists(home.resolve("recovery.yaml")), "saved work needs no recovery");
        assertFalse(t.out().contains("disimpan sementara"), t.out());
        Transcript next = Transcript.run(home, "keluar\n");
        assertFalse(next.greeting().contains("belum disimpan"), next.greeting());
        assertTrue(next.reply(0).contains("Sampai jumpa."), next.out());
    }

    @Test
    void whenANewSessionWorksWithoutResuming_thenTheOldRecoveryIsMovedAsideNotOverwritten(@TempDir Path home)
            throws Exception {
        Transcript.run(home, "masalah impersonate-fails\nya\nkeluar\n");
        Transcript second = Transcript.run(home, "masalah login-fails\nkeluar\n");
        assertTrue(second.reply(0).contains("Sesi lama yang belum disimpan dipindahkan ke"), second.reply(0));
        List<Path> archived;
        try (Stream<Path> s = Files.list(home)) {
            archived = s.filter(p -> p.getFileName().toString().startsWith("recovery-")).toList();
        }
        assertEquals(1, archived.size());
        assertEquals("yes", Case.read(archived.get(0)).answers().get("badan.last-login-shown"), "the first session's work");
        assertEquals("login-fails", Case.read(home.resolve("recovery.yaml")).answers().get("problem"), "the second's");
    }

    @Test
    void reGivingTheSameAnswer_isNoChange_soNothingIsKept(@TempDir Path home) {
        Path file = pajakdx.TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml");
        Transcript t = Transcript.run(home, "masalah impersonate-fails\njawab badan.last-login-shown tidak\nkeluar\n",
                file.toString());
        assertTrue(t.reply(1).contains("[TERKONFIRMASI] IMP-1"), t.reply(1));
        assertFalse(t.out().contains("disimpan sementara"), t.out());
        assertFalse(Files.exists(home.resolve("recovery.yaml")));
    }

    @Test
    void discard_dropsTheRecovery_andResumeThenHasNothing(@TempDir Path home) {
        Transcript.run(home, "masalah impersonate-fails\n");
        Transcript t = Transcript.run(home, "buang\nlanjutkan\nkeluar\n");
        assertTrue(t.reply(0).contains("dibuang"), t.reply(0));
        assertTrue(t.reply(1).contains("Tidak ada sesi yang belum disimpan."), t.reply(1));
        assertFalse(Files.exists(home.resolve("recovery.yaml")));
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
}
