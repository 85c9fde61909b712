package pajakdx.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import pajakdx.Problem;

/**
 * Keeps rules to knowledge: a right-hand side may only conclude causes and offer remedies, and
 * conditions may not reach outside the facts (no process, file, network, reflection or thread
 * access, no wall clock; see {@link ConditionScan}). Used both when loading (refuse before any
 * rule is compiled, so no unsafe code ever runs) and by {@code check}.
 */
public final class RuleSafety {
    /** The only statement a right-hand side may contain. */
    static final Pattern ALLOWED_STATEMENT = Pattern.compile(
            "insertLogical\\(\\s*(?:Cause\\.(?:confirmed|suspected|ruledOut)|Remedy\\.offer)"
                    + "\\(\\s*\"[A-Za-z0-9._-]+\"\\s*\\)\\s*\\)");
    /**
     * A Java unicode escape: a backslash preceded by an even number of backslashes, then u's and
     * four hex digits. The Java compiler turns it into a character before anything else, so in
     * generated code it could end a comment or a string that our checks took as inert.
     */
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u+[0-9A-Fa-f]{4}");
    private static final Pattern RULE_HEAD = Pattern.compile("^\\s*(?:rule|query)\\s+(?:\"\"|[^\\s]+)");
    private static final List<String> ALLOWED_IMPORT_PREFIXES = List.of("pajakdx.facts.", "java.time.");
    private static final List<String> CLOCK_ATTRIBUTES = List.of("date-effective", "date-expires", "timer",
            "duration", "calendars");

    private RuleSafety() {
    }

