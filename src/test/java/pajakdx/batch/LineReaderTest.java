package pajakdx.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    static List<LineReader.Line> all(String text, int max) throws IOException {
        LineReader r = new LineReader(new StringReader(text), max, Long.MAX_VALUE);
        List<LineReader.Line> out = new ArrayList<>();
        for (LineReader.Line l = r.next(); l != null; l = r.next()) {
            out.add(l);
        }
        return out;
    }

    @Test
    void everyLineEnding_andNoFinalNewline() throws IOException {
        List<LineReader.Line> lines = all("a\nb\r\nc\rd", 100);
        assertEquals(List.of("a", "b", "c", "d"), lines.stream().map(LineReader.Line::text).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), lines.stream().map(LineReader.Line::number).toList());
    }

    @Test
    void emptyInput_hasNoLines_blankLinesAreCounted() throws IOException {
        assertTrue(all("", 10).isEmpty());
        List<LineReader.Line> lines = all("\n\nx\n", 10);
        assertEquals(3, lines.size());
        assertEquals("", lines.get(0).text());
        assertEquals(3, lines.get(2).number());
    }

    @Test
    void aLineOverTheCap_isReportedTooLong_andTheNextLineIsIntact() throws IOException {
        String huge = "x".repeat(50_000);
        List<LineReader.Line> lines = all("ok\n" + huge + "\nafter\n", 1000);
        assertEquals(3, lines.size());
        assertEquals("ok", lines.get(0).text());
        assertTrue(lines.get(1).tooLong());
        assertNull(lines.get(1).text());
        assertEquals("after", lines.get(2).text());
        assertEquals(3, lines.get(2).number());
    }

    @Test
    void aLineThatNeverEnds_isCutAtTheSecondCap_andNothingIsReadAfterIt() throws IOException {
        java.io.Reader zeros = new java.io.Reader() { // /dev/zero, a FIFO of endless NULs
            @Override
            public int read(char[] buf, int off, int len) {
                java.util.Arrays.fill(buf, off, off + len, '\0');
                return len;
            }

            @Override
            public void close() {
            }
        };
        LineReader r = new LineReader(zeros, 1000, 100_000);
        LineReader.Line line = r.next();
        assertTrue(line.endless() && line.tooLong(), line.toString());
        assertEquals(1, line.number());
        LineReader bounded = new LineReader(new StringReader("x".repeat(5000) + "\nnext\n"), 1000, 100_000);
        assertTrue(bounded.next().tooLong() && !bounded.next().endless(), "a long line that ends is only too long");
    }

    @Test
    void crlfSplitAcrossBuffers_isOneLineEnd() throws IOException {
        // 16384 is the reader's buffer: put the \r at its last position.
        String first = "y".repeat((1 << 14) - 1);
        List<LineReader.Line> lines = all(first + "\r\nz", 1 << 15);
        assertEquals(2, lines.size());
        assertEquals("z", lines.get(1).text());
    }
}
