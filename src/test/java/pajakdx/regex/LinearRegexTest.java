package pajakdx.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LinearRegexTest {
    private static final String ALPHABET = "abAB 1_-.\n";

    /** Random patterns of the accepted subset must answer exactly as java.util.regex does. */
    @Test
    void randomPatterns_agreeWithJavaUtilRegex_onFindAndMatches() {
        int[] compared = {0};
        forRandomPatterns(20261204, (pattern, java, ours, random) -> {
            for (int j = 0; j < 12; j++) {
                String text = text(random);
                assertEquals(java.matcher(text).find(), ours.find(text), () -> "find /" + pattern + "/ on '" + text + "'");
                assertEquals(java.matcher(text).matches(), ours.matches(text),
                        () -> "matches /" + pattern + "/ on '" + text + "'");
                compared[0]++;
            }
        });
        assertEquals(36_000, compared[0]);
    }

    /**
     * The same on longer texts, plain and prepared: a search skips the stretches where no match
     * can start (see {@code LinearRegex.run}), which only texts longer than a pattern exercise.
     */
    @Test
    void randomPatterns_agreeWithJavaUtilRegex_onLongTexts() {
        int[] skippable = {0};
        forRandomPatterns(20261205, (pattern, java, ours, random) -> {
            skippable[0] += ours.skipsAhead() ? 1 : 0;
            for (int j = 0; j < 6; j++) {
                StringBuilder t = new StringBuilder();
                for (int k = random.nextInt(40); k > 0; k--) {
                    t.append(random.nextInt(3) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : 'z');
                }
                String text = t.toString();
                boolean expected = java.matcher(text).find();
                assertEquals(expected, ours.find(text), () -> "find /" + pattern + "/ on '" + text + "'");
                assertEquals(expected, ours.find(LinearRegex.prepare(text)),
                        () -> "find /" + pattern + "/ on prepared '" + text + "'");
            }
        });
        assertTrue(skippable[0] > 1_000, "patterns whose search can skip ahead: " + skippable[0]);
    }

    /**
     * A pattern read back from its serialised form (the rule cache keeps the message table so)
     * skips ahead as the compiled one does, and finds the same: what it derives is rebuilt.
     */
    @Test
    void aPatternReadBack_skipsAheadAndFindsAsCompiled() throws Exception {
        for (String p : List.of("e-?tax[\\s_-]*40005\\b", "(gagal|failed) upload", ".*x", "\\b", "a?")) {
            LinearRegex compiled = LinearRegex.compile(p, true);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(compiled);
            }
            LinearRegex read;
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                    new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                read = (LinearRegex) in.readObject();
            }
            assertEquals(compiled.skipsAhead(), read.skipsAhead(), p);
            for (String text : List.of("", "zzz ETAX 40005 zz", "upload gagal, gagal upload", "xyz", "etax-400050")) {
                assertEquals(compiled.find(text), read.find(text), p + " on " + text);
                assertEquals(compiled.find(LinearRegex.prepare(text)), read.find(LinearRegex.prepare(text)), p + " on " + text);
            }
        }
        assertTrue(LinearRegex.compile("e-?tax[\\s_-]*40005\\b", true).skipsAhead());
        assertFalse(LinearRegex.compile("a?", true).skipsAhead());
    }

    /** What a comparison does with one random pattern, compiled by both, and the random source. */
    private interface Comparison {
        void compare(String pattern, Pattern java, LinearRegex ours, Random random);
    }

    /** Runs {@code comparison} on 3,000 random patterns, half of them case-insensitive. */
    private static void forRandomPatterns(long seed, Comparison comparison) {
        Random random = new Random(seed);
        for (int i = 0; i < 3_000; i++) {
            String pattern = pattern(random, 3);
            boolean ignoreCase = random.nextBoolean();
            Pattern java = javaRegex(pattern, ignoreCase);
            comparison.compare(pattern, java, LinearRegex.compile(pattern, ignoreCase), random);
        }
    }

    /** The same pattern for java.util.regex, case-insensitive as ours is (Unicode case too). */
    private static Pattern javaRegex(String pattern, boolean ignoreCase) {
        return Pattern.compile(pattern, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    private static String pattern(Random r, int depth) {
        StringBuilder s = new StringBuilder();
        int parts = 1 + r.nextInt(3);
        for (int i = 0; i < parts; i++) {
            s.append(piece(r, depth));
        }
        if (depth > 0 && r.nextInt(5) == 0) {
            s.append('|').append(pattern(r, depth - 1));
        }
        return s.toString();
    }

    private static String piece(Random r, int depth) {
        String atom = switch (r.nextInt(depth > 0 ? 11 : 9)) {
            case 0 -> ".";
            case 1 -> "[ab1]";
            case 2 -> "[^a ]";
            case 3 -> "\\w";
            case 4 -> "\\s";
            case 5 -> "\\d";
            case 6 -> "\\b";
            case 7 -> r.nextBoolean() ? "^" : "$";
            case 8 -> String.valueOf("abAB1_-".charAt(r.nextInt(7))).replace("-", "\\-");
            case 9 -> "(" + pattern(r, depth - 1) + ")";
            default -> "(?:" + pattern(r, depth - 1) + ")";
        };
        if (atom.equals("\\b") || atom.equals("^") || atom.equals("$") || atom.startsWith("(") && mayBeEmpty(atom)) {
            // java.util.regex stops repeating a group early when an iteration matched nothing, which
            // the textbook semantics (ours) does not: leave such corners out of the comparison.
            return atom;
        }
        return atom + switch (r.nextInt(8)) {
            case 0 -> "*";
            case 1 -> "+";
            case 2 -> "?";
            case 3 -> "{2}";
            case 4 -> "{0,3}";
            case 5 -> "{1,}";
            case 6 -> "*?";
            default -> "";
        };
    }

    private static boolean mayBeEmpty(String group) {
        return group.contains("^") || group.contains("$") || group.contains("\\b") || Pattern.matches(group, "");
    }

    private static String text(Random r) {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(9);
        for (int i = 0; i < n; i++) {
            s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    @Test
    void patternThatOverflowsJavaRegex_runsOnALongText() {
        LinearRegex r = LinearRegex.compile("(\\w|\\s)+ gagal", true);
        String text = "upload faktur ".repeat(200).substring(0, 1990);
        assertFalse(r.find(text));
        assertTrue(r.find(text + " gagal"));
    }

    @Test
    void nestedRepetition_isLinear() {
        LinearRegex r = LinearRegex.compile("(a+)+b", false);
        assertFalse(r.matches("a".repeat(100_000)));
        assertTrue(r.matches("a".repeat(100_000) + "b"));
    }

    /**
     * A bounded repetition of one character test ({@code .{0,60}}, {@code [^a]{2,5}}) is one
     * counting state that keeps, of the attempts inside it, the one that has read least. Random
     * patterns of literals, gaps and assertions, in sequences and alternatives, against texts with
     * many places to start, line breaks and both cases: the same answers as java.util.regex.
     */
    @Test
    void gaps_agreeWithJavaUtilRegex() {
        String[] tests = {".", "[ab]", "[^a]", "\\w", "\\s", "\\d", "[^\\s]"};
        Random random = new Random(20261205);
        int compared = 0;
        for (int i = 0; i < 3_000; i++) {
            StringBuilder p = new StringBuilder();
            int alternatives = 1 + random.nextInt(2);
            for (int alt = 0; alt < alternatives; alt++) {
                if (alt > 0) {
                    p.append('|');
                }
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    int min = random.nextInt(3);
                    p.append(switch (random.nextInt(6)) {
                        case 0, 1 -> tests[random.nextInt(tests.length)] + "{" + min + "," + (min + 1 + random.nextInt(12)) + "}";
                        case 2 -> random.nextBoolean() ? "\\b" : random.nextBoolean() ? "^" : "$";
                        default -> String.valueOf("abAB1".charAt(random.nextInt(5)));
                    });
                }
            }
            String pattern = p.toString();
            boolean ignoreCase = random.nextBoolean();
            Pattern java = javaRegex(pattern, ignoreCase);
            LinearRegex ours = LinearRegex.compile(pattern, ignoreCase);
            for (int j = 0; j < 8; j++) {
                StringBuilder t = new StringBuilder();
                for (int k = random.nextInt(40); k > 0; k--) {
                    t.append("aAb1 _\nxé".charAt(random.nextInt(9)));
                }
                String text = t.toString();
                boolean find = java.matcher(text).find();
                assertEquals(find, ours.find(text), () -> "find /" + pattern + "/ on '" + text + "'");
                assertEquals(find, ours.find(LinearRegex.prepare(text)), () -> "prepared /" + pattern + "/ on '" + text + "'");
                assertEquals(java.matcher(text).matches(), ours.matches(text), () -> "matches /" + pattern + "/ on '" + text + "'");
                compared++;
            }
        }
        assertEquals(24_000, compared);
        // Of two attempts in one gap, the later (with more room) is the one that matches.
        assertTrue(LinearRegex.compile("a.{0,3}b", false).find("axaxxxb"));
        assertFalse(LinearRegex.compile("a.{0,3}b", false).find("axxxxb"));
        assertFalse(LinearRegex.compile("a.{0,3}b", false).find("ax\nb"), "a line break ends a gap of .");
        assertEquals(4, LinearRegex.compile("a.{0,60}b", false).states(), "the gap is one state");
    }

    @Test
    void hugeCountedRepetition_isRefused() {
        RegexSyntaxException e = assertThrows(RegexSyntaxException.class,
                () -> LinearRegex.compile(".{0,2000}a.{0,2000}a.{0,2000}a.{0,2000}b", true));
        assertTrue(e.getMessage().contains("states"), e.getMessage());
    }

    @Test
    void unsupportedSyntax_isRefusedWithItsPosition() {
        assertEquals(2, assertThrows(RegexSyntaxException.class, () -> LinearRegex.compile("ab(?=c)", false)).index());
        assertEquals(3, assertThrows(RegexSyntaxException.class, () -> LinearRegex.compile("(a)\\1", false)).index());
        assertEquals(2, assertThrows(RegexSyntaxException.class, () -> LinearRegex.compile("a*+", false)).index());
        assertThrows(RegexSyntaxException.class, () -> LinearRegex.compile("(".repeat(60) + ")".repeat(60), false));
        assertThrows(RegexSyntaxException.class, () -> LinearRegex.compile("[a-", false));
        assertThrows(RegexSyntaxException.class, () -> LinearRegex.compile("x{5,2}", false));
    }

    @Test
    void ignoreCase_coversNonAsciiLetters() {
        assertTrue(LinearRegex.compile("ÉTAX", true).find("gagal étax"));
        assertTrue(LinearRegex.compile("[a-z]+", true).matches("ABC"));
        assertFalse(LinearRegex.compile("[a-z]+", false).matches("ABC"));
    }

    @Test
    void prefilter_rejectsTextsWithoutTheRequiredLiterals_andKeepsEveryOther() {
        assertEquals(new Prefilter.And(List.of(new Prefilter.Str("nsfp tidak"), new Prefilter.Str("valid"))), LinearRegex.compile("(?:e-)?NSFP tidak\\s+valid", true).prefilter());
        LinearRegex etax = LinearRegex.compile("etax[\\s_-]*40005.*\\b(aktivasi|reset\\w*)\\b", true);
        assertFalse(mayMatch(etax, "upload faktur gagal"));
        assertFalse(mayMatch(etax, "etax-40005 saat login"));
        assertTrue(mayMatch(etax, "ETAX 40005 ketika reset password"));
        assertTrue(etax.find("ETAX 40005 ketika reset password"));
        LinearRegex either = LinearRegex.compile("(sertifikat|certificate|sertel)\\b.{0,40}(dicabut|revoked)", true);
        assertFalse(mayMatch(either, "sertifikat elektronik kedaluwarsa"));
        assertTrue(either.find("Certificate was REVOKED"));
        // Characters that case folding ties to ASCII letters (Kelvin sign, long s) still pass.
        LinearRegex kelvin = LinearRegex.compile("kas", true);
        assertTrue(kelvin.find("\u212Aa\u017F"));
        assertEquals(Pattern.compile("kas", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher("\u212Aa\u017F").find(),
                kelvin.find("\u212Aa\u017F"));
        assertInstanceOf(Prefilter.All.class, LinearRegex.compile("a*|b", false).prefilter());
    }

    @Test
    void caseFolding_ofLettersOutsideAscii_agreesWithJavaUtilRegex() {
        // The letters whose case ties them to others outside one pair (Kelvin sign, long s,
        // dotless i, dotted I, Angstrom sign, micro sign, y with diaeresis), their partners and a
        // few plain ones: written alone, in classes, in ranges, negated, and in \\w \\d \\s.
        String letters = "kK\u212AsS\u017FiI\u0131\u0130\u00e5\u00c5\u212B\u00b5\u039c\u03bc\u00ff\u0178"
                + "a\u00e4\u00c4\u00df1_ ";
        List<String> patterns = new java.util.ArrayList<>(List.of("\\w", "\\W", "[\\w]", "\\d", "\\s", "[\\s\\d]",
                "[a-z]", "[A-Z]", "[^a-z]", "[\u0100-\u017F]", "[\u2100-\u2200]", "[\u0370-\u03ff]"));
        for (char x : letters.toCharArray()) {
            String c = String.valueOf(x); // letters, digits, space and underscore: none needs escaping
            patterns.addAll(List.of(c, "[" + c + "]", "[^" + c + "]", "[" + c + "-" + c + "]", "[" + c + "0-9]"));
        }
        int compared = 0;
        for (String pattern : patterns) {
            for (boolean ignoreCase : new boolean[] {true, false}) {
                Pattern java = javaRegex(pattern, ignoreCase);
                LinearRegex ours = LinearRegex.compile(pattern, ignoreCase);
                for (char t : letters.toCharArray()) {
                    String text = "<" + t + ">";
                    assertEquals(java.matcher(text).find(), ours.find(text),
                            pattern + " on U+" + Integer.toHexString(t) + (ignoreCase ? ", ignoring case" : ""));
                    compared++;
                }
            }
        }
        assertTrue(compared > 2_000, "compared " + compared);
    }

    private static boolean mayMatch(LinearRegex r, String text) {
        return r.prefilter().mayMatch(new Prefilter.Signature(text));
    }

    @Test
    void wordPatterns_agreeWithJavaUtilRegex_onPreparedAndPlainTexts() {
        // Patterns built like message-table rows (words, alternations, gaps, classes) against
        // texts of the same words: where the prefilter matters, compared with java.util.regex.
        String[] words = {"faktur", "gagal", "etax", "40005", "NSFP", "sertel", "kode", "aktivasi", "é", "\u212A", "ok"};
        Random random = new Random(4);
        int compared = 0;
        for (int i = 0; i < 2_000; i++) {
            StringBuilder p = new StringBuilder();
            int parts = 1 + random.nextInt(4);
            for (int k = 0; k < parts; k++) {
                String w = words[random.nextInt(words.length)];
                p.append(switch (random.nextInt(6)) {
                    case 0 -> "(" + w + "|" + words[random.nextInt(words.length)] + ")";
                    case 1 -> w + ".{0,5}";
                    case 2 -> "\\b" + w + "\\b";
                    case 3 -> "(?:" + w + ")?";
                    case 4 -> w + "[\\s_-]*";
                    default -> w;
                });
            }
            String pattern = p.toString();
            boolean ignoreCase = random.nextBoolean();
            Pattern java = javaRegex(pattern, ignoreCase);
            LinearRegex ours = LinearRegex.compile(pattern, ignoreCase);
            for (int j = 0; j < 10; j++) {
                StringBuilder t = new StringBuilder();
                for (int k = random.nextInt(6); k > 0; k--) {
                    String w = words[random.nextInt(words.length)];
                    t.append(random.nextBoolean() ? w.toUpperCase(Locale.ROOT) : w).append(" -_".charAt(random.nextInt(3)));
                }
                String text = t.toString();
                boolean expected = java.matcher(text).find();
                assertEquals(expected, ours.find(text), () -> "find /" + pattern + "/ on '" + text + "'");
                assertEquals(expected, ours.find(LinearRegex.prepare(text)), () -> "prepared /" + pattern + "/ on '" + text + "'");
                compared++;
            }
        }
        assertEquals(20_000, compared);
    }

    @Test
    void nestedAndChainedEmptyAlternatives_agreeWithJavaRegex() {
        // Long chains of states reached without reading a character: the closure's explicit
        // stack must hold every pending state (a state can be pushed again before it is visited).
        String nested = "a";
        for (int i = 0; i < 45; i++) {
            nested = "(?:|" + nested + ")";
        }
        String chained = "(?:|a|)".repeat(200) + "b";
        for (String p : new String[] {nested, nested + "*", "(?:" + nested + "|" + nested + ")+b"}) {
            LinearRegex r = LinearRegex.compile(p, false);
            assertEquals(Pattern.compile(p).matcher("aab").find(), r.find("aab"), p);
            assertEquals("aab".matches(p), r.matches("aab"), p);
        }
        // java.util.regex backtracks exponentially on these; the answers are plain to see.
        assertTrue(LinearRegex.compile(chained, false).matches("aab"));
        assertTrue(LinearRegex.compile("(?:" + chained + ")*", false).matches("aabab"));
        assertFalse(LinearRegex.compile(chained, false).matches("aaba"));
    }
}
