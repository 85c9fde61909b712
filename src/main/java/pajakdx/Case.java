package pajakdx;

import pajakdx.base.Problem;
import pajakdx.base.CaseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import pajakdx.doc.DocException;
import pajakdx.doc.DocReader;
import pajakdx.doc.Fields;
import pajakdx.doc.Node;

/**
 * A taxpayer's situation as observed: findings (answers by finding id, {@code unknown} allowed),
 * the raw error messages seen, and the as-of moment. Immutable; {@link #with(String, String)}
 * and {@link #without(String)} give revised copies. Values are checked against the rule base's
 * vocabulary when diagnosed, so one Case type serves every rule base.
 */
public final class Case {
    /** The answer meaning "I do not know": never the same as "no". */
    public static final String UNKNOWN = pajakdx.collect.FactCollector.UNKNOWN;

    private static final Set<String> FIELDS = Set.of("id", "title", "as_of", "problem", "problems", "npwp", "nik",
            "findings", "errors", "messages", "expect", "note");
    /** The answer key of the problems: several are kept as one value, separated by ", ". */
    private static final String PROBLEM = "problem";

    private final String id;
    private final String title;
    private final String asOf;
    private final Map<String, String> answers;
    private final List<String> messages;
    private final Expectation expect;
    private final String file;

