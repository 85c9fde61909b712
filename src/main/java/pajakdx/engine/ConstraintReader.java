package pajakdx.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import pajakdx.base.Problem;
import pajakdx.knowledge.Constraint;
import pajakdx.knowledge.Constraint.Field;
import pajakdx.knowledge.Constraint.Op;
import pajakdx.knowledge.FactType;
import pajakdx.knowledge.Location;
import pajakdx.regex.LinearRegex;
import pajakdx.regex.RegexSyntaxException;
import pajakdx.text.Masking;

/**
 * Reads one constraint of a pattern with Drools' expression parser and turns it into the model,
 * accepting only these forms (anything else is refused, naming it):
 * <ul>
 *   <li>a field compared with a literal: {@code id}, {@code value}, {@code format} of a Finding
 *       with {@code == != in (...) not in (...)} and a text; {@code number} with a comparison and
 *       a whole number; {@code id} of a Cause or Remedy;</li>
 *   <li>{@code known} and {@code !known} (Finding); {@code timeGiven} (AsOf); {@code confirmed},
 *       {@code suspected}, {@code ruledOut} (Cause), each possibly with {@code !};</li>
 *   <li>{@code before("2025-01-11")}, {@code onOrAfter(...)} (a date Finding, the AsOf) and
 *       {@code between(from, to)} (the AsOf), possibly with {@code !};</li>
 *   <li>{@code this.yearsBefore($a)}, {@code daysBefore}, {@code workingDaysBefore} of a date
 *       Finding, {@code $a} bound to the AsOf, compared with a whole number;</li>
 *   <li>{@code value matches "pattern"} with a pattern {@link LinearRegex} accepts;</li>
 *   <li>any of these joined with {@code &&} and {@code ||}.</li>
 * </ul>
 * Texts may not hold quotes, backslashes or control characters, and are at most
 * {@link #MAX_LITERAL} characters: Drools is given them back inside the canonical DRL, and a
 * text cannot end early there.
 */
final class ConstraintReader {
    /** Longest constraint expression read. */
    static final int MAX_EXPRESSION = 2_000;
    /** Longest text literal. */
    static final int MAX_LITERAL = 500;
    /** Deepest nesting of {@code &&} and {@code ||} groups. */
    static final int MAX_DEPTH = 6;

    private static final Set<String> DATE_METHODS = Set.of("before", "onOrAfter", "between");

    private final String file;
    private final String rule;
    private final FactType type;
    private final Map<String, FactType> bindings;
    private final Map<String, String> hidden;
    private final List<Problem> problems;
    private Location at;
    private String expression;
    private int cursor;
    private String refused;

    /**
     * @param bindings the variables known where the pattern stands, with their fact types (null for one
     *                 whose pattern was refused)
     * @param hidden   variables bound in the rule but not known here (inside a closed not, exists
     *                 or or), each with the message that says so
     */
    ConstraintReader(String file, String rule, FactType type, Map<String, FactType> bindings,
                     Map<String, String> hidden, List<Problem> problems) {
        this.file = file;
        this.rule = rule;
        this.type = type;
        this.bindings = bindings;
        this.hidden = hidden;
        this.problems = problems;
    }

    /** The constraint, or null after adding a problem. */
    Constraint read(ExprConstraintDescr e) {
        at = new Location(file, e.getLine(), e.getColumn() + 1);
        refused = null;
        String expr = e.getExpression();
        expression = expr;
        cursor = 0;
        if (expr.length() > MAX_EXPRESSION) {
            return fail("a constraint of " + expr.length() + " characters is too long (at most " + MAX_EXPRESSION + ")");
        }
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        ConstraintConnectiveDescr tree;
        try {
            tree = parser.parse(expr);
        } catch (StackOverflowError | RuntimeException ex) {
            return fail("the constraint '" + abbreviate(expr) + "' could not be read");
        }
        if (parser.hasErrors() || tree == null) {
            return fail("the constraint '" + abbreviate(expr) + "' could not be read"
                    + (parser.getErrors().isEmpty() ? "" : ": " + DrlReader.plain(parser.getErrors().get(0).getMessage())));
        }
        Constraint c = node(tree, 0);
        return c != null ? c : fail(refused != null ? refused : "'" + abbreviate(expr) + "' is not allowed");
    }

