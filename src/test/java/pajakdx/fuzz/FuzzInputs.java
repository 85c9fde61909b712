package pajakdx.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import pajakdx.doc.DocReader;

/**
 * The stream of hostile case inputs. Input {@code i} of seed {@code s} depends on nothing else,
 * so any one of them can be replayed alone.
 */
final class FuzzInputs {
    /**
     * One input: text for {@code Case.parse}, or file content (bytes, a folder, or nothing at
     * all) for {@code Case.read}.
     */
    record Input(int index, String kind, String name, String text, byte[] fileBytes, boolean folder,
                 boolean missing) {
        boolean viaFile() {
            return fileBytes != null || folder || missing;
        }

        int size() {
            return fileBytes != null ? fileBytes.length : text == null ? 0 : text.length();
        }
    }

    private final CaseGenerator generator;
    private final List<String> seeds;
    private final long seed;

    /** {@code seeds}: texts of real cases (facts/ and test cases) to mutate; name ends tell YAML from JSON. */
    FuzzInputs(CaseGenerator generator, List<String> seeds, long seed) {
        this.generator = generator;
        this.seeds = seeds;
        this.seed = seed;
    }

    Input get(int index) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + index);
        boolean json = r.nextInt(3) == 0;
        String name = "fuzz-" + index + (json ? ".json" : r.nextBoolean() ? ".yaml" : ".yml");
        int roll = r.nextInt(100);
        String kind;
        String text;
        if (roll < 30) {
            kind = "generated";
            text = render(generator.generate(r, r.nextBoolean() ? 0 : r.nextInt(10)), json, r);
        } else if (roll < 62) {
            kind = "mutated";
            String base = r.nextBoolean() ? seeds.get(r.nextInt(seeds.size()))
                    : render(generator.generate(r, 0), json, r);
            text = TextMutator.mutate(base, r);
        } else if (roll < 80) {
            kind = "hostile";
            text = hostile(r, json);
        } else if (roll < 88) {
            kind = "garbage";
            text = garbage(r);
        } else {
            return viaFile(index, r, json);
        }
        return new Input(index, kind, name, text, null, false, false);
    }

    private static String render(Object doc, boolean json, Random r) {
        return json ? Doc.json(doc, r) : Doc.yaml(doc, r);
    }

    /** Documents built to hit one limit or parser feature each. */
    private String hostile(Random r, boolean json) {
        int which = r.nextInt(12);
        if ((which == 4 || which == 5) && r.nextInt(10) != 0) {
            which = 11; // documents at the size limits take a SnakeYAML parse of up to half a second: keep them rare
        }
        switch (which) {
            case 0: { // billion laughs: each level refers to the one before several times
                int levels = 2 + r.nextInt(30);
                int width = 2 + r.nextInt(8);
                StringBuilder s = new StringBuilder("id: bomb\na0: &a0 [\"lol\", \"lol\"]\n");
                for (int i = 1; i <= levels; i++) {
                    s.append('a').append(i).append(": &a").append(i).append(" [");
                    for (int w = 0; w < width; w++) {
                        s.append(w == 0 ? "" : ", ").append("*a").append(i - 1);
                    }
                    s.append("]\n");
                }
                return s.append("findings: {x: *a").append(levels).append("}\n").toString();
            }
            case 1: { // one big text referred to many times
                String big = "x".repeat(1 + r.nextInt(20_000));
                StringBuilder s = new StringBuilder("id: &big \"" + big + "\"\ntitle: [");
                int n = 1 + r.nextInt(200);
                for (int i = 0; i < n; i++) {
                    s.append(i == 0 ? "" : ", ").append("*big");
                }
                return s.append("]\n").toString();
            }
            case 2: { // deep nesting, around the limit and far past it
                int depth = r.nextBoolean() ? DocReader.MAX_DEPTH - 2 + r.nextInt(6) : 1 + r.nextInt(20_000);
                String open = json ? "[" : r.nextBoolean() ? "[" : "{a: ";
                String close = open.equals("[") ? "]" : "}";
                String inner = open.repeat(depth) + (open.equals("[") ? "1" : "1") + close.repeat(depth);
                return json ? "{\"id\": \"deep\", \"findings\": " + inner + "}" : "id: deep\nfindings: " + inner + "\n";
            }
            case 3: { // deep block nesting by indentation
                int depth = DocReader.MAX_DEPTH - 3 + r.nextInt(8);
                StringBuilder s = new StringBuilder("findings:\n");
                for (int i = 1; i <= depth; i++) {
                    s.append("  ".repeat(i)).append("k").append(i).append(":\n");
                }
                return s.append("  ".repeat(depth + 1)).append("v\n").toString();
            }
            case 4: { // a text at and past the size limit
                int size = DocReader.MAX_CHARS - 20 + r.nextInt(40);
                return json ? "{\"title\": \"" + "y".repeat(size) + "\"}" : "title: " + "y".repeat(size) + "\n";
            }
            case 5: { // more values than allowed, in one flow list
                int n = DocReader.MAX_VALUES - 5 + r.nextInt(10);
                StringBuilder s = new StringBuilder(json ? "{\"errors\": [" : "errors: [");
                for (int i = 0; i < n; i++) {
                    s.append(i == 0 ? "" : ",").append('1');
                }
                return s.append(json ? "]}" : "]\n").toString();
            }
            case 6: { // many findings: at and past the per-case limit
                Doc.Mapping findings = new Doc.Mapping();
                int n = 495 + r.nextInt(10);
                for (int i = 0; i < n; i++) {
                    findings.put("f" + i, "yes");
                }
                return render(new Doc.Mapping().put("as_of", "2025-01-01").put("findings", findings), json, r);
            }
            case 7: // tags, anchors, directives and other YAML features
                return "id: t\n" + (r.nextBoolean() ? "title: " : "findings: ") + Hostile.pick(r, Hostile.YAML_SNIPPETS)
                        + "\n";
            case 8: // several documents or directives
                return r.nextBoolean() ? "id: a\n---\nid: b\n" : "%YAML 1.2\n---\nid: a\n...\n";
            case 9: { // duplicate keys, directly or by case
                return json ? "{\"id\": \"a\", \"findings\": {\"x\": 1, \"x\": 2}}"
                        : "id: a\nfindings:\n  badan.last-login-shown: no\n  badan.last-login-shown: yes\n";
            }
            case 10: // a long line of random characters
                return "title: " + Hostile.randomString(r, 5_000) + "\n";
            default: { // odd characters in keys and values
                Doc.Mapping m = new Doc.Mapping().put("problem", "impersonate-fails");
                m.put(Hostile.randomString(r, 5), Hostile.pick(r, Hostile.VALUES));
                return render(m, json, r);
            }
        }
    }

    private static String garbage(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Hostile.randomString(r, 400);
            case 1 -> {
                byte[] b = new byte[r.nextInt(400)];
                r.nextBytes(b);
                yield new String(b, StandardCharsets.ISO_8859_1);
            }
            case 2 -> {
                StringBuilder s = new StringBuilder();
                String[] tokens = {"{", "}", "[", "]", ",", ":", "\"a\"", "1", "null", "true", "-", "1e5", "\"\\u", " "};
                int n = r.nextInt(200);
                for (int i = 0; i < n; i++) {
                    s.append(tokens[r.nextInt(tokens.length)]);
                }
                yield s.toString();
            }
            default -> {
                StringBuilder s = new StringBuilder();
                int n = r.nextInt(200);
                for (int i = 0; i < n; i++) {
                    s.append(Hostile.STRUCTURAL.charAt(r.nextInt(Hostile.STRUCTURAL.length())));
                }
                yield s.toString();
            }
        };
    }

    /** The same kinds of text, saved to a file in some encoding; or no file, or a folder. */
    private Input viaFile(int index, Random r, boolean json) {
        String ext = switch (r.nextInt(6)) {
            case 0 -> ".json";
            case 1 -> ".JSON";
            case 2 -> ".yml";
            case 3 -> "";
            default -> json ? ".json" : ".yaml";
        };
        String name = "file-" + index + ext;
        int roll = r.nextInt(50);
        if (roll == 0) {
            return new Input(index, "file:missing", name, null, null, false, true);
        }
        if (roll == 1) {
            return new Input(index, "file:folder", name, null, null, true, false);
        }
        if (roll == 2 && r.nextInt(4) == 0) { // past the byte limit: rare, it is 4 MB
            byte[] big = new byte[DocReader.MAX_CHARS * 4 + 1 + r.nextInt(10)];
            java.util.Arrays.fill(big, (byte) 'z');
            return new Input(index, "file:huge", name, null, big, false, false);
        }
        String text = r.nextBoolean() ? render(generator.generate(r, r.nextInt(10)), json, r)
                : TextMutator.mutate(seeds.get(r.nextInt(seeds.size())), r);
        byte[] bytes;
        String kind;
        switch (r.nextInt(8)) {
            case 0 -> {
                kind = "file:utf8-bom";
                bytes = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                kind = "file:utf16le";
                bytes = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
            }
            case 2 -> {
                kind = "file:utf16be-no-bom";
                bytes = text.getBytes(StandardCharsets.UTF_16BE);
            }
            case 3 -> {
                kind = "file:latin1";
                bytes = (text + " café").getBytes(StandardCharsets.ISO_8859_1);
            }
            case 4 -> {
                kind = "file:corrupt-bytes";
                bytes = text.getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 1 + r.nextInt(4) && bytes.length > 0; i++) {
                    bytes[r.nextInt(bytes.length)] = (byte) (0x80 + r.nextInt(0x80));
                }
            }
            case 5 -> {
                kind = "file:cut-multibyte";
                byte[] all = (text + "é中👍").getBytes(StandardCharsets.UTF_8);
                bytes = java.util.Arrays.copyOf(all, all.length - 1 - r.nextInt(2));
            }
            default -> {
                kind = "file:utf8";
                bytes = text.getBytes(StandardCharsets.UTF_8);
            }
        }
        return new Input(index, kind, name, null, bytes, false, false);
    }
}
