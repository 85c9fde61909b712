package pajakdx.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;
import pajakdx.base.Problem;
import pajakdx.doc.DocReader;

/**
 * The lines of a batch input that hold cases: blank lines skipped, each line at most
 * {@link DocReader#MAX_CHARS} characters, and input that never ends cut: a line with no end
 * within {@link #MAX_ENDLESS} characters ({@code /dev/zero}, a pipe of endless NUL bytes) or more
 * than {@link #MAX_BLANK_RUN} blank lines in a row stop the reading there with an error.
 * {@link #endsAtOnce()} looks at the input before anything else is done (the rules loaded), so
 * such input is refused at once.
 */
public final class BatchInput {
    /** Characters of one line after which it is taken for one that never ends: 16 times the longest case. */
    public static final long MAX_ENDLESS = 16L * DocReader.MAX_CHARS;
    /** Blank lines in a row after which the input is taken for one that never ends. */
    public static final int MAX_BLANK_RUN = 1_000_000;

    private final LineReader lines;
    private final String source;
    private LineReader.Line peeked;
    private boolean ended;

    /** @param source how to name the input in messages ({@code stdin}, a file name) */
    public BatchInput(Reader in, String source) {
        this.lines = new LineReader(in, DocReader.MAX_CHARS, MAX_ENDLESS);
        this.source = source;
    }

    String source() {
        return source;
    }

    /** The next line that is not blank, null at the end; after an endless line, nothing more. */
    LineReader.Line next() throws IOException {
        if (peeked != null) {
            LineReader.Line l = peeked;
            peeked = null;
            return l;
        }
        if (ended) {
            return null;
        }
        int blanks = 0;
        for (LineReader.Line l = lines.next(); l != null; l = lines.next()) {
            if (!l.tooLong() && l.text().isBlank()) {
                if (++blanks <= MAX_BLANK_RUN) {
                    continue;
                }
                l = new LineReader.Line(l.number(), "", true);
            }
            ended = l.endless();
            return l;
        }
        ended = true;
        return null;
    }

    /** True when more input can be read without blocking. */
    boolean ready() throws IOException {
        return peeked != null || !ended && lines.ready();
    }

    /**
     * Reads up to the first line of a case; true when the input already shows that it never ends
     * (then {@link #refuse} says so, and nothing else needs to be done).
     */
    public boolean endsAtOnce() throws IOException {
        if (peeked == null && !ended) {
            peeked = next();
        }
        return peeked != null && peeked.endless();
    }

    /** Writes the error of an input that never ends, as {@link BatchRunner#run} would: a record and a message. */
    public void refuse(Writer out, java.io.PrintWriter err, pajakdx.base.Lang lang) throws IOException {
        BatchRunner.emitFailure(peeked.number(), List.of(endless(peeked)), out, err, lang);
        out.flush();
    }

    /** The problem of an endless line: where reading stopped and why. */
    Problem endless(LineReader.Line line) {
        String what = line.tooLong() ? "a line with no end within " + MAX_ENDLESS + " characters"
                : "more than " + MAX_BLANK_RUN + " blank lines in a row";
        return Problem.at(source, (int) line.number(), 0, what + " (a device or an endless stream?); reading stopped here");
    }
}
