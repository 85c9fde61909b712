package pajakdx.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jline.terminal.Terminal;

/**
 * Chooses how the REPL reads: JLine on a terminal (editing, history, completion), plain lines
 * otherwise. JLine itself would fall back to a "dumb" terminal on a pipe, with a warning on
 * standard error and no echo of the lines read; plain lines give a clean transcript instead.
 */
public final class ReplIo {
    private ReplIo() {
    }

    /** True when standard input and output are both a terminal. */
    public static boolean interactive() {
        return Tty.interactive();
    }

    /** The JVM's terminal. */
    public static Terminal systemTerminal() throws IOException {
        return JLineSource.systemTerminal();
    }

    /** Lines from {@code terminal} with history in {@code home} (none when null) and completion from {@code repl}. */
    public static LineSource terminalSource(Terminal terminal, Path home, Repl repl) {
        return new JLineSource(terminal, home == null ? null : home.resolve("history"),
                new ReplCompleter(repl.completions()));
    }

    /** Lines from a pipe or file, echoed after the prompt. */
    public static LineSource plainSource(InputStream in, PrintWriter out) {
        return new PlainLineSource(in, out);
    }
}