    private Constraint fail(String message) {
        problems.add(Problem.at(file, at.line(), at.column(), "rule '" + rule + "': " + message));
        return null;
    }

    /** Records why a part is refused; the first reason wins. Returns null for chaining. */
    private Constraint refuse(String message) {
        if (refused == null) {
            refused = message;
        }
        return null;
    }

    private Constraint node(BaseDescr d, int depth) {
        if (depth > MAX_DEPTH) {
            return refuse("'&&' and '||' are nested more than " + MAX_DEPTH + " deep");
        }
        if (d instanceof ConstraintConnectiveDescr c) {
            List<Constraint> parts = new ArrayList<>();
            for (BaseDescr child : c.getDescrs()) {
                Constraint one = node(child, depth + 1);
                if (one == null) {
                    return null;
                }
                parts.add(one);
            }
            if (parts.isEmpty()) {
                return refuse("an empty constraint is not allowed");
            }
            if (parts.size() == 1) {
                return parts.get(0);
            }
            if (c.getConnective() == ConnectiveType.AND) {
                return new Constraint.AllOf(List.copyOf(parts), at);
            }
            if (c.getConnective() == ConnectiveType.OR) {
                return new Constraint.AnyOf(List.copyOf(parts), at);
            }
            return refuse("the connective '" + c.getConnective() + "' is not allowed: join tests with && and ||");
        }
        if (d instanceof RelationalExprDescr r) {
            return relation(r);
        }
        if (d instanceof AtomicExprDescr a) {
            return test(a.getExpression());
        }
        if (d instanceof BindingDescr b) { // Drools keeps no text for it: it is named by its parts
            return refuse("binding '" + abbreviate(String.valueOf(b.getVariable())) + "' to '"
                    + abbreviate(String.valueOf(b.getExpression())) + "' is not allowed: bind the whole pattern"
                    + " instead, as in $f : Finding(...), and test its fields, as in value == \"x\"");
        }
        String text = d.getText() == null || d.getText().isBlank() ? expression : d.getText();
        return refuse("'" + abbreviate(text) + "' is not allowed: it is a binding or another"
                + " form that is not a field test; write field tests such as value == \"x\"");
    }