    private Case(String id, String title, String asOf, Map<String, String> answers, List<String> messages,
                 Expectation expect, String file) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = title == null ? "" : title;
        this.asOf = asOf;
        this.answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        this.messages = List.copyOf(messages);
        this.expect = expect;
        this.file = file;
    }

    /**
     * Reads a case file (YAML, or JSON when it ends in .json). Only regular files are read, and
     * at most {@link DocReader#MAX_CHARS} characters' worth of bytes, so a device, a pipe or a
     * huge file ends in a clear error instead of a hang.
     */
    public static Case read(Path path) {
        String name = path.toString();
        String text;
        try {
            if (Files.isDirectory(path)) {
                throw new CaseException(Problem.at(name, 0, 0, "is a folder, not a case file"));
            }
            if (!Files.exists(path)) {
                throw new NoSuchFileException(name);
            }
            if (!Files.isRegularFile(path)) {
                throw new CaseException(Problem.at(name, 0, 0, "is not a regular file (a device or pipe?)"));
            }
            text = decode(name, readBounded(name, path));
        } catch (NoSuchFileException e) {
            throw new CaseException(Problem.at(name, 0, 0, "no such file"));
        } catch (java.nio.file.AccessDeniedException e) {
            throw new CaseException(Problem.at(name, 0, 0, "cannot read: permission denied"));
        } catch (IOException e) {
            throw new CaseException(Problem.at(name, 0, 0, "cannot read: " + e.getClass().getSimpleName()));
        }
        return parse(name, text);
    }

    /** UTF-8 takes up to 4 bytes a character: more bytes than that can never fit the limit. */
    private static final long MAX_BYTES = DocReader.MAX_CHARS * 4L;

    private static byte[] readBounded(String name, Path path) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new CaseException(Problem.at(name, 0, 0, "larger than the limit of " + DocReader.MAX_CHARS
                        + " characters"));
            }
            return bytes;
        }
    }

    private static String decode(String name, byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF
                || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
            throw new CaseException(Problem.at(name, 0, 0, "is UTF-16 text; save it as UTF-8"));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            int line = 1;
            int at = firstBadByte(bytes);
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new CaseException(Problem.at(name, line, 0, "not UTF-8 text (byte " + (at + 1) + ")"));
        }
    }

    /** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
    private static int firstBadByte(byte[] bytes) {
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder();
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult r = d.decode(in, out, true);
        return r.isError() ? in.position() : bytes.length;
    }

    /** Parses case text; {@code name} says where it came from (file name, "line 3"...) and picks JSON or YAML. */
    public static Case parse(String name, String text) {
        try {
            return fromNode(name, DocReader.read(name, text));
        } catch (DocException e) {
            throw new CaseException(e.problem());
        }
    }

    /** Parses case text written as JSON (a line of a JSONL batch, say), whatever {@code name} ends with. */
    public static Case parseJson(String name, String text) {
        try {
            return fromNode(name, DocReader.readJson(name, text));
        } catch (DocException e) {
            throw new CaseException(e.problem());
        }
    }

    private static Case fromNode(String name, Node root) {
        Fields f = Fields.of(root, "a case (a mapping with id, as_of, findings ...)");
        f.allowOnly(FIELDS);
        String id = f.string("id", defaultId(name));
        Map<String, String> answers = new LinkedHashMap<>();
        // `problem: x` (as ever), or several: `problems: [x, y]` (or `problem: [x, y]`).
        List<String> problems = new ArrayList<>(f.strings("problem"));
        for (String p : f.strings("problems")) {
            if (!problems.contains(p)) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            answers.put(PROBLEM, String.join(", ", problems));
        }
        for (String key : List.of("npwp", "nik")) {
            if (f.has(key)) {
                answers.put(key, Fields.scalar(f.get(key), key));
            }
        }
        if (f.has("findings")) {
            for (var e : Fields.of(f.get("findings"), "findings (finding id: value)").node().entries().entrySet()) {
                Node v = e.getValue();
                String value = v instanceof Node.Scalar s ? (s.isNull() ? UNKNOWN : s.text()) : null;
                if (value == null) {
                    throw DocException.at(v, "a finding's value must be a single value, not a " + v.kind());
                }
                if (answers.containsKey(e.getKey())) {
                    throw DocException.at(v, "'" + e.getKey() + "' is given twice (as a field of its own and in findings)");
                }
                answers.put(e.getKey(), value);
            }
        }
        List<String> messages = new ArrayList<>(f.strings("errors"));
        messages.addAll(f.strings("messages"));
        Expectation expect = f.has("expect") ? Expectation.read(f.get("expect")) : null;
        String asOf = f.has("as_of") ? Fields.scalar(f.get("as_of"), "as_of") : null;
        return new Case(id, f.string("title", ""), asOf, answers, messages, expect, name);
    }

    private static String defaultId(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** Starts a case built in code. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The as-of moment as written (date or date-time, WIB); null means "today". */
    public String asOf() {
        return asOf;
    }

    /** What fact collection reads of this case. */
    pajakdx.collect.CaseInput input() {
        return new pajakdx.collect.CaseInput(file != null ? file : id, answers, messages, asOf);
    }

    /** Answers by finding id, in the order given; values are text, {@link #UNKNOWN} for "do not know". */
    public Map<String, String> answers() {
        return answers;
    }

    /**
     * The problems the case reports, in the order given: one usually, several when a ticket
     * reports several symptoms ({@code problems:} in a case file). Empty when none is given yet.
     */
    public List<String> problems() {
        String p = answers.get(PROBLEM);
        if (p == null || p.equals(UNKNOWN)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String one : p.split("[,\\s]+")) {
            if (!one.isEmpty() && !out.contains(one)) {
                out.add(one);
            }
        }
        return List.copyOf(out);
    }

    /** A copy reporting these problems (none removes them). */
    public Case withProblems(List<String> problemIds) {
        return problemIds.isEmpty() ? without(PROBLEM) : with(PROBLEM, String.join(", ", problemIds));
    }

    /**
     * The error texts the user saw, as pasted ({@code errors:} in a case file). The message table
     * of the rules recognises them and sets the findings they imply.
     */
    public List<String> errors() {
        return messages;
    }

    /** The error texts the user saw. @deprecated since 0.2.0: the same as {@link #errors()}. */
    @Deprecated(since = "0.2.0")
    public List<String> messages() {
        return errors();
    }

    /** The expected diagnosis, for golden cases; null when none. */
    public Expectation expect() {
        return expect;
    }

    /** The file the case was read from, or null. */
    public String file() {
        return file;
    }

    /** A copy with {@code findingId} answered {@code value} (use {@link #UNKNOWN} for "do not know"). */
    public Case with(String findingId, String value) {
        Map<String, String> a = new LinkedHashMap<>(answers);
        a.put(findingId, value);
        return new Case(id, title, asOf, a, messages, expect, file);
    }

    /** A copy without an answer for {@code findingId}. */
    public Case without(String findingId) {
        Map<String, String> a = new LinkedHashMap<>(answers);
        a.remove(findingId);
        return new Case(id, title, asOf, a, messages, expect, file);
    }

    /** A copy with another as-of moment. */
    public Case withAsOf(String newAsOf) {
        return new Case(id, title, newAsOf, answers, messages, expect, file);
    }

    /** A copy with one more error text. */
    public Case withError(String text) {
        List<String> m = new ArrayList<>(messages);
        m.add(text);
        return new Case(id, title, asOf, answers, m, expect, file);
    }

    /** A copy with other error texts. */
    public Case withErrors(List<String> texts) {
        return new Case(id, title, asOf, answers, texts, expect, file);
    }

    /** @deprecated since 0.2.0: the same as {@link #withError(String)}. */
    @Deprecated(since = "0.2.0")
    public Case withMessage(String message) {
        return withError(message);
    }

    /** @deprecated since 0.2.0: the same as {@link #withErrors(List)}. */
    @Deprecated(since = "0.2.0")
    public Case withMessages(List<String> newMessages) {
        return withErrors(newMessages);
    }

    /** A copy with a title. */
    public Case withTitle(String newTitle) {
        return new Case(id, newTitle, asOf, answers, messages, expect, file);
    }

    /** Builds a {@link Case} in code. */
    public static final class Builder {
        private final String id;
        private String title = "";
        private String asOf;
        private final Map<String, String> answers = new LinkedHashMap<>();
        private final List<String> messages = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String t) {
            this.title = t;
            return this;
        }

        /** {@code 2025-02-03} or {@code 2025-02-03T09:30} (WIB). */
        public Builder asOf(String iso) {
            this.asOf = iso;
            return this;
        }

        /**
         * A problem the case reports; called again, another one (a ticket may report several
         * symptoms). The same as {@code answer("problem", ...)} with them separated by ", ".
         */
        public Builder problem(String problemId) {
            String before = answers.get(PROBLEM);
            return answer(PROBLEM, before == null || before.equals(UNKNOWN) ? problemId : before + ", " + problemId);
        }

        /** The case's own NPWP (15 or 16 digits, plain or dotted; a NIK used as NPWP too), validated when diagnosed. */
        public Builder npwp(String npwp) {
            return answer("npwp", npwp);
        }

        /** The case's own NIK (16 digits), validated when diagnosed. */
        public Builder nik(String nik) {
            return answer("nik", nik);
        }

        public Builder answer(String findingId, String value) {
            answers.put(findingId, value);
            return this;
        }

        public Builder unknown(String findingId) {
            return answer(findingId, UNKNOWN);
        }

        /** An error text the user saw, as pasted. */
        public Builder error(String text) {
            messages.add(text);
            return this;
        }

        /** @deprecated since 0.2.0: the same as {@link #error(String)}. */
        @Deprecated(since = "0.2.0")
        public Builder message(String text) {
            messages.add(text);
            return this;
        }

        public Case build() {
            return new Case(id, title, asOf, answers, messages, null, null);
        }
    }
}
