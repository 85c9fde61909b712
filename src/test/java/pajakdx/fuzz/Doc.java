package pajakdx.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A document tree the generators build before rendering it as YAML or JSON. Mappings are lists
 * of entries so that duplicate keys can be written; scalars carry a Java type so JSON can write
 * numbers, booleans and null as such.
 */
public final class Doc {
    private Doc() {
    }

    public record Entry(Object key, Object value) {
    }

    /** A mapping, possibly with duplicate keys. */
    public record Mapping(List<Entry> entries) {
        Mapping() {
            this(new ArrayList<>());
        }

        Mapping put(Object key, Object value) {
            entries.add(new Entry(key, value));
            return this;
        }
    }

    /** YAML text, in a random mix of block and flow styles and scalar quoting. */
    public static String yaml(Object node, Random r) {
        StringBuilder out = new StringBuilder();
        if (node instanceof Mapping || node instanceof List<?>) {
            block(node, 0, r, out, r.nextInt(10) == 0 ? 4 : 2);
        } else {
            out.append(scalar(node, r)).append('\n');
        }
        return out.toString();
    }

    private static void block(Object node, int indent, Random r, StringBuilder out, int step) {
        String pad = " ".repeat(indent);
        if (node instanceof Mapping m) {
            if (m.entries().isEmpty()) {
                out.append(pad).append("{}\n");
            }
            for (Entry e : m.entries()) {
                out.append(pad).append(key(e.key(), r)).append(':');
                writeChild(e.value(), indent, r, out, step);
            }
        } else if (node instanceof List<?> l) {
            if (l.isEmpty()) {
                out.append(pad).append("[]\n");
            }
            for (Object item : l) {
                out.append(pad).append('-');
                writeChild(item, indent, r, out, step);
            }
        }
    }

    private static void writeChild(Object value, int indent, Random r, StringBuilder out, int step) {
        boolean nested = value instanceof Mapping || value instanceof List<?>;
        if (nested && r.nextInt(4) != 0) {
            out.append('\n');
            block(value, indent + step, r, out, step);
        } else {
            out.append(' ').append(flow(value, r)).append('\n');
        }
    }

    private static String flow(Object node, Random r) {
        if (node instanceof Mapping m) {
            List<String> parts = new ArrayList<>();
            for (Entry e : m.entries()) {
                parts.add(key(e.key(), r) + ": " + flow(e.value(), r));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (node instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object item : l) {
                parts.add(flow(item, r));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return scalar(node, r);
    }

    private static String key(Object key, Random r) {
        String k = String.valueOf(key);
        return k.matches("[A-Za-z0-9_.-]+") && r.nextInt(5) != 0 ? k : doubleQuoted(k);
    }

    private static String scalar(Object v, Random r) {
        if (v == null) {
            return r.nextBoolean() ? "null" : "~";
        }
        String s = String.valueOf(v);
        return switch (r.nextInt(6)) {
            case 0 -> s; // plain, even when that is not valid YAML for this text
            case 1 -> "'" + s.replace("'", "''") + "'";
            case 2 -> s.matches("[\\p{L}\\p{N} _.:/+-]*") && !s.isEmpty() ? s : doubleQuoted(s);
            default -> doubleQuoted(s);
        };
    }

    /** A YAML/JSON double-quoted string; control characters and lone surrogates as escapes. */
    static String doubleQuoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) && !validPairAt(s, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c)) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean validPairAt(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /** JSON text; numbers, booleans and null keep their JSON types; duplicate keys are written as given. */
    static String json(Object node, Random r) {
        StringBuilder out = new StringBuilder();
        json(node, r, out, r.nextInt(3) == 0 ? 0 : -1);
        return out.toString();
    }

    private static void json(Object node, Random r, StringBuilder out, int indent) {
        String nl = indent >= 0 ? "\n" + " ".repeat(indent + 2) : "";
        if (node instanceof Mapping m) {
            out.append('{');
            for (int i = 0; i < m.entries().size(); i++) {
                Entry e = m.entries().get(i);
                out.append(i == 0 ? "" : ",").append(nl).append(doubleQuoted(String.valueOf(e.key()))).append(':');
                json(e.value(), r, out, indent >= 0 ? indent + 2 : -1);
            }
            out.append(indent >= 0 && !m.entries().isEmpty() ? "\n" + " ".repeat(indent) : "").append('}');
        } else if (node instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                out.append(i == 0 ? "" : ",").append(nl);
                json(l.get(i), r, out, indent >= 0 ? indent + 2 : -1);
            }
            out.append(indent >= 0 && !l.isEmpty() ? "\n" + " ".repeat(indent) : "").append(']');
        } else if (node == null) {
            out.append("null");
        } else if (node instanceof Number || node instanceof Boolean) {
            out.append(node);
        } else {
            out.append(doubleQuoted(String.valueOf(node)));
        }
    }
}