    /** {@code field op literal}, {@code measure op number}, {@code value matches "..."}. */
    private Constraint relation(RelationalExprDescr r) {
        if (r.getParameters() != null && !r.getParameters().isEmpty()) {
            String operator = r.getOperator() + "[" + String.join(",", r.getParameters()) + "]";
            if (r.getOperator().equals("str") && r.getParameters().equals(List.of("length"))) {
                return refuse("the operator '" + operator + "' is not allowed: test the length of a text with matches,"
                        + " as in value matches \".{5}\" (exactly 5 characters) or value matches \".{1,5}\" (1 to 5"
                        + " characters)");
            }
            if (r.getOperator().equals("str") && Set.of("startsWith", "endsWith").containsAll(r.getParameters())) {
                return refuse("the operator '" + operator + "' is not allowed: test how a text starts or ends with"
                        + " matches, as in value matches \"abc.*\" (starts with abc) or value matches \".*abc\""
                        + " (ends with abc)");
            }
            return refuse("the operator '" + operator + "' is not allowed (==, !=, <, <=, >, >=, in, not in, matches)");
        }
        if (!(r.getLeft() instanceof AtomicExprDescr left) || !(r.getRight() instanceof AtomicExprDescr right)) {
            return refuse("a comparison must have a field on the left and a literal on the right");
        }
        Atom lhs = Atom.parse(left.getExpression());
        Literal rhs = Literal.parse(right.getExpression());
        if (lhs == null) {
            return refuse("'" + abbreviate(left.getExpression()) + "' is not a field" + allowedHere());
        }
        if (rhs == null) {
            return refuse("'" + abbreviate(right.getExpression()) + "' is not a literal: compare with a text in quotes"
                    + " or a whole number (texts without quotes, backslashes or control characters, at most "
                    + MAX_LITERAL + " characters)");
        }
        Location literalAt = locate(rhs.raw());
        String operator = r.getOperator();
        if (operator.equals("matches") || operator.equals("not matches")) {
            return matches(lhs, rhs, r.isNegated() ^ operator.startsWith("not"));
        }
        Op op = Op.parse(operator);
        if (op == null || r.isNegated()) {
            return refuse("the operator '" + operator + "' is not allowed (==, !=, <, <=, >, >=, in, not in, matches)");
        }
        if (lhs.negated()) {
            return refuse("'!' before a compared field is not allowed: write != instead, as in value != \"x\"");
        }
        if (lhs.call()) {
            return measure(lhs, op, rhs);
        }
        if (lhs.name().equals("known") && type == FactType.FINDING && rhs.bool() != null && (op == Op.EQ || op == Op.NE)) {
            return new Constraint.Known(rhs.bool() != (op == Op.EQ), at);
        }
        if (rhs.isNull()) {
            // value == null, number != null: whether the finding has a value, as people mean it
            if (type == FactType.FINDING && (lhs.name().equals("value") || lhs.name().equals("number"))
                    && (op == Op.EQ || op == Op.NE)) {
                return new Constraint.Known(op == Op.EQ, at);
            }
            return refuse("'" + lhs.name() + "' cannot be compared with null; write known or !known");
        }
        Field field = field(lhs.name());
        if (field == null) {
            return null;
        }
        if (field == Field.NUMBER) {
            return rhs.number() == null ? refuse("'number' is compared with a whole number, not '" + rhs.raw() + "'")
                    : new Constraint.Compare(field, op, null, rhs.number(), literalAt);
        }
        if (rhs.text() == null) {
            return refuse("'" + field.drl() + "' is compared with a text in quotes, not '" + rhs.raw() + "'");
        }
        if (op != Op.EQ && op != Op.NE) {
            return refuse("texts are compared with == and != (or in, not in), not '" + op.drl() + "'");
        }
        return new Constraint.Compare(field, op, rhs.text(), null, literalAt);
    }

    /**
     * Where {@code literal} is written, searching the constraint's text from where the previous
     * literal was found: lint points at the literal it is about, not at the constraint.
     */
    private Location locate(String literal) {
        int offset = expression.indexOf(literal, cursor);
        if (offset < 0) {
            return at;
        }
        cursor = offset + literal.length();
        int line = at.line();
        int column = at.column() + offset;
        for (int i = 0; i < offset; i++) {
            if (expression.charAt(i) == '\n') {
                line++;
                column = offset - i;
            }
        }
        return new Location(at.file(), line, column);
    }

    private String allowedHere() {
        return switch (type) {
            case FINDING -> " of a Finding (id, value, format, number, known, before(...), onOrAfter(...),"
                    + " this.yearsBefore($a), daysBefore($a), workingDaysBefore($a))";
            case AS_OF -> " of the AsOf (timeGiven, before(...), onOrAfter(...), between(..., ...))";
            case CAUSE -> " of a Cause (id, confirmed, suspected, ruledOut)";
            case REMEDY -> " of a Remedy (id)";
        };
    }

    private Field field(String name) {
        Field f = switch (name) {
            case "id" -> Field.ID;
            case "value" -> type == FactType.FINDING ? Field.VALUE : null;
            case "format" -> type == FactType.FINDING ? Field.FORMAT : null;
            case "number" -> type == FactType.FINDING ? Field.NUMBER : null;
            default -> null;
        };
        if (f == null || type == FactType.AS_OF) {
            refuse("'" + name + "' is not a field" + allowedHere());
            return null;
        }
        return f;
    }

    private Constraint matches(Atom lhs, Literal rhs, boolean negated) {
        if (type != FactType.FINDING || lhs.call() || lhs.negated() || !lhs.name().equals("value")) {
            return refuse("'matches' tests the value of a Finding: value matches \"pattern\"");
        }
        if (rhs.pattern() == null) {
            return refuse("the pattern after 'matches' must be a text in quotes");
        }
        try {
            return new Constraint.Matches(LinearRegex.compile(rhs.pattern(), false), negated, at);
        } catch (RegexSyntaxException e) {
            return refuse("the pattern '" + abbreviate(rhs.pattern()) + "' is not accepted at character "
                    + (e.index() + 1) + ": " + e.getMessage());
        }
    }

