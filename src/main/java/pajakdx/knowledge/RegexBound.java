package pajakdx.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pajakdx.Problem;

/**
 * Keeps regular expressions in conditions from running without end. A pattern evaluated inside
 * Drools cannot be interrupted, and on a text finding of up to 2,000 characters a pattern such
 * as {@code (a+)+b} backtracks for longer than the universe has existed. So the pattern after
 * {@code matches} (operator or method) must be a literal, without a repeated group that itself
 * repeats or alternates, and with at most two unbounded repetitions: anchored matching then
 * stays within a few million steps. Raw message texts are matched in the catalog's message
 * table instead, where a work budget stops any pattern.
 */
final class RegexBound {
    static final int MAX_UNBOUNDED = 2;
    private static final Pattern MATCHES = Pattern.compile("\\bmatches\\b\\s*\\(?\\s*");
    private static final Pattern LITERAL = Pattern.compile("\\G\"((?:[^\"\\\\]|\\\\.)*)\"");

    private RegexBound() {
    }

    /** The first problem on one condition line (comments removed, strings kept), or null. */
    static Problem check(String code, String rule, String file, int line) {
        boolean[] inString = stringMask(code);
        Matcher m = MATCHES.matcher(code);
        while (m.find()) {
            if (inString[m.start()]) {
                continue; // the word inside a text, such as a finding id
            }
            Matcher lit = LITERAL.matcher(code);
            lit.region(m.end(), code.length());
            String why;
            if (!lit.lookingAt()) {
                why = "the pattern after 'matches' must be a literal text, so that it can be checked here";
            } else {
                why = danger(lit.group(1).replace("\\\\", "\\").replace("\\\"", "\""));
            }
            if (why != null) {
                return Problem.at(file, line, m.start() + 1, "rule '" + rule + "': " + why);
            }
        }
        return null;
    }

    /** For each position of {@code code}: inside a string literal (quotes included)? */
    private static boolean[] stringMask(String code) {
        boolean[] mask = new boolean[code.length()];
        boolean in = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                mask[i] = true;
                in = !in;
            } else {
                mask[i] = in;
                if (in && c == '\\' && i + 1 < code.length()) {
                    mask[++i] = true;
                }
            }
        }
        return mask;
    }

    /** Why {@code regex} could backtrack without end, or null. */
    static String danger(String regex) {
        int unbounded = 0;
        // For each open group: does its body repeat or alternate?
        java.util.ArrayDeque<boolean[]> groups = new java.util.ArrayDeque<>();
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            switch (c) {
                case '[' -> inClass = true;
                case '(' -> groups.push(new boolean[1]);
                case ')' -> {
                    boolean repeatsInside = !groups.isEmpty() && groups.pop()[0];
                    if (repeatsInside && isRepeat(regex, i + 1)) {
                        return "the pattern '" + regex + "' repeats a group that itself repeats or alternates"
                                + " (like (a+)+); it can backtrack without end; simplify it";
                    }
                    if (repeatsInside && !groups.isEmpty()) {
                        groups.peek()[0] = true;
                    }
                }
                case '|', '*', '+', '{' -> {
                    if (!groups.isEmpty()) {
                        groups.peek()[0] = true;
                    }
                    if (c != '|' && (c != '{' || regex.indexOf(",}", i) == regex.indexOf('}', i) - 1)) {
                        unbounded++;
                    }
                }
                default -> {
                }
            }
        }
        if (unbounded > MAX_UNBOUNDED) {
            return "the pattern '" + regex + "' has " + unbounded + " unbounded repetitions (*, +, {n,}); at most "
                    + MAX_UNBOUNDED + " keep matching fast on long texts";
        }
        return null;
    }

    private static boolean isRepeat(String regex, int at) {
        return at < regex.length() && (regex.charAt(at) == '*' || regex.charAt(at) == '+' || regex.charAt(at) == '{');
    }
}
