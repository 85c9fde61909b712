package pajakdx.repl;

import java.io.Closeable;

/** Where the REPL's lines come from: a JLine terminal, or plain standard input. */
public interface LineSource extends Closeable {
    /** The user pressed Ctrl-C on an empty line. */
    final class Interrupted extends Exception {
        private static final long serialVersionUID = 1L;

        public Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    /** A line went on past {@link PlainLineSource#MAX_ENDLESS} characters: input that never ends. */
    final class Endless extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Endless() {
            super("no end of line", null, false, false);
        }
    }

    /**
     * Shows {@code prompt} and reads one line.
     *
     * @return the line, or null at end of input (Ctrl-D, end of the pipe)
     * @throws Endless when a line has no end in sight (a device, an endless stream)
     */
    String readLine(String prompt) throws Interrupted;

    @Override
    void close();
}
