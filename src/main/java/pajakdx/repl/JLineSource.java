package pajakdx.repl;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Lines from a terminal through JLine: line editing, history kept in the home folder (typed
 * identifiers masked), tab completion. Ctrl-C on an empty line ends the session, on a
 * partly typed line drops that line; Ctrl-D ends the session.
 */
final class JLineSource implements LineSource {
    private final Terminal terminal;
    private final LineReader reader;

    JLineSource(Terminal terminal, Path historyFile, Completer completer) {
        this.terminal = terminal;
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("pajakdx")
                .completer(completer).history(new MaskingHistory())
                // '!' and '\' are ordinary characters in pasted error texts and paths
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
        if (historyFile != null) {
            b.variable(LineReader.HISTORY_FILE, historyFile);
        }
        this.reader = b.build();
    }

    /** The terminal the JVM was started in. */
    static Terminal systemTerminal() throws IOException {
        return TerminalBuilder.builder().system(true).name("pajakdx").build();
    }

    @Override
    public String readLine(String prompt) throws Interrupted {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            Thread.interrupted(); // else the recovery file's channel closes on the pending interrupt
            if (e.getPartialLine() == null || e.getPartialLine().isBlank()) {
                throw new Interrupted();
            }
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException ignored) {
            // losing a history line must not end the session with an error
        }
        try {
            terminal.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
