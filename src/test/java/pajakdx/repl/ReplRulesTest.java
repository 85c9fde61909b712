package pajakdx.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.base.Lang;
import pajakdx.LiveRuleBase;
import pajakdx.TempRules;
import pajakdx.TestRules;
import pajakdx.cli.Main;

/** The REPL and its rules: failing rules, reloads, the message table. */
class ReplRulesTest {
    private static Transcript run(Path rules, Path home, String input) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"repl", "--rules", rules.toString(), "--home", home.toString()},
                new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new Transcript(code, out.toString(), err.toString());
    }

    @Test
    void whenARuleFails_itIsNamed_theAnswerUndone_andTheReplGoesOn(@TempDir Path tmp) {
        Path rules = TempRules.copyOfRules(tmp);
        TempRules.write(rules, "coretax/fails.drl", TempRules.FAILING_RULE);
        Transcript t = run(rules, tmp.resolve("home"), "masalah impersonate-fails\ntidak tahu\nfakta\nya\n");
        String failed = t.reply(1);
        assertTrue(failed.contains("Aturan gagal: aturan terus menyala melewati batas"), failed);
        assertTrue(failed.contains("Loops while the last login is unknown"), failed);
        assertTrue(failed.contains("konsultasi berlanjut"), failed);
        assertTrue(!t.reply(2).contains("badan.last-login-shown"), "the failing answer was undone: " + t.reply(2));
        assertTrue(t.reply(3).contains("[DISINGKIRKAN] IMP-1"), t.reply(3));
        assertEquals(0, t.code());
        assertTrue(t.clean(), t.out());
    }

    @Test
    void reload_withBrokenRules_showsFileAndLine_andKeepsTheLastGood(@TempDir Path tmp) throws Exception {
        Path rules = TempRules.copyOfRules(tmp);
        StringWriter out = new StringWriter();
        Repl repl = new Repl(LiveRuleBase.load(rules), null, null, new Repl.Settings(Lang.ID, false, tmp, null),
                new PrintWriter(out, true));
        repl.handle("masalah impersonate-fails");
        repl.handle("ya");

        Files.writeString(rules.resolve("coretax/broken.drl"), "package rules.coretax;\nrule \"x\" when\n  Foo(\nthen end\n");
        out.getBuffer().setLength(0);
        repl.handle("reload");
        String failed = out.toString();
        assertTrue(failed.contains("aturan terakhir yang baik tetap dipakai"), failed);
        assertTrue(failed.matches("(?s).*coretax/broken\\.drl:\\d+.*"), "file:line named: " + failed);

        out.getBuffer().setLength(0);
        repl.handle("whynot IMP-1");
        assertTrue(out.toString().contains("karena badan.last-login-shown = ya"), "still consulting: " + out);

        Files.delete(rules.resolve("coretax/broken.drl"));
        Files.writeString(rules.resolve("coretax/impersonate.yaml"), Files.readString(rules.resolve(
                "coretax/impersonate.yaml")).replace("Akun Badan belum pernah login", "Akun Badan sama sekali belum login"));
        out.getBuffer().setLength(0);
        repl.handle("reload");
        String reloaded = out.toString();
        assertTrue(reloaded.contains("Aturan dibaca ulang"), reloaded);
        assertTrue(reloaded.contains("[DISINGKIRKAN] IMP-1 badan-never-logged-in: Akun Badan sama sekali belum login"),
                "the new texts, the same answers: " + reloaded);
    }

    @Test
    void aPastedErrorText_goesThroughTheMessageTable(@TempDir Path tmp) throws Exception {
        Path rules = TempRules.copyOfRules(tmp);
        Path yaml = rules.resolve("coretax/impersonate.yaml");
        Files.writeString(yaml, Files.readString(yaml) + """

                messages:
                  - id: impersonate-refused
                    pattern: "tidak dapat (melakukan )?impersonate"
                    sets: {problem: impersonate-fails}
                """);
        Transcript t = run(rules, tmp.resolve("home"), "pesan \"Anda TIDAK dapat  melakukan impersonate\"\n"
                + "pesan \"layar putih saja\"\nfakta\n");
        String recognised = t.reply(0);
        assertTrue(recognised.contains("Pesan dikenali:"), recognised);
        assertTrue(recognised.contains("(impersonate-refused): problem = impersonate-fails"), recognised);
        assertTrue(recognised.contains("Pertanyaan [badan.last-login-shown]"), "the interview starts: " + recognised);
        assertTrue(t.reply(1).contains("Pesan tidak dikenali"), t.reply(1));
        String facts = t.reply(2);
        assertTrue(facts.contains("problem = impersonate-fails  (dari pesan)"), facts);
        assertTrue(facts.contains("pesan: \"layar putih saja\""), facts);
    }

    @Test
    void withTheBundledRules_theReplStartsWithoutARulesOption(@TempDir Path home) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"repl", "--home", home.toString()},
                new java.io.ByteArrayInputStream("masalah impersonate-fails\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("(aturan bawaan)"), out.toString());
        assertTrue(out.toString().contains("Pertanyaan [badan.last-login-shown]"), out.toString());
        assertTrue(TestRules.rulesDir().toFile().isDirectory());
    }
}
