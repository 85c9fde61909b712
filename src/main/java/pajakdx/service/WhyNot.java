package pajakdx.service;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import pajakdx.Diagnosis;

/**
 * The one place that decides whether a diagnosis carries its {@code notConcluded} part (the
 * causes no rule concluded, with WHY NOT for each): only when the client asks
 * ({@code ?whyNot=true}). The library computes it every time for now; once it computes it on
 * demand, these methods ask for it instead of removing it.
 */
final class WhyNot {
    private WhyNot() {
    }

    /** {@code d} as the client asked for it: with or without {@code notConcluded}. */
    static Diagnosis apply(Diagnosis d, boolean asked) {
        if (asked || d.notConcluded().isEmpty()) {
            return d;
        }
        return new Diagnosis(d.caseId(), d.title(), d.asOf(), d.asOfAssumed(), d.causes(), List.of(), d.remedies(),
                d.questions(), d.notes(), d.trace());
    }

    /**
     * A writer of JSON lines (diagnoses, or error records) that empties the {@code notConcluded}
     * of each diagnosis unless asked for; {@code out} itself when asked.
     */
    static Writer apply(Writer out, boolean asked) {
        return asked ? out : new LineFilter(out);
    }

    /** Collects each line and writes it with its top-level {@code notConcluded} emptied. */
    private static final class LineFilter extends FilterWriter {
        private final StringBuilder line = new StringBuilder(16_384);

        LineFilter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            write(String.valueOf((char) c), 0, 1);
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            write(new String(buf, off, len), 0, len);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            int end = off + len;
            for (int from = off; from < end; ) {
                int nl = s.indexOf('\n', from);
                if (nl < 0 || nl >= end) {
                    line.append(s, from, end);
                    return;
                }
                line.append(s, from, nl);
                out.write(strip(line.toString()));
                out.write('\n');
                line.setLength(0);
                from = nl + 1;
            }
        }

        @Override
        public void close() throws IOException {
            if (line.length() > 0) {
                out.write(strip(line.toString()));
                line.setLength(0);
            }
            super.close();
        }
    }

    private static final String FIELD = "\"notConcluded\":[";

    /**
     * One JSON object as PajakDx writes it, with the value of {@code notConcluded} replaced by
     * {@code []}; other lines (error records) as they are. Inside a JSON string every quote is
     * escaped, so the unescaped {@code "notConcluded":[} can only be the key itself (no other
     * object of a diagnosis has a field of that name); its array ends at the bracket that
     * balances it outside strings.
     */
    static String strip(String json) {
        int at = json.indexOf(FIELD);
        if (at < 0) {
            return json;
        }
        int open = at + FIELD.length() - 1;
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && --depth == 0) {
                return json.substring(0, open) + "[]" + json.substring(i + 1);
            }
        }
        return json; // not well formed: leave it as it is
    }
}
