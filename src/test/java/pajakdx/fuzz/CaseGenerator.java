package pajakdx.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import pajakdx.facts.FindingType;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.FindingDef;
import pajakdx.knowledge.MessagePattern;

/**
 * Builds case documents from the rule base's vocabulary: mostly well-formed and plausible (so
 * that many reach a diagnosis), with a share of wrong types, unknown ids, odd values, odd
 * shapes and sizes at and past the limits.
 */
public final class CaseGenerator {
    private static final List<String> TOP_FIELDS = List.of("id", "title", "as_of", "problem", "findings", "errors",
            "messages", "expect", "note");
    private static final List<String> EXPECT_FIELDS = List.of("confirmed", "suspected", "ruled_out", "absent",
            "first_remedy", "remedies", "questions", "first_question");

    private final Catalog catalog;
    private final List<FindingDef> findings;
    private final List<String> problems;

    public CaseGenerator(Catalog catalog) {
        this.catalog = catalog;
        this.findings = new ArrayList<>(catalog.findings().values());
        this.problems = catalog.findings().get(Catalog.PROBLEM).valueIds();
    }

    /** A case document; {@code wild} in 0..9 says how far from a good case to stray (0 = always valid). */
    public Doc.Mapping generate(Random r, int wild) {
        Doc.Mapping root = new Doc.Mapping();
        if (r.nextInt(4) != 0) {
            root.put("id", strays(r, wild) ? anyValue(r) : "fuzz-" + r.nextInt(1_000_000));
        }
        if (r.nextInt(3) == 0) {
            root.put("title", strays(r, wild) ? anyValue(r) : Hostile.pick(r, Hostile.VALUES));
        }
        if (r.nextInt(8) != 0) {
            root.put("as_of", strays(r, wild) ? Hostile.pick(r, Hostile.VALUES) : validDate(r, true));
        }
        root.put("problem", strays(r, wild) ? anyValue(r) : problems.get(r.nextInt(problems.size())));
        if (r.nextInt(6) != 0) {
            root.put("findings", strays(r, wild) && r.nextInt(4) == 0 ? anyValue(r) : findings(r, wild));
        }
        if (r.nextInt(4) == 0) {
            root.put(r.nextBoolean() ? "errors" : "messages", messages(r, wild));
        }
        if (r.nextInt(10) == 0) {
            root.put("expect", expect(r, wild));
        }
        if (r.nextInt(12) == 0) {
            root.put("note", Hostile.pick(r, Hostile.VALUES));
        }
        if (strays(r, wild) && r.nextInt(3) == 0) {
            // unknown, misspelt or repeated top-level fields
            String k = r.nextBoolean() ? TOP_FIELDS.get(r.nextInt(TOP_FIELDS.size())) : Hostile.randomString(r, 12);
            root.put(r.nextBoolean() ? k : k + "x", anyValue(r));
        }
        if (r.nextInt(8) == 0) {
            shuffle(root.entries(), r);
        }
        return root;
    }

    private static boolean strays(Random r, int wild) {
        return r.nextInt(20) < wild;
    }

