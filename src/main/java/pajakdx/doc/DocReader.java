package pajakdx.doc;

import pajakdx.text.Masking;
import pajakdx.text.TextCheck;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML or JSON text into {@link Node} trees with line numbers. Enforces the documented
 * limits (size, nesting depth, aliases, values) so a hostile file ends in a clear
 * {@link DocException}. YAML is only composed into a node graph, never constructed: no tag can
 * instantiate a class, and any tag beyond the plain core schema is refused.
 */
public final class DocReader {
    /** Largest document accepted, in characters. */
    public static final int MAX_CHARS = 1_000_000;
    /** Deepest nesting of lists and mappings accepted. */
    public static final int MAX_DEPTH = 32;
    /** Most YAML aliases accepted (guards against "billion laughs"). */
    public static final int MAX_ALIASES = 50;
    /**
     * Most values (scalars, lists, mappings) in one document once aliases are expanded: 50
     * aliases are enough to expand to millions of values, so the expansion itself is bounded.
     */
    public static final int MAX_VALUES = 20_000;

    /** The tags a plain document may carry: the YAML core schema, implicit or written out. */
    private static final java.util.Set<Tag> PLAIN_TAGS = java.util.Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL,
            Tag.NULL, Tag.SEQ, Tag.MAP, Tag.TIMESTAMP, Tag.MERGE);

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH + 1).maxStringLength(MAX_CHARS).build())
            .build();

    private DocReader() {
    }

    /** Parses {@code text} as JSON when {@code file} ends in {@code .json} or {@code .jsonl}, else YAML. */
    public static Node read(String file, String text) {
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") || lower.endsWith(".jsonl") ? readJson(file, text) : readYaml(file, text);
    }

    /** A limit of the JSON parser, said in our words (Jackson's name its own settings). */
    private static String tooLarge(String jackson) {
        if (jackson.contains("nesting depth")) {
            return "nesting deeper than " + MAX_DEPTH + " levels";
        }
        java.util.regex.Matcher limit = java.util.regex.Pattern.compile("maximum allowed \\((\\d+)").matcher(jackson);
        String max = limit.find() ? limit.group(1) : "?";
        if (jackson.contains("getMaxNumberLength")) {
            return "a number longer than " + max + " characters";
        }
        if (jackson.contains("getMaxStringLength")) {
            return "a text longer than " + max + " characters";
        }
        if (jackson.contains("getMaxNameLength")) {
            return "a field name longer than " + max + " characters";
        }
        return "too large: " + oneLine(jackson);
    }

    /** Parses YAML (one document). An empty document is an empty mapping. */
    public static Node readYaml(String file, String text) {
        checkSize(file, text);
        text = withoutBom(text);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        options.setCodePointLimit(MAX_CHARS + 1);
        options.setAllowRecursiveKeys(false);
        try {
            org.yaml.snakeyaml.nodes.Node root = new Yaml(options).compose(new StringReader(text));
            Node.Where top = new Node.Where(file, 1, 1, "");
            return root == null ? Node.emptyMap(top) : convert(root, top, 0, new int[1]);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new DocException(file, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, "not valid YAML: " + withoutContent(oneLine(what)));
        } catch (YAMLException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            throw new DocException(file, 0, 0, m.startsWith("Nesting Depth exceeded")
                    ? "nesting deeper than " + MAX_DEPTH + " levels"
                    : m.startsWith("Number of aliases") ? "more than " + MAX_ALIASES + " aliases of lists or mappings"
                    : "not valid YAML: " + oneLine(m));
        } catch (StackOverflowError e) {
            throw new DocException(file, 0, 0, "nesting deeper than " + MAX_DEPTH + " levels");
        } catch (DocException e) {
            throw e;
        } catch (RuntimeException e) {
            // SnakeYAML lets a few of its own failures out unwrapped: a truncated backslash-u escape
            // ends in NumberFormatException. Still the input's fault, never the caller's problem.
            throw new DocException(file, 0, 0, "not valid YAML: the parser failed on it"
                    + (e instanceof NumberFormatException ? " (a broken escape such as \\u without four hex digits?)" : ""));
        }
    }

    private static Node convert(org.yaml.snakeyaml.nodes.Node n, Node.Where where, int depth, int[] values) {
        if (depth > MAX_DEPTH) {
            throw new DocException(where.file(), where.line(), where.column(),
                    "nesting deeper than " + MAX_DEPTH + " levels");
        }
        countValue(where, values);
        if (!PLAIN_TAGS.contains(n.getTag())) {
            throw new DocException(where.file(), where.line(), where.column(), "the tag '"
                    + TextCheck.preview(n.getTag().getValue()) + "' is not allowed: write plain values");
        }
        if (n instanceof ScalarNode s) {
            boolean quoted = s.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
            boolean isNull = !quoted && Tag.NULL.equals(s.getTag());
            checkText(s.getValue(), where);
            return new Node.Scalar(isNull ? null : s.getValue(), quoted, where);
        }
        if (n instanceof SequenceNode seq) {
            List<Node> items = new ArrayList<>();
            int i = 0;
            for (org.yaml.snakeyaml.nodes.Node item : seq.getValue()) {
                Mark m = item.getStartMark();
                items.add(convert(item, where.item(i++, m.getLine() + 1, m.getColumn() + 1), depth + 1, values));
            }
            return new Node.Seq(items, where);
        }
        MappingNode map = (MappingNode) n;
        LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            Mark km = t.getKeyNode().getStartMark();
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new DocException(where.file(), km.getLine() + 1, km.getColumn() + 1,
                        "a key must be plain text, not a list or mapping");
            }
            checkText(key.getValue(), new Node.Where(where.file(), km.getLine() + 1, km.getColumn() + 1, where.path()));
            Mark vm = t.getValueNode().getStartMark();
            Node.Where childWhere = where.child(key.getValue(), km.getLine() + 1, km.getColumn() + 1);
            if (entries.containsKey(key.getValue())) {
                throw new DocException(where.file(), km.getLine() + 1, km.getColumn() + 1,
                        "duplicate key " + TextCheck.key(key.getValue()));
            }
            Node value = convert(t.getValueNode(), new Node.Where(where.file(), vm.getLine() + 1,
                    vm.getColumn() + 1, childWhere.path()), depth + 1, values);
            entries.put(key.getValue(), value);
        }
        return new Node.Map(entries, where);
    }

    /** Parses JSON (one value). Duplicate keys are an error. */
    public static Node readJson(String file, String text) {
        checkSize(file, text);
        text = withoutBom(text);
        try (JsonParser p = JSON.createParser(text)) {
            try {
                p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
                JsonToken first = p.nextToken();
                if (first == null) {
                    throw new DocException(file, 1, 1, "empty JSON document");
                }
                Node root = readJsonValue(p, new Node.Where(file, 1, 1, ""), 0, new int[1]);
                if (p.nextToken() != null) {
                    JsonLocation l = p.currentTokenLocation();
                    throw new DocException(file, l.getLineNr(), l.getColumnNr(), "unexpected text after the JSON value");
                }
                return root;
            } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
                // Its own location is empty, and the token's may be the field name before the value:
                // the parser stands at the end of the value, on its line (no JSON number, text or
                // name spans lines); its column would be the end, so none is given.
                JsonLocation l = p.currentLocation();
                throw new DocException(file, Math.max(0, l.getLineNr()), 0,
                        tooLarge(e.getOriginalMessage() == null ? "" : e.getOriginalMessage()));
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new DocException(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    "not valid JSON: " + plainJson(withoutContent(oneLine(e.getOriginalMessage()))));
        } catch (IOException e) {
            throw new DocException(file, 0, 0, "cannot read: " + e.getMessage());
        } catch (DocException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DocException(file, 0, 0, "not valid JSON: the parser failed on it");
        }
    }

    private static Node readJsonValue(JsonParser p, Node.Where where, int depth, int[] values) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        Node.Where here = new Node.Where(where.file(), start.getLineNr(), start.getColumnNr(), where.path());
        if (depth > MAX_DEPTH) {
            throw new DocException(where.file(), here.line(), here.column(), "nesting deeper than " + MAX_DEPTH + " levels");
        }
        countValue(here, values);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    checkText(key, new Node.Where(where.file(), kl.getLineNr(), kl.getColumnNr(), here.path()));
                    p.nextToken();
                    Node.Where child = here.child(key, kl.getLineNr(), kl.getColumnNr());
                    entries.put(key, readJsonValue(p, child, depth + 1, values));
                }
                return new Node.Map(entries, here);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    JsonLocation il = p.currentTokenLocation();
                    items.add(readJsonValue(p, here.item(i++, il.getLineNr(), il.getColumnNr()), depth + 1, values));
                }
                return new Node.Seq(items, here);
            }
            case VALUE_NULL -> {
                return new Node.Scalar(null, false, here);
            }
            case VALUE_STRING -> {
                checkText(p.getText(), here);
                return new Node.Scalar(p.getText(), true, here);
            }
            default -> {
                return new Node.Scalar(p.getText(), false, here);
            }
        }
    }

    private static void countValue(Node.Where where, int[] values) {
        if (++values[0] > MAX_VALUES) {
            throw new DocException(where.file(), where.line(), where.column(), "more than " + MAX_VALUES
                    + " values (lists, mappings and texts, aliases expanded)");
        }
    }

    private static void checkText(String text, Node.Where where) {
        String bad = TextCheck.problem(text);
        if (bad != null) {
            throw new DocException(new pajakdx.base.Problem(where.file(), where.line(), where.column(),
                    where.path().isEmpty() ? null : where.path(), bad));
        }
    }

    /** A byte-order mark is an encoding detail, not content. */
    private static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static void checkSize(String file, String text) {
        if (text.length() > MAX_CHARS) {
            throw new DocException(file, 0, 0, "larger than " + MAX_CHARS + " characters");
        }
    }

    /**
     * A parser's message without the text of the document it may quote (an unrecognised token, a
     * duplicate key): the file and line locate the problem; the content may be a secret.
     */
    static String withoutContent(String message) {
        String m = message.replaceAll("(?i)(unrecognized token) '[^']*'", "$1");
        java.util.regex.Matcher dup = java.util.regex.Pattern.compile("(?i)(?:found )?(duplicate (?:key|field)) '?(.*?)'?$")
                .matcher(m);
        if (dup.matches()) {
            return dup.group(1) + " " + TextCheck.key(dup.group(2));
        }
        return m;
    }

    /**
     * Jackson's message in the words of a person who wrote the JSON: without the parser's own
     * notes ({@code [Source: ...]}, feature names, character codes).
     */
    static String plainJson(String m) {
        String s = m.replaceAll("\\s*\\(start marker at \\[Source:.*$", "")
                .replaceAll("\\s*at \\[Source:.*$", "")
                .replaceAll(" \\(code \\d+\\)", "");
        if (s.startsWith("Unexpected end-of-input")) {
            return "the text ends before the JSON is complete (an object or list is not closed)";
        }
        java.util.regex.Matcher c = java.util.regex.Pattern.compile("^Unexpected character \\(('.{1,4}')\\): (.*)$")
                .matcher(s);
        if (c.matches()) {
            return "unexpected " + c.group(1) + ": " + c.group(2).replace("was expecting", "expected");
        }
        return s.replace("was expecting", "expected");
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String flat = s.replaceAll("\\s+", " ").trim();
        return Masking.abbreviate(flat, 200);
    }
}
