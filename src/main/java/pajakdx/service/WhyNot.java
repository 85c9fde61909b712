package pajakdx.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
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
    private static final JsonFactory JSON = new JsonFactory();

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
            if (c == '\n') {
                out.write(strip(line.toString()));
                out.write('\n');
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(buf[i]);
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(s.charAt(i));
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

    /** One JSON object with its top-level {@code notConcluded} value replaced by {@code []}; other lines as they are. */
    static String strip(String json) throws IOException {
        if (!json.contains("\"notConcluded\"")) {
            return json;
        }
        StringWriter out = new StringWriter(json.length());
        try (JsonParser p = JSON.createParser(json); JsonGenerator g = JSON.createGenerator(out)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return json;
            }
            g.writeStartObject();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                g.writeFieldName(name);
                if (name.equals("notConcluded")) {
                    p.skipChildren();
                    g.writeStartArray();
                    g.writeEndArray();
                } else {
                    g.copyCurrentStructure(p);
                }
            }
            g.writeEndObject();
        }
        return out.toString();
    }
}
