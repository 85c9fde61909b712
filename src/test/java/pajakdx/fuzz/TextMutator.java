package pajakdx.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Damages document text the way files get damaged: cut, spliced, re-encoded, typed over. */
final class TextMutator {
    private TextMutator() {
    }

    /** Applies one to four random mutations. */
    static String mutate(String text, Random r) {
        String t = text;
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            t = once(t, r);
        }
        return t;
    }

    static String once(String t, Random r) {
        int at = t.isEmpty() ? 0 : r.nextInt(t.length() + 1);
        return switch (r.nextInt(16)) {
            case 0 -> t.substring(0, at); // truncated
            case 1 -> t.substring(0, at) + Hostile.randomChar(r) + t.substring(Math.min(t.length(), at + 1));
            case 2 -> t.substring(0, at) + Hostile.randomString(r, 8) + t.substring(at);
            case 3 -> t.substring(0, at) + t.substring(Math.min(t.length(), at + 1 + r.nextInt(20)));
            case 4 -> t.substring(0, at) + t.substring(at, Math.min(t.length(), at + r.nextInt(40))) + t.substring(at);
            case 5 -> t.substring(0, at) + Hostile.pick(r, Hostile.YAML_SNIPPETS) + t.substring(at);
            case 6 -> t.substring(0, at) + Hostile.pick(r, Hostile.VALUES) + t.substring(at);
            case 7 -> lines(t, r);
            case 8 -> "\uFEFF" + t;
            case 9 -> t.replace("\n", r.nextBoolean() ? "\r\n" : "\r");
            case 10 -> t.substring(0, at) + "\u0000" + t.substring(at);
            case 11 -> t + t; // everything twice: duplicate keys, or a second document
            case 12 -> t.replaceFirst(": ", ":");
            case 13 -> t.replace("  ", r.nextBoolean() ? "\t" : "   ");
            case 14 -> t.substring(0, at) + "\n" + t.substring(at);
            default -> t.substring(0, at) + (r.nextBoolean() ? "[" : "{").repeat(1 + r.nextInt(50)) + t.substring(at);
        };
    }

    private static String lines(String t, Random r) {
        List<String> lines = new ArrayList<>(Arrays.asList(t.split("\n", -1)));
        if (lines.size() < 2) {
            return t;
        }
        int a = r.nextInt(lines.size());
        int b = r.nextInt(lines.size());
        switch (r.nextInt(3)) {
            case 0 -> java.util.Collections.swap(lines, a, b);
            case 1 -> lines.add(b, lines.get(a)); // a repeated line: usually a duplicate key
            default -> lines.set(a, " ".repeat(r.nextInt(6)) + lines.get(a).strip());
        }
        return String.join("\n", lines);
    }
}