    private Object findings(Random r, int wild) {
        Doc.Mapping m = new Doc.Mapping();
        int n = r.nextInt(40) == 0 ? 450 + r.nextInt(150) : r.nextInt(9);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            FindingDef def = findings.get(r.nextInt(findings.size()));
            boolean stray = strays(r, wild);
            if (!stray && (def.id().equals(Catalog.PROBLEM) || !used.add(def.id()))) {
                continue; // a good case names each finding once, and the problem at the top
            }
            Object key = def.id();
            if (stray && r.nextInt(3) == 0) {
                key = switch (r.nextInt(5)) {
                    case 0 -> def.id() + "x";
                    case 1 -> def.id().toUpperCase(java.util.Locale.ROOT);
                    case 2 -> Hostile.randomString(r, 20);
                    case 3 -> "";
                    default -> def.id().substring(0, def.id().length() / 2);
                };
            }
            m.put(key, stray ? anyValue(r) : validValue(def, r));
        }
        return m;
    }

    /** A value the vocabulary accepts for {@code def} (including the ways of saying "unknown"). */
    Object validValue(FindingDef def, Random r) {
        if (r.nextInt(8) == 0) {
            return r.nextBoolean() ? "unknown" : null;
        }
        FindingType type = def.type();
        return switch (type) {
            case YES_NO -> Hostile.pick(r, List.of("yes", "no", "ya", "tidak", "Y", "n", "sudah", "belum"));
            case CHOICE -> def.valueIds().get(r.nextInt(def.valueIds().size()));
            case DATE -> validDate(r, false);
            case NUMBER -> r.nextBoolean() ? (Object) (long) r.nextInt(100) : String.valueOf(r.nextInt(10_000));
            case TEXT -> r.nextBoolean() ? "catatan " + r.nextInt(100) : "Catatan: " + Hostile.randomString(r, 10);
            case IDENTIFIER -> identifier(def.formats().get(r.nextInt(def.formats().size())), r);
        };
    }

    private static String validDate(Random r, boolean withTime) {
        String d = String.format("%04d-%02d-%02d", 1983 + r.nextInt(118), 1 + r.nextInt(12), 1 + r.nextInt(28));
        return withTime && r.nextInt(3) == 0 ? d + String.format("T%02d:%02d", r.nextInt(24), r.nextInt(60)) : d;
    }

    /** A well-formed identifier of {@code format}, written plain or with the usual separators. */
    static String identifier(String format, Random r) {
        StringBuilder d = new StringBuilder();
        int length = switch (format) {
            case "npwp15" -> 15;
            case "nitku" -> 22;
            default -> 16;
        };
        for (int i = 0; i < length; i++) {
            d.append((char) ('0' + r.nextInt(10)));
        }
        if (format.equals("npwp16")) {
            d.setCharAt(0, '0');
        } else if (format.equals("nik") && d.charAt(0) == '0') {
            d.setCharAt(0, '3');
        }
        String s = d.toString();
        if (format.equals("npwp15") && r.nextBoolean()) {
            return s.substring(0, 2) + "." + s.substring(2, 5) + "." + s.substring(5, 8) + "." + s.charAt(8) + "-"
                    + s.substring(9, 12) + "." + s.substring(12);
        }
        return r.nextInt(4) == 0 ? s.replaceAll("(\\d{4})(?=\\d)", "$1 ") : s;
    }

    private Object messages(Random r, int wild) {
        List<Object> out = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (!catalog.messages().isEmpty() && r.nextBoolean()) {
                MessagePattern p = catalog.messages().get(r.nextInt(catalog.messages().size()));
                out.add("Error: NPWP " + identifier("npwp15", r) + " tidak ditemukan (" + p.id() + ")");
            } else if (strays(r, wild)) {
                out.add(r.nextInt(30) == 0 ? "a".repeat(1990 + r.nextInt(20)) : anyValue(r));
            } else {
                out.add(Hostile.pick(r, Hostile.VALUES));
            }
        }
        return r.nextInt(6) == 0 && !out.isEmpty() ? out.get(0) : out;
    }

    private Object expect(Random r, int wild) {
        Doc.Mapping m = new Doc.Mapping();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            String k = EXPECT_FIELDS.get(r.nextInt(EXPECT_FIELDS.size()));
            m.put(strays(r, wild) && r.nextInt(3) == 0 ? k + "s" : k, strays(r, wild) ? anyValue(r)
                    : List.of(catalog.causes().keySet().stream().findFirst().orElse("x")));
        }
        return m;
    }

    /** Any value at all: a scalar of any type, a list, a mapping, sometimes deeply nested or huge. */
    Object anyValue(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> r.nextLong();
            case 3 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
            case 4 -> Hostile.randomString(r, 30);
            case 5 -> List.of(Hostile.pick(r, Hostile.VALUES), r.nextInt(5));
            case 6 -> new Doc.Mapping().put(Hostile.pick(r, Hostile.VALUES), Hostile.pick(r, Hostile.VALUES));
            case 7 -> nested(r, 1 + r.nextInt(r.nextInt(10) == 0 ? 60 : 8));
            case 8 -> r.nextInt(10) == 0 ? "x".repeat(r.nextInt(3) == 0 ? 1_000_001 : 2_001) : Hostile.randomString(r, 300);
            default -> Hostile.pick(r, Hostile.VALUES);
        };
    }

    private static Object nested(Random r, int depth) {
        Object v = "leaf";
        for (int i = 0; i < depth; i++) {
            v = r.nextBoolean() ? List.of(v) : new Doc.Mapping().put("k" + i, v);
        }
        return v;
    }

    private static <T> void shuffle(List<T> list, Random r) {
        java.util.Collections.shuffle(list, r);
    }
}
