package pajakdx.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.TestRules;

/**
 * {@code pajakdx repl} as its own process, standard input a pipe, PAJAKDX_HOME set: what a
 * script sees. Checks what in-process runs cannot: that no terminal is attempted on a pipe
 * (no JLine warning) and that Ctrl-C (SIGINT) loses no work.
 */
class ReplProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** A running REPL process with its output collected as it comes. */
    private static final class Proc {
        final Process process;
        final StringBuffer out = new StringBuffer();
        final StringBuffer err = new StringBuffer();

        Proc(Path home, String... args) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "pajakdx.cli.Main", "repl", "--rules", TestRules.rulesDir().toString()));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("PAJAKDX_HOME", home.toString());
            pb.environment().remove("PAJAKDX_DEBUG");
            process = pb.start();
            pump(process.getInputStream(), out);
            pump(process.getErrorStream(), err);
        }

        private static void pump(InputStream in, StringBuffer into) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            t.setDaemon(true);
            t.start();
        }

        void type(String lines) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write(lines.getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        void waitFor(String text) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (!out.toString().contains(text)) {
                if (System.nanoTime() > end || !process.isAlive() && !out.toString().contains(text)) {
                    throw new AssertionError("never printed '" + text + "':\n" + out + "\nstderr:\n" + err);
                }
                Thread.sleep(50);
            }
        }

        int end() throws InterruptedException {
            if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not end:\n" + out);
            }
            Thread.sleep(100); // let the pumps drain
            return process.exitValue();
        }
    }

    @Test
    void withPipedInput_theTranscriptIsPlain_andUnsavedWorkIsKept(@TempDir Path home) throws Exception {
        Proc p = new Proc(home);
        p.type("masalah impersonate-fails\nya\nwhynot IMP-1\n");
        p.process.getOutputStream().close(); // end of input, as when a script ends
        assertEquals(0, p.end(), p.err.toString());
        String out = p.out.toString();
        assertTrue(out.contains("pajakdx> masalah impersonate-fails\n"), "prompt and line echoed: " + out);
        assertTrue(out.contains("Pertanyaan [badan.last-login-shown]"), out);
        assertTrue(out.contains("karena badan.last-login-shown = ya"), out);
        assertFalse(out.contains("\u001b["), "no terminal escapes on a pipe");
        assertFalse(p.err.toString().contains("terminal"), "JLine was not asked for a terminal: " + p.err);
        assertEquals("yes", Case.read(RecoveryFiles.only(home)).answers().get("badan.last-login-shown"));
    }

    @Test
    void afterCtrlC_theNextSessionOffersTheWork_andResumesIt(@TempDir Path home) throws Exception {
        Proc first = new Proc(home);
        first.type("masalah impersonate-fails\ntidak\n");
        first.waitFor("[TERKONFIRMASI] IMP-1"); // the answer is in (IMP-2 is then not needed: no more questions)
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(first.process.pid())).start();
        assertEquals(0, kill.waitFor());
        int code = first.end();
        assertEquals(130, code, "ended by SIGINT");
        assertTrue(first.out.toString().contains("(Ctrl-C)"), first.out.toString());
        assertTrue(first.out.toString().contains("disimpan sementara di"), first.out.toString());

        Proc second = new Proc(home);
        second.type("lanjutkan\nfakta\nkeluar\n");
        assertEquals(0, second.end(), second.err.toString());
        String out = second.out.toString();
        assertTrue(out.contains("Ada sesi yang belum disimpan"), out);
        assertTrue(out.contains("Sesi dilanjutkan: 2 jawaban."), out);
        assertTrue(out.contains("[TERKONFIRMASI] IMP-1"), out);
        assertTrue(out.contains("badan.last-login-shown = no"), out);
    }

    @Test
    void twoProcessesOnOneHome_keepTheirOwnWork(@TempDir Path home) throws Exception {
        // Finding 10: B used to move A's recovery file aside, then both overwrote recovery.yaml.
        Proc a = new Proc(home);
        a.type("masalah impersonate-fails\njawab badan.last-login-shown tidak\n");
        a.waitFor("[TERKONFIRMASI] IMP-1");
        Proc b = new Proc(home);
        b.type("masalah login-fails\n");
        b.waitFor("Diagnosis sementara");
        a.type("jawab user.appointed-role kuasa\n");
        a.waitFor("[DISINGKIRKAN] IMP-2");
        a.process.getOutputStream().close();
        b.process.getOutputStream().close();
        assertEquals(0, a.end(), a.err.toString());
        assertEquals(0, b.end(), b.err.toString());
        assertTrue(b.out.toString().contains("Sesi lain yang sedang berjalan memakai folder ini juga (1)"), b.out.toString());
        assertFalse(b.out.toString().contains("Ada sesi yang belum disimpan"), "A's file is not offered while A runs");
        List<Case> kept = RecoveryFiles.in(home).stream().map(Case::read).toList();
        assertEquals(2, kept.size(), RecoveryFiles.in(home).toString());
        assertTrue(kept.stream().anyMatch(c -> "kuasa".equals(c.answers().get("user.appointed-role"))
                && "no".equals(c.answers().get("badan.last-login-shown"))), "A's last answers are kept");
        assertTrue(kept.stream().anyMatch(c -> "login-fails".equals(c.answers().get("problem"))), "and B's");
    }
}
