package pajakdx.service;

import java.io.IOException;
import java.io.Reader;
import java.util.function.LongSupplier;

/**
 * The lines of a batch request, up to a number of lines and a deadline: past either, it ends as
 * if the input ended, and says why and after which line, so that the answer can end with one error
 * line for the first line not read instead of losing the rest silently. It hands out whole lines
 * only, so a stop never cuts a line in two.
 */
final class BoundedLines extends Reader {
    /** Why the input was cut short. */
    enum Stop { NONE, LINES, TIME }

    /** A line longer than this is handed out in pieces (the batch reader refuses it anyway). */
    private static final int PIECE = 1 << 16;

    private final Reader in;
    private final long maxLines;
    private final long deadline;
    private final LongSupplier nanoTime;
    private final StringBuilder buffer = new StringBuilder();
    private final char[] chunk = new char[8192];
    private boolean inputEnded;
    private boolean atLineStart = true;
    private long newlines;
    private Stop stop = Stop.NONE;

    BoundedLines(Reader in, long maxLines, long deadline, LongSupplier nanoTime) {
        this.in = in;
        this.maxLines = maxLines;
        this.deadline = deadline;
        this.nanoTime = nanoTime;
    }

    @Override
    public int read(char[] out, int off, int len) throws IOException {
        if (stop != Stop.NONE || len == 0) {
            return stop != Stop.NONE ? -1 : 0;
        }
        if (atLineStart && (newlines >= maxLines || nanoTime.getAsLong() - deadline > 0)) {
            if (moreInput()) {
                stop = newlines >= maxLines ? Stop.LINES : Stop.TIME;
            }
            return -1;
        }
        int n = handable();
        while (n == 0 && !inputEnded) {
            fill();
            n = handable();
        }
        if (n == 0) {
            return -1;
        }
        n = Math.min(n, len);
        buffer.getChars(0, n, out, off);
        buffer.delete(0, n);
        for (int i = off; i < off + n; i++) {
            if (out[i] == '\n') {
                newlines++;
            }
        }
        atLineStart = out[off + n - 1] == '\n';
        return n;
    }

    /** How much of the buffer may be handed out: whole lines up to the line limit, or a piece of a long line. */
    private int handable() {
        long allowed = maxLines - newlines;
        int end = 0;
        for (int i = 0; i < buffer.length() && allowed > 0; i++) {
            if (buffer.charAt(i) == '\n') {
                end = i + 1;
                allowed--;
            }
        }
        if (end > 0) {
            return end;
        }
        if (allowed <= 0) {
            return 0;
        }
        return inputEnded || buffer.length() >= PIECE ? buffer.length() : 0;
    }

    private void fill() throws IOException {
        int n = in.read(chunk);
        if (n < 0) {
            inputEnded = true;
        } else {
            buffer.append(chunk, 0, n);
        }
    }

    /** True when anything but white space is left to read. */
    private boolean moreInput() throws IOException {
        while (true) {
            for (int i = 0; i < buffer.length(); i++) {
                if (!Character.isWhitespace(buffer.charAt(i))) {
                    return true;
                }
            }
            buffer.setLength(0);
            if (inputEnded) {
                return false;
            }
            fill();
        }
    }

    /** Why the input ended early, or {@link Stop#NONE}. */
    Stop stop() {
        return stop;
    }

    /** Lines handed out (the number of the last one). */
    long lines() {
        return newlines;
    }

    @Override
    public boolean ready() throws IOException {
        return stop == Stop.NONE && (handable() > 0 || !inputEnded && in.ready());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
