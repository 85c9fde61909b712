package pajakdx.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {
    private final AtomicLong now = new AtomicLong();

    private static String readAll(Reader r) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buf = new char[7];
        for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
            out.append(buf, 0, n);
        }
        return out.toString();
    }

    /** Hands out its text a few characters at a time, advancing the clock by one tick per read. */
    private Reader trickle(String text, int piece) {
        return new Reader() {
            private int at;

            @Override
            public int read(char[] buf, int off, int len) {
                if (at >= text.length()) {
                    return -1;
                }
                now.incrementAndGet();
                int n = Math.min(Math.min(piece, len), text.length() - at);
                text.getChars(at, at + n, buf, off);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void underTheLimits_everythingIsRead() throws IOException {
        BoundedLines in = new BoundedLines(new StringReader("a\nb\nc"), 3, Long.MAX_VALUE, now::get);
        assertEquals("a\nb\nc", readAll(in));
        assertEquals(BoundedLines.Stop.NONE, in.stop());
    }

    @Test
    void pastTheLineLimit_theRestIsNotRead_andTheStopSaysSo() throws IOException {
        BoundedLines in = new BoundedLines(new StringReader("l1\nl2\nl3\nl4\n"), 2, Long.MAX_VALUE, now::get);
        assertEquals("l1\nl2\n", readAll(in));
        assertEquals(BoundedLines.Stop.LINES, in.stop());
        assertEquals(2, in.lines());
    }

    @Test
    void onlyBlankLinesPastTheLimit_isNoStop() throws IOException {
        BoundedLines in = new BoundedLines(new StringReader("l1\nl2\n\n  \n"), 2, Long.MAX_VALUE, now::get);
        assertEquals("l1\nl2\n", readAll(in));
        assertEquals(BoundedLines.Stop.NONE, in.stop());
    }

    @Test
    void pastTheDeadline_inputEndsAtALineEnd_neverInsideALine() throws IOException {
        String text = "{\"id\": \"first\"}\n{\"id\": \"second\"}\n{\"id\": \"third\"}\n";
        BoundedLines in = new BoundedLines(trickle(text, 5), 1000, 3, now::get); // the 4th read passes it
        String read = readAll(in);
        assertEquals(BoundedLines.Stop.TIME, in.stop());
        assertEquals("{\"id\": \"first\"}\n", read, "whole lines only");
        assertEquals(1, in.lines());
    }

    @Test
    void aLineLongerThanThePiece_isHandedOutWhole() throws IOException {
        String longLine = "x".repeat(200_000);
        BoundedLines in = new BoundedLines(trickle(longLine + "\nnext\n", 8192), 1, Long.MAX_VALUE, now::get);
        assertEquals(longLine + "\n", readAll(in));
        assertEquals(BoundedLines.Stop.LINES, in.stop());
    }
}
