package pajakdx.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The text of the DRL files, used to point a lint message at the line and column of the
 * literal it is about ({@code "badan.last-login-shwn"}) rather than at the rule keyword. The
 * compiled rule keeps no positions for its constraints, so the literal is looked up in the
 * rule's own lines.
 */
final class DrlText {
    private final Path root;
    private final Map<String, String[]> files = new HashMap<>();

    DrlText(Path root) {
        this.root = root;
    }

    /** A position in a file: 1-based line and column (column 0 when unknown). */
    record Pos(String file, int line, int column) {
    }

    /** Where the rule is written: its {@code rule} line. */
    Pos of(RuleInfo rule) {
        return new Pos(rule.at().file(), rule.at().line(), 0);
    }

    /**
     * The first line of {@code rule} holding every one of {@code literals} as a quoted string,
     * with the column of the first; falls back to lines holding the first literal alone, then
     * to the rule's line.
     */
    Pos find(RuleInfo rule, String... literals) {
        String[] lines = lines(rule.at().file());
        int from = Math.max(rule.at().line(), 1);
        int to = endOf(lines, from);
        for (int want = literals.length; want >= 1; want--) {
            for (int n = from; n <= to; n++) {
                String line = lines[n - 1];
                boolean all = true;
                for (int i = 0; i < want && all; i++) {
                    all = line.contains("\"" + literals[i] + "\"");
                }
                if (all) {
                    int col = line.indexOf("\"" + literals[want - 1] + "\"");
                    return new Pos(rule.at().file(), n, col + 1);
                }
            }
        }
        return of(rule);
    }

    /** The last line of {@code rule} holding {@code literal} as a quoted string (the later of two conditions). */
    Pos findLast(RuleInfo rule, String literal) {
        String[] lines = lines(rule.at().file());
        int from = Math.max(rule.at().line(), 1);
        for (int n = endOf(lines, from); n >= from; n--) {
            int col = lines[n - 1].indexOf("\"" + literal + "\"");
            if (col >= 0) {
                return new Pos(rule.at().file(), n, col + 1);
            }
        }
        return of(rule);
    }

    /** The first line of {@code rule} containing {@code code} (outside comments), or the rule's line. */
    Pos findCode(RuleInfo rule, java.util.function.Predicate<String> matches) {
        String[] lines = lines(rule.at().file());
        int from = Math.max(rule.at().line(), 1);
        int to = endOf(lines, from);
        for (int n = from; n <= to; n++) {
            String code = RuleSafety.stripStringsAndComments(lines[n - 1]);
            if (matches.test(code)) {
                return new Pos(rule.at().file(), n, 0);
            }
        }
        return of(rule);
    }

    /** The line of the {@code end} that closes the rule starting at {@code from}. */
    private static int endOf(String[] lines, int from) {
        for (int n = from + 1; n <= lines.length; n++) {
            String t = RuleSafety.stripStringsAndComments(lines[n - 1]).trim();
            if (t.equals("end") || t.startsWith("rule ") || t.startsWith("rule\"")) {
                return t.equals("end") ? n : n - 1;
            }
        }
        return lines.length;
    }

    private String[] lines(String file) {
        return files.computeIfAbsent(file, f -> {
            try {
                return Files.readString(root.resolve(f), StandardCharsets.UTF_8).split("\n", -1);
            } catch (IOException e) {
                return new String[0];
            }
        });
    }
}
