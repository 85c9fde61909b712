package pajakdx.fuzz;

import java.util.List;
import java.util.Random;

/** Palettes of awkward values and snippets the generators draw from. */
final class Hostile {
    private Hostile() {
    }

    /** Values that are wrong, borderline or odd for some finding type. */
    static final List<String> VALUES = List.of(
            "", " ", "unknown", "UNKNOWN", "?", "tidak tahu", "tdk tahu", "ya", "tidak", "no", "NO", "Yes", "y",
            "true", "false", "~", "null", "Null", "0", "-0", "-1", "007", "1e999", "1E-999", "NaN", ".inf", "-.Inf",
            "0x1F", "0o17", "0b101", "1_000", "1.500", "1.500.000", "1,5", "12,345,678", "3.0", "3.10",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1" + "0".repeat(400),
            "2025-02-30", "2025-13-01", "2025-00-10", "0000-01-01", "+999999999-12-31", "-999999999-01-01",
            "1982-12-31", "1983-01-01", "2100-12-31", "2101-01-01", "2025-1-5", "05-01-2025", "2025/01/05",
            "2025-01-01T24:00", "2025-01-01T23:59:60", "2025-01-01 09:30 WIB", "2025-01-01T09:30+07:00",
            "2025-01-01T09:30Z", "2025-01-01T09:30+18:00", "2025-01-01T09:30-18:00", "2025-01-01T09:30+19:00",
            "+999999999-12-31T23:59-18:00", "-999999999-01-01T00:00+18:00", "2025-01-01T", "T09:30",
            "01.234.567.8-901.000", "012345678901000", "0123456789010000", "3201123456789012",
            "0123456789010000000001", "01234567890100", "01.234.567.8–901.000", "01 234 567 8 901 000",
            "０１２３４５６７８９０１０００", "٠١٢٣٤٥٦٧٨٩٠١٠٠٠", "01.234.567.8-901.00O", "NPWP 012345678901000",
            "0123456789010000\u00a0", "\u200b012345678901000", "**.***.***.*-***.000",
            "\u202Eevil", "\u0000", "a\u0000b", "\uD800", "x\uDFFFy", "\uFEFF", "\uFFFE", "\u0085", "\u2028",
            "\u001b[31mred", "\u0007", "ẞ", "İstanbul", "ﬃ", "👍🏽", "e\u0301", "\u200b", "مرحبا", "你好",
            "ᄀᄀᄀ각ᆨᆨ", "𝟘𝟙𝟚", "(a+)+$", "((a*)*)*", "\"'`", "- a", ": b", "#c", "&a", "*a", "!tag", "%x", "@x",
            "`x", "|", ">", "---", "...", "{", "[", "}", "]", ",", "'", "\"", "\\", "\\u0000", "\\x00",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "#{7*7}", "%s%s%n", "../../etc/passwd",
            "impersonate-fails", "cannot-access-coretax", "test-identity-rejected", "pic", "none", "PIC");

    /** YAML fragments that exercise the parser's hostile paths. */
    static final List<String> YAML_SNIPPETS = List.of(
            "!!java.lang.ProcessBuilder [\"true\"]", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                    + "[[!!java.net.URL [\"http://localhost/\"]]]]",
            "!<tag:yaml.org,2002:java.io.File> /etc/passwd", "!!python/object:os.system echo",
            "!foo bar", "!!binary aGVsbG8=", "!!set {a, b}", "!!omap [a: 1]", "!!timestamp 2025-01-01", "!!str 12",
            "!!int x", "!!float 1e999", "!!null ''", "!!bool maybe", "&a [1, 2]", "*a", "*undefined",
            "<<: {id: x}", "? [a]\n: b", "? complex\n: key", "%YAML 1.1\n---", "%TAG ! tag:example.com,2000:\n---",
            "--- \n...", "\"\\u0000\"", "\"\\u12", "\"\\x07\"", "\"\\ud800\"", "\"\\U0001F600\"", "'it''s'", "|\n  block\n  text",
            ">-\n  folded", "\t- tab", "key: [1, 2", "key: {a: 1", "key: 'unterminated", "key: \"unterminated",
            "a: b: c", "- - - -", "[[[[[[[[", "{{{{{{", "]]]]", "@reserved", "`reserved");

    /** Characters a mutation inserts or swaps in. */
    static final String STRUCTURAL = ":-[]{},&*!|>'\"%@#`?\n\t \\\r.";

    static String pick(Random r, List<String> list) {
        return list.get(r.nextInt(list.size()));
    }

    /** A random character: structural, ASCII, or from odd corners of Unicode. */
    static String randomChar(Random r) {
        return switch (r.nextInt(8)) {
            case 0, 1 -> String.valueOf(STRUCTURAL.charAt(r.nextInt(STRUCTURAL.length())));
            case 2, 3 -> String.valueOf((char) (32 + r.nextInt(95)));
            case 4 -> String.valueOf((char) r.nextInt(32));
            case 5 -> String.valueOf((char) (0x80 + r.nextInt(0x800)));
            case 6 -> String.valueOf((char) (0xD7FF + r.nextInt(0x2802))); // surrogates, private use, FFxx
            default -> new String(Character.toChars(0x10000 + r.nextInt(0x10FFFF - 0x10000)));
        };
    }

    /** A random string of 1 to {@code max} random characters. */
    static String randomString(Random r, int max) {
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(max);
        for (int i = 0; i < n; i++) {
            s.append(randomChar(r));
        }
        return s.toString();
    }
}
