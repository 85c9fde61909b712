package pajakdx.batch;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines one at a time with a cap on their length, so that one enormous line cannot fill
 * memory: past the cap the rest of the line is skipped and the line reported as too long. A line
 * still without an end past a second, larger cap is endless (a device such as {@code /dev/zero},
 * a pipe that never stops): reading stops there. Accepts {@code \n}, {@code \r\n} and {@code \r}
 * line ends.
 */
final class LineReader {
    /**
     * One line: its 1-based number and its text, or null text when it was longer than the cap;
     * {@code endless} when it had no end within the second cap (nothing can be read after it).
     */
    record Line(long number, String text, boolean endless) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxChars;
    private final long maxSkipped;
    private final char[] buf = new char[1 << 14];
    private int pos;
    private int end;
    private long number;
    private boolean pendingCr;

    /** Lines of at most {@code maxChars}; a line still going after {@code maxSkipped} characters is endless. */
    LineReader(Reader in, int maxChars, long maxSkipped) {
        this.in = in;
        this.maxChars = maxChars;
        this.maxSkipped = maxSkipped;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean overflow = false;
        boolean any = false;
        long length = 0;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? finish(line, overflow) : null;
                }
            }
            if (pendingCr) {
                pendingCr = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            length += pos - start;
            if (!overflow) {
                line.append(buf, start, pos - start);
                if (line.length() > maxChars) {
                    overflow = true;
                    line.setLength(0);
                }
            } else if (length > maxSkipped) {
                number++;
                return new Line(number, null, true);
            }
            if (pos < end) {
                pendingCr = buf[pos] == '\r';
                pos++;
                return finish(line, overflow);
            }
        }
    }

    /** True when more input can be read without blocking (used to decide when to flush output). */
    boolean ready() throws IOException {
        return pos < end || in.ready();
    }

    private Line finish(StringBuilder line, boolean overflow) {
        number++;
        return new Line(number, overflow ? null : line.toString(), false);
    }
}
