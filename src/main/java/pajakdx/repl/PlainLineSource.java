package pajakdx.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Lines from a pipe or file, no terminal: the prompt and the line read are echoed, so a
 * script's output reads as a transcript (typed identifiers masked). Lines longer than
 * {@link #MAX_LINE} are cut there; the REPL refuses them. A line still without an end after
 * {@link #MAX_ENDLESS} characters ({@code /dev/zero}, an endless stream) ends the reading.
 */
final class PlainLineSource implements LineSource {
    /** Longest line the REPL accepts. */
    static final int MAX_LINE = 10_000;
    /** Past this many characters without an end of line, the input is taken for one that never ends. */
    static final int MAX_ENDLESS = 1_000_000;

    private final Reader in;
    private final PrintWriter out;

    PlainLineSource(InputStream in, PrintWriter out) {
        this.in = new java.io.BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
    }

    @Override
    public String readLine(String prompt) {
        out.print(prompt);
        out.flush();
        String line = read();
        if (line == null) {
            out.println();
        } else {
            String masked = Redact.identifiers(line);
            int cut = pajakdx.text.Masking.safeCut(masked, 200);
            out.println(cut < masked.length() ? masked.substring(0, cut) + "…" : masked);
        }
        out.flush();
        return line;
    }

    /** One line without its end, at most MAX_LINE + 1 characters kept; null at end of input. */
    private String read() {
        StringBuilder line = new StringBuilder();
        try {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            for (int n = 1; c >= 0 && c != '\n'; n++) {
                if (line.length() <= MAX_LINE) {
                    line.append((char) c);
                } else if (n > MAX_ENDLESS) {
                    throw new Endless();
                }
                c = in.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }

    @Override
    public void close() {
        // standard input belongs to the caller
    }
}
