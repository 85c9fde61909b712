package pajakdx.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pajakdx.Problem;

/**
 * Checks the code of a rule's conditions (and its metadata and attributes, which Drools
 * evaluates as expressions too) by allow-list: names of types must be the fact types, a few
 * value types of java.lang and java.time; package-qualified names may only reach java.time and
 * pajakdx.facts; and a list of members and statements that reach outside the facts, read the
 * clock or run without end is refused wherever it appears. A deny-list of dangerous classes
 * alone is not enough: {@code org.mvel2.MVEL.eval("...")} or {@code java.beans.Beans} reach
 * anything through a name nobody listed.
 */
final class ConditionScan {
    /** Types a condition may name (java.lang's are imported implicitly by Drools). */
    static final Set<String> ALLOWED_TYPES = Set.of("Finding", "AsOf", "Cause", "Remedy", "Status", "FindingType",
            "Number", "String", "Integer", "Long", "Boolean", "Double", "LocalDate", "LocalDateTime", "LocalTime",
            "Period", "Duration", "ChronoUnit", "DayOfWeek", "Month", "Year", "YearMonth");

    /** Packages whose qualified names may appear (their types must still be allowed ones). */
    private static final List<String> ALLOWED_PACKAGES = List.of("java.time.", "java.time.temporal.", "pajakdx.facts.");

    /** First segments of the packages on the class path: a qualified name starting so reaches code. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net",
            "io", "picocli", "pajakdx", "kotlin", "jakarta", "groovy", "scala", "mvel", "mvel2", "drools", "kie");

    /**
     * Members and words refused anywhere in conditions: reflection and class loading, processes,
     * system properties and environment, threads and waiting, the wall clock, memory hogs, and
     * regular expressions applied unanchored (see {@link RegexBound} for {@code matches}).
     */
    static final Set<String> FORBIDDEN_WORDS = Set.of("getClass", "getClassLoader", "loadClass", "forName",
            "newInstance", "setAccessible", "invoke", "invokeExact", "getMethod", "getMethods", "getDeclaredMethod",
            "getDeclaredMethods", "getField", "getFields", "getDeclaredField", "getDeclaredFields", "getConstructor",
            "getConstructors", "getDeclaredConstructor", "class", "getRuntime", "exec", "exit", "halt", "load",
            "loadLibrary", "getenv", "getProperty", "getProperties", "setProperty", "getLong", "getInteger",
            "getBoolean", "sleep", "wait", "notify", "notifyAll", "interrupt", "currentTimeMillis", "nanoTime", "now",
            "systemUTC", "systemDefaultZone", "repeat", "new", "replaceAll", "replaceFirst", "split");

    /**
     * Java statements that loop or jump, and the inline code blocks of accumulate: a condition is
     * an expression over facts, never a program. {@code do} also covers named consequences.
     */
    private static final Set<String> STATEMENTS = Set.of("while", "for", "do", "switch", "try", "throw", "catch",
            "synchronized", "goto", "return", "break", "continue");
    private static final Set<String> ACCUMULATE_CODE = Set.of("init", "action", "reverse");

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$@])[A-Za-z_][\\w]*");
    private static final Pattern QUALIFIED = Pattern.compile("\\G[A-Za-z_]\\w*(?:\\s*\\.\\s*[A-Za-z_]\\w*)*");
    private static final String WHAT = " (conditions may only read the facts: no process, file, network,"
            + " reflection, thread, clock or object creation)";

    private ConditionScan() {
    }

    /** The first problem on one line of condition code (strings and comments already blanked), or null. */
    static Problem check(String code, String rule, String file, int line) {
        Matcher m = IDENTIFIER.matcher(code);
        while (m.find()) {
            String word = m.group();
            boolean member = previousNonSpace(code, m.start()) == '.';
            char next = nextNonSpace(code, m.end());
            String refusal = null;
            if (FORBIDDEN_WORDS.contains(word)) {
                refusal = "'" + word + "' is not allowed in a condition" + WHAT;
            } else if (!member && STATEMENTS.contains(word)) {
                refusal = "'" + word + "' is not allowed in a condition: a condition is an expression over facts,"
                        + " not a program (named consequences are not allowed either)";
            } else if (!member && ACCUMULATE_CODE.contains(word) && next == '(') {
                refusal = "accumulate with inline code ('" + word + "(...)') is not allowed; use its built-in"
                        + " functions (count, sum, min, max, average, collectList)";
            } else if (!member && PACKAGE_ROOTS.contains(word) && next == '.') {
                refusal = qualified(code, m.start());
            } else if (!member && Character.isUpperCase(word.charAt(0)) && !ALLOWED_TYPES.contains(word)) {
                refusal = "type '" + word + "' is not allowed in a condition; allowed: "
                        + String.join(", ", ALLOWED_TYPES.stream().sorted().toList());
            }
            if (refusal != null) {
                return Problem.at(file, line, m.start() + 1, "rule '" + rule + "': " + refusal);
            }
        }
        return null;
    }

    /** A refusal for the qualified name starting at {@code from}, or null when it names an allowed type. */
    private static String qualified(String code, int from) {
        Matcher q = QUALIFIED.matcher(code);
        q.region(from, code.length());
        String name = q.lookingAt() ? q.group().replaceAll("\\s+", "") : code.substring(from);
        for (String pkg : ALLOWED_PACKAGES) {
            if (name.startsWith(pkg)) {
                String type = name.substring(pkg.length()).split("\\.")[0];
                if (ALLOWED_TYPES.contains(type)) {
                    return null;
                }
            }
        }
        return "'" + name + "' is not allowed in a condition: qualified names may only name the allowed types of"
                + " java.time and pajakdx.facts";
    }

    private static char previousNonSpace(String s, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return ' ';
    }

    private static char nextNonSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return ' ';
    }

    /** Every problem on the lines of one rule's conditions, one per line at most. */
    static List<Problem> checkLines(List<String> codeLines, int firstLine, String rule, String file) {
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < codeLines.size(); i++) {
            Problem p = check(codeLines.get(i), rule, file, firstLine + i);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }
}