    /** Problems with the raw text of a DRL file, found before it is even parsed: unicode escapes. */
    static List<Problem> checkText(String text, String file) {
        List<Problem> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            Matcher m = UNICODE_ESCAPE.matcher(lines[n]);
            if (m.find()) {
                int at = m.group().lastIndexOf('\\');
                out.add(Problem.at(file, n + 1, m.start() + at + 1, "unicode escape '" + m.group().substring(at)
                        + "' is not allowed in rule files: write the character itself (files are UTF-8);"
                        + " the Java compiler would read it as code"));
            }
        }
        return out;
    }

    /** Problems with a whole DRL file: imports, functions, globals, declared types. */
    static List<Problem> checkPackage(PackageDescr pkg, String file) {
        List<Problem> out = new ArrayList<>();
        for (ImportDescr imp : pkg.getImports()) {
            String target = imp.getTarget();
            if (ALLOWED_IMPORT_PREFIXES.stream().noneMatch(target::startsWith)) {
                out.add(Problem.at(file, imp.getLine(), imp.getColumn() + 1, "import of '" + target
                        + "' is not allowed: rules may use only pajakdx.facts.* and java.time.*"));
            }
        }
        pkg.getFunctionImports().forEach(f -> out.add(Problem.at(file, f.getLine(), 0,
                "'import function' is not allowed in rules")));
        pkg.getFunctions().forEach(f -> out.add(Problem.at(file, f.getLine(), 0, "function '" + f.getName()
                + "' is not allowed: rules hold knowledge, not Java code; write the test as a condition")));
        pkg.getGlobals().forEach(g -> out.add(Problem.at(file, g.getLine(), 0, "global '" + g.getIdentifier()
                + "' is not allowed: a diagnosis depends only on the case's facts")));
        pkg.getTypeDeclarations().forEach(t -> out.add(Problem.at(file, t.getLine(), 0, "declared type '"
                + t.getTypeName() + "' is not allowed: use Finding, Cause, Remedy and AsOf")));
        pkg.getEnumDeclarations().forEach(t -> out.add(Problem.at(file, t.getLine(), 0, "declared enum '"
                + t.getTypeName() + "' is not allowed: use Finding, Cause, Remedy and AsOf")));
        pkg.getWindowDeclarations().forEach(w -> out.add(Problem.at(file, w.getLine(), 0, "window '" + w.getName()
                + "' is not allowed: a diagnosis depends only on the case's facts")));
        pkg.getEntryPointDeclarations().forEach(e -> out.add(Problem.at(file, e.getLine(), 0, "entry point '"
                + e.getEntryPointId() + "' is not allowed: facts come only from the case")));
        pkg.getAccumulateImports().forEach(a -> out.add(Problem.at(file, a.getLine(), 0, "'import accumulate' is"
                + " not allowed in rules")));
        return out;
    }

    /** Problems with one rule: its attributes, its conditions' text and its right-hand side. */
    static List<Problem> checkRule(RuleDescr rule, String file, String[] lines) {
        List<Problem> out = new ArrayList<>();
        for (AttributeDescr a : rule.getAttributes().values()) {
            if (CLOCK_ATTRIBUTES.contains(a.getName())) {
                out.add(Problem.at(file, a.getLine() > 0 ? a.getLine() : rule.getLine(), 0, "rule '" + rule.getName()
                        + "': attribute '" + a.getName() + "' reads the wall clock; compare with AsOf(...) instead"));
            }
        }
        if (rule.isQuery()) {
            out.add(Problem.at(file, rule.getLine(), 0, "query '" + rule.getName() + "' is not allowed in rule files:"
                    + " rules conclude with insertLogical; read results through the PajakDx API"));
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            out.add(Problem.at(file, rule.getLine(), 0, "rule '" + rule.getName() + "': named consequences"
                    + " (then[...]) are not allowed; write one rule per conclusion"));
        }
        // Conditions, metadata and attributes: Drools evaluates all of them as expressions.
        int from = Math.max(rule.getLine(), 1);
        int to = rule.getConsequenceLine() > 0 ? rule.getConsequenceLine() : rule.getEndLine();
        List<String> code = new ArrayList<>();
        for (int n = from; n <= Math.min(to, lines.length); n++) {
            String c = stripStringsAndComments(lines[n - 1]);
            code.add(n == from ? RULE_HEAD.matcher(c).replaceFirst(" ") : c);
            Problem regex = RegexBound.check(stripComment(lines[n - 1]), rule.getName(), file, n);
            if (regex != null) {
                out.add(regex);
            }
        }
        out.addAll(ConditionScan.checkLines(code, from, rule.getName(), file));
        String rhs = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        int line = rule.getConsequenceLine() > 0 ? rule.getConsequenceLine() : rule.getLine();
        for (String statement : stripStringsKeepingLiterals(rhs).split(";")) {
            String s = statement.strip();
            if (!s.isEmpty() && !ALLOWED_STATEMENT.matcher(s).matches()) {
                out.add(Problem.at(file, lineOf(lines, line, s), 0, "rule '" + rule.getName()
                        + "': right-hand side statement '" + abbreviate(s) + "' is not allowed; a right-hand side"
                        + " may only contain insertLogical(Cause.confirmed|suspected|ruledOut(\"id\")) or"
                        + " insertLogical(Remedy.offer(\"id\"))"));
            }
        }
        return out;
    }

    /** The line (from {@code from} on) where {@code statement} starts in the file. */
    private static int lineOf(String[] lines, int from, String statement) {
        String head = statement.strip().split("\\s+")[0];
        for (int n = Math.max(from, 1); n <= lines.length; n++) {
            if (lines[n - 1].contains(head)) {
                return n;
            }
        }
        return from;
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
    }

    /** Removes comments, keeping string literals (the RHS check needs the ids). */
    static String stripStringsKeepingLiterals(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

    /** Removes a line comment, keeping string literals (where "//" is text). */
    static String stripComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString && c == '\\') {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Blanks string literals and comments so that words inside them are not taken for code. */
    static String stripStringsAndComments(String line) {
        String noStrings = line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        int slash = noStrings.indexOf("//");
        return slash >= 0 ? noStrings.substring(0, slash) : noStrings;
    }
}