    /** {@code this.yearsBefore($a) >= 2} and the like. */
    private Constraint measure(Atom lhs, Op op, Literal rhs) {
        if (type != FactType.FINDING || !Constraint.Measure.METHODS.contains(lhs.name())) {
            return refuse("'" + lhs.name() + "(...)' cannot be compared" + allowedHere());
        }
        if (lhs.args().size() != 1 || !lhs.args().get(0).startsWith("$")) {
            return refuse("'" + lhs.name() + "' takes the variable of the AsOf pattern, as in "
                    + lhs.name() + "($a) with $a : AsOf() earlier in the rule");
        }
        String variable = lhs.args().get(0);
        if (!bindings.containsKey(variable) && hidden.containsKey(variable)) {
            return refuse(hidden.get(variable));
        }
        // Bound to no known type: its pattern was refused, with its own error, and the rule is not built.
        boolean refusedPattern = bindings.containsKey(variable) && bindings.get(variable) == null;
        if (!refusedPattern && bindings.get(variable) != FactType.AS_OF) {
            return refuse("'" + variable + "' is not bound to the AsOf earlier in the rule (write $a : AsOf() first)");
        }
        if (rhs.number() == null) {
            return refuse("'" + lhs.name() + "(...)' is compared with a whole number, not '" + rhs.raw() + "'");
        }
        return new Constraint.Measure(lhs.name(), variable, op, rhs.number(), lhs.viaThis(), at);
    }

    /** A test on its own: {@code known}, {@code !timeGiven}, {@code before("...")}. */
    private Constraint test(String expression) {
        Atom a = Atom.parse(expression);
        if (a == null) {
            return refuse("'" + abbreviate(expression) + "' is not allowed" + allowedHere());
        }
        if (!a.call()) {
            if (a.name().equals("known") && type == FactType.FINDING) {
                return new Constraint.Known(a.negated(), at);
            }
            if (Constraint.Flag.NAMES.getOrDefault(type, Set.of()).contains(a.name())) {
                return new Constraint.Flag(a.name(), a.negated(), at);
            }
            return refuse("'" + abbreviate(expression) + "' is not a test" + allowedHere());
        }
        if (!DATE_METHODS.contains(a.name()) || type != FactType.AS_OF && type != FactType.FINDING
                || type == FactType.FINDING && a.name().equals("between")) {
            return refuse("'" + a.name() + "(...)' is not allowed" + allowedHere());
        }
        int arity = a.name().equals("between") ? 2 : 1;
        if (a.args().size() != arity) {
            return refuse("'" + a.name() + "' takes " + arity + " date" + (arity == 1 ? "" : "s") + " in quotes");
        }
        List<String> dates = new ArrayList<>();
        for (String arg : a.args()) {
            Literal l = Literal.parse(arg);
            String date = l == null ? null : l.text();
            if (date == null || !isoDate(date, type == FactType.AS_OF)) {
                return refuse("'" + abbreviate(arg) + "' is not a date in quotes (YYYY-MM-DD"
                        + (type == FactType.AS_OF ? " or YYYY-MM-DDTHH:MM, WIB" : "") + ")");
            }
            dates.add(date);
        }
        return new Constraint.DateTest(a.name(), dates.get(0), arity == 2 ? dates.get(1) : null, a.negated(), at);
    }

