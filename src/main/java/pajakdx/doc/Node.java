package pajakdx.doc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON document node that remembers where it came from (file, line, column, and
 * its dotted path), so every complaint about it can say exactly where. Scalars stay text: the
 * vocabulary, not the YAML parser, decides whether {@code no} is a yes/no answer.
 */
public sealed interface Node permits Node.Scalar, Node.Seq, Node.Map {

    /** Where the node is: file, line, column and its path in the document. */
    Where where();

    /** A short name of the node's kind for messages: "text", "list", "mapping". */
    String kind();

    /** A scalar value; {@code text} is null for YAML/JSON null. */
    record Scalar(String text, boolean quoted, Where where) implements Node {
        public boolean isNull() {
            return text == null;
        }

        @Override
        public String kind() {
            return isNull() ? "null" : "text";
        }
    }

    /** A list. */
    record Seq(List<Node> items, Where where) implements Node {
        public Seq {
            items = Collections.unmodifiableList(items);
        }

        @Override
        public String kind() {
            return "list";
        }
    }

    /** A mapping with keys in document order. */
    record Map(java.util.Map<String, Node> entries, Where where) implements Node {
        public Map {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "mapping";
        }

        public Node get(String key) {
            return entries.get(key);
        }
    }

    /**
     * A node's location.
     *
     * @param file   the file as named to the user
     * @param line   1-based line (0 if unknown)
     * @param column 1-based column (0 if unknown)
     * @param path   dotted path from the document root, e.g. {@code findings.npwp}
     */
    record Where(String file, int line, int column, String path) {
        public Where child(String key, int childLine, int childColumn) {
            return new Where(file, childLine, childColumn, path.isEmpty() ? key : path + "." + key);
        }

        public Where item(int index, int childLine, int childColumn) {
            return new Where(file, childLine, childColumn, path + "[" + index + "]");
        }
    }

    /** Empty mapping used for absent optional sections. */
    static Map emptyMap(Where where) {
        return new Map(java.util.Map.of(), where);
    }
}
