package pajakdx.doc;

import pajakdx.text.TextCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Typed access to a mapping's fields, with messages that name the field and line. */
public final class Fields {
    private final Node.Map map;

    private Fields(Node.Map map) {
        this.map = map;
    }

    /** Wraps {@code node}, which must be a mapping. */
    public static Fields of(Node node, String what) {
        if (node instanceof Node.Map m) {
            return new Fields(m);
        }
        throw DocException.at(node, "expected " + what + " (a mapping of fields), found " + node.kind());
    }

    public Node.Map node() {
        return map;
    }

    /**
     * Rejects any key outside {@code allowed}, naming it (when it looks like a field name, see
     * {@link TextCheck#key}) and the allowed ones.
     */
    public Fields allowOnly(Set<String> allowed) {
        for (var e : map.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String list = String.join(", ", allowed.stream().sorted().toList());
                if (TextCheck.keyLike(e.getKey())) {
                    throw DocException.at(e.getValue(), "unknown field '" + e.getKey() + "' (allowed: " + list + ")");
                }
                Node.Where w = e.getValue().where();
                String parent = map.where().path();
                throw new DocException(new pajakdx.base.Problem(w.file(), w.line(), 0, parent.isEmpty() ? null : parent,
                        "unknown field " + TextCheck.key(e.getKey()) + " (allowed: " + list + ")"));
            }
        }
        return this;
    }

    public boolean has(String key) {
        Node n = map.get(key);
        return n != null && !(n instanceof Node.Scalar s && s.isNull());
    }

    public Node get(String key) {
        return map.get(key);
    }

    /** A required text field. */
    public String string(String key) {
        Node n = map.get(key);
        if (n == null) {
            throw DocException.at(map, "missing field '" + key + "'");
        }
        return scalar(n, key);
    }

    /** An optional text field, or {@code fallback}. */
    public String string(String key, String fallback) {
        return has(key) ? scalar(map.get(key), key) : fallback;
    }

    /** An optional whole number, or {@code fallback}. */
    public int integer(String key, int fallback) {
        if (!has(key)) {
            return fallback;
        }
        String s = scalar(map.get(key), key);
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw DocException.at(map.get(key), "'" + s + "' is not a whole number");
        }
    }

    /** An optional yes/no flag, or {@code fallback}. */
    public boolean flag(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        String s = scalar(map.get(key), key).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "true", "yes", "ya", "y" -> true;
            case "false", "no", "tidak", "n" -> false;
            default -> throw DocException.at(map.get(key), "'" + s + "' is not true or false");
        };
    }

    /** An optional list of text items (a single text counts as a list of one). */
    public List<String> strings(String key) {
        Node n = map.get(key);
        if (n == null || n instanceof Node.Scalar s && s.isNull()) {
            return List.of();
        }
        if (n instanceof Node.Scalar s) {
            return List.of(s.text());
        }
        if (n instanceof Node.Seq seq) {
            List<String> out = new ArrayList<>();
            for (Node item : seq.items()) {
                out.add(scalar(item, key));
            }
            return out;
        }
        throw DocException.at(n, "expected a list of texts, found " + n.kind());
    }

    /** An optional list of nodes. */
    public List<Node> list(String key) {
        Node n = map.get(key);
        if (n == null || n instanceof Node.Scalar s && s.isNull()) {
            return List.of();
        }
        if (n instanceof Node.Seq seq) {
            return seq.items();
        }
        throw DocException.at(n, "expected a list, found " + n.kind());
    }

    /** The text of a scalar node. */
    public static String scalar(Node n, String what) {
        if (n instanceof Node.Scalar s && !s.isNull()) {
            return s.text();
        }
        throw DocException.at(n, "expected a text for '" + what + "', found " + n.kind());
    }
}
