package pajakdx.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.base.Lang;
import pajakdx.LiveRuleBase;
import pajakdx.TestRules;

/** The JLine side, on a virtual terminal: history in the home folder, Ctrl-C, completion. */
class ReplTerminalTest {

    private static Repl repl(Path home, Terminal terminal) {
        return new Repl(LiveRuleBase.of(TestRules::rules), null, null,
                new Repl.Settings(Lang.ID, false, home, null), terminal.writer());
    }

    private static Terminal terminal(String input, ByteArrayOutputStream out) throws Exception {
        Terminal t = new DumbTerminal(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        Attributes a = t.getAttributes();
        a.setControlChar(Attributes.ControlChar.VINTR, 3); // Ctrl-C raises INT, as on a real terminal
        a.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        t.setAttributes(a);
        return t;
    }

    @Test
    void history_isKeptInTheHomeFolder_withTypedIdentifiersMasked(@TempDir Path home) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Terminal term = terminal("masalah impersonate-fails\npesan \"NPWP 01.234.567.8-901.000 ditolak\"\nkeluar\n", out);
        Repl repl = repl(home, term);
        try (LineSource source = ReplIo.terminalSource(term, home, repl)) {
            assertEquals(0, repl.run(source));
        }
        String history = Files.readString(home.resolve("history"));
        assertTrue(history.contains("masalah impersonate-fails"), history);
        assertTrue(history.contains("pesan \"NPWP **.***.***.*-***.000 ditolak\""), history);
        assertFalse(history.contains("234.567"), "no identifier in the history: " + history);
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("Pertanyaan [badan.last-login-shown]"), shown);
    }

    @Test
    void ctrlC_onAnEmptyLine_endsTheSession_andKeepsTheCase(@TempDir Path home) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Terminal term = terminal("masalah impersonate-fails\nya\n\u0003", out);
        Repl repl = repl(home, term);
        try (LineSource source = ReplIo.terminalSource(term, home, repl)) {
            assertEquals(0, repl.run(source));
        }
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("(Ctrl-C)"), shown);
        assertTrue(shown.contains("disimpan sementara di"), shown);
        assertEquals("yes", Case.read(RecoveryFiles.only(home)).answers().get("badan.last-login-shown"));
    }

    @Test
    void completion_offersCommandsFindingsValuesAndCauses(@TempDir Path home) throws Exception {
        Terminal term = terminal("", new ByteArrayOutputStream());
        Repl repl = repl(home, term);
        ReplCompleter completer = new ReplCompleter(repl.completions());
        assertTrue(complete(completer, "whyn").contains("whynot"));
        assertTrue(complete(completer, "jawab badan.").contains("badan.last-login-shown"));
        assertTrue(complete(completer, "jawab user.appointed-role ").containsAll(List.of("pic", "wakil", "kuasa",
                "pic-tku", "none", "unknown")));
        assertTrue(complete(completer, "whynot ").containsAll(List.of("IMP-1", "IMP-2", "badan-never-logged-in")));
        assertTrue(complete(completer, "masalah ").contains("impersonate-fails"));
        assertTrue(complete(completer, "lang ").containsAll(List.of("id", "en")));

        repl.handle("masalah impersonate-fails"); // now the Badan's last login is being asked
        List<String> first = complete(completer, "");
        assertTrue(first.containsAll(List.of("ya", "tidak", "yes", "no", "unknown", "help", "bantuan")), first.toString());
        assertTrue(complete(completer, "hapus ").contains("problem"), "unset offers what is answered");
    }

    private static List<String> complete(ReplCompleter completer, String line) {
        var parsed = new DefaultParser().parse(line, line.length());
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, parsed, out);
        return out.stream().map(Candidate::value).toList();
    }
}