    private static boolean isoDate(String s, boolean timeAllowed) {
        try {
            if (s.contains("T")) {
                if (!timeAllowed) {
                    return false;
                }
                LocalDateTime.parse(s);
            } else {
                LocalDate.parse(s);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The content of a quoted text literal, or null when {@code raw} is not one or holds what texts may not. */
    static String stringLiteral(String raw) {
        if (raw.length() < 2) {
            return null;
        }
        char q = raw.charAt(0);
        if (q != '"' && q != '\'' || raw.charAt(raw.length() - 1) != q) {
            return null;
        }
        String inner = raw.substring(1, raw.length() - 1);
        return validText(inner) ? inner : null;
    }

    /** A text that may travel inside quotes in canonical DRL. */
    static boolean validText(String s) {
        if (s.length() > MAX_LITERAL) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '\\' || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        return Masking.abbreviate(s.replaceAll("\\s+", " "), 60);
    }

    /**
     * The left side of a test, by a small grammar: {@code [!] [this.] name [ ( arg, ... ) ]}, where
     * an argument is a quoted text or a {@code $variable}. Null for anything else.
     */
    record Atom(boolean negated, String name, boolean call, List<String> args, boolean viaThis) {
        static Atom parse(String s) {
            int i = skip(s, 0);
            boolean negated = false;
            if (i < s.length() && s.charAt(i) == '!') {
                negated = true;
                i = skip(s, i + 1);
            }
            int start = i;
            i = identifier(s, i);
            if (i == start) {
                return null;
            }
            String name = s.substring(start, i);
            i = skip(s, i);
            boolean viaThis = name.equals("this");
            if (viaThis) {
                if (i >= s.length() || s.charAt(i) != '.') {
                    return null;
                }
                i = skip(s, i + 1);
                start = i;
                i = identifier(s, i);
                if (i == start) {
                    return null;
                }
                name = s.substring(start, i);
                i = skip(s, i);
            }
            if (i == s.length()) {
                return new Atom(negated, name, false, List.of(), viaThis);
            }
            if (s.charAt(i) != '(') {
                return null;
            }
            List<String> args = new ArrayList<>();
            i = skip(s, i + 1);
            while (i < s.length() && s.charAt(i) != ')') {
                int argStart = i;
                if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                    int close = s.indexOf(s.charAt(i), i + 1);
                    if (close < 0) {
                        return null;
                    }
                    i = close + 1;
                } else if (s.charAt(i) == '$') {
                    i = identifier(s, i + 1);
                    if (i == argStart + 1) {
                        return null;
                    }
                } else {
                    return null;
                }
                args.add(s.substring(argStart, i));
                i = skip(s, i);
                if (i < s.length() && s.charAt(i) == ',') {
                    i = skip(s, i + 1);
                } else if (i < s.length() && s.charAt(i) != ')') {
                    return null;
                }
            }
            if (i >= s.length()) {
                return null;
            }
            i = skip(s, i + 1);
            return i == s.length() ? new Atom(negated, name, true, List.copyOf(args), viaThis) : null;
        }

        private static int identifier(String s, int i) {
            if (i < s.length() && (Character.isLetter(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == '_')) {
                i++;
                while (i < s.length() && (s.charAt(i) < 128 && Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
            }
            return i;
        }

        private static int skip(String s, int i) {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
                i++;
            }
            return i;
        }
    }

    /**
     * The right side of a comparison: a quoted text, a whole number, or true/false.
     *
     * @param pattern the text of a quoted literal read for a regular expression (backslashes kept)
     */
    record Literal(String raw, String text, Long number, Boolean bool, String pattern) {
        boolean isNull() {
            return raw.equals("null");
        }

        static Literal parse(String s) {
            String t = s.strip();
            if (t.equals("null")) {
                return new Literal(t, null, null, null, null);
            }
            if (t.equals("true") || t.equals("false")) {
                return new Literal(t, null, null, Boolean.valueOf(t), null);
            }
            if (t.matches("-?\\d{1,18}")) {
                return new Literal(t, null, Long.parseLong(t), null, null);
            }
            String text = stringLiteral(t);
            String pattern = regexLiteral(t);
            if (text == null && pattern == null) {
                return null;
            }
            return new Literal(t, text, null, null, pattern);
        }

        /**
         * A quoted pattern, unescaped as Java and DRL read texts: {@code "\\d+"} is the pattern
         * {@code \d+}; another backslash is kept as written. Quotes and control characters are not
         * allowed inside.
         */
        private static String regexLiteral(String t) {
            if (t.length() < 2 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"') {
                return null;
            }
            String inner = t.substring(1, t.length() - 1);
            if (inner.length() > LinearRegex.MAX_PATTERN) {
                return null;
            }
            StringBuilder out = new StringBuilder(inner.length());
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '"' || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                    return null;
                }
                if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '\\') {
                    i++;
                }
                out.append(c);
            }
            return out.toString();
        }
    }
}
