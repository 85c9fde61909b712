package pajakdx.explain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mvel2.MVEL;
import org.mvel2.integration.impl.MapVariableResolverFactory;
import pajakdx.facts.AsOf;
import pajakdx.facts.Cause;
import pajakdx.facts.Finding;
import pajakdx.facts.Remedy;

/**
 * Evaluates one normalised Drools constraint on one fact, outside the engine. The forms the rule
 * base writes again and again ({@code value == "x"}, {@code value in ("a", "b")}, {@code known},
 * {@code number > 500}, {@code before("2025-01-11")}, {@code confirmed} ...) are read once into
 * small Java objects and evaluated directly; anything else goes to MVEL, compiled once per
 * expression and type of fact. Interpreting MVEL on every call was most of the time of an
 * explained diagnosis; the direct forms also avoid MVEL's reflective calls, which turn slow when
 * every rule calls a different method. MVEL optimises a compiled expression's accessors while it
 * runs it, which is not safe from two threads at once (Drools locks its constraints until their
 * first evaluation for the same reason): each compiled expression here is run under its own lock.
 * Few constraints take that path, and a lock nobody else holds costs nanoseconds.
 */
final class ConstraintEval {
    private static final Pattern EQUALS = Pattern.compile("^\\s*(value|format|id)\\s*(==|!=)\\s*\"([^\"]*)\"\\s*$");
    private static final Pattern IN = Pattern.compile("^\\s*(value|format|id)\\s+(not\\s+)?in\\s*\\(([^()]*)\\)\\s*$");
    private static final Pattern LITERAL = Pattern.compile("\\s*\"([^\"]*)\"\\s*(,|$)");
    private static final Pattern KNOWN = Pattern.compile("^\\s*(!\\s*)?known\\s*(==\\s*(true|false))?\\s*$");
    private static final Pattern FLAG = Pattern.compile("^\\s*(!\\s*)?(timeGiven|confirmed|suspected|ruledOut)\\s*$");
    private static final Pattern NUMBER = Pattern.compile("^\\s*number\\s*(<=|>=|==|!=|<|>)\\s*(-?\\d{1,18})\\s*$");
    private static final Pattern CALL = Pattern.compile(
            "^\\s*(!\\s*)?(before|onOrAfter|between)\\s*\\(\\s*\"([^\"]*)\"\\s*(?:,\\s*\"([^\"]*)\"\\s*)?\\)\\s*$");

    private ConstraintEval() {
    }

    /** A constraint read once into a form evaluated without regular expressions or MVEL. */
    private sealed interface Fast {
    }

    /** {@code known}, {@code !known}, {@code known == false} ... */
    private record KnownTest(boolean negated) implements Fast {
    }

    /** {@code value == "x"}, {@code format != "y"}, {@code id == "z"}. */
    private record Equality(String field, boolean equal, String literal) implements Fast {
    }

    /** {@code value in ("a", "b")}, {@code id not in (...)}. */
    private record In(String field, boolean negated, Set<String> literals) implements Fast {
    }

    /** Alternatives joined by {@code ||}, each fast. */
    private record AnyOf(List<Fast> parts) implements Fast {
    }

    /** {@code timeGiven} on AsOf; {@code confirmed}, {@code suspected}, {@code ruledOut} on Cause. */
    private record Flag(boolean negated, String name) implements Fast {
    }

    /** {@code number > 500} ... on a number finding. */
    private record NumberTest(String op, long bound) implements Fast {
    }

    /** {@code before("2025-01-11")}, {@code onOrAfter(...)}, {@code between(a, b)}, possibly negated. */
    private record DateCall(boolean negated, String name, String first, String second) implements Fast {
    }

    /** Left to MVEL. */
    private record Slow() implements Fast {
    }

    private static final Slow SLOW = new Slow();

    /** A compiled MVEL expression; run only while holding it (see the class comment). */
    private record Compiled(Serializable expression) {
    }

    private static final Map<Class<?>, Map<String, Compiled>> COMPILED = new ConcurrentHashMap<>();
    private static final Map<String, Fast> PARSED = new ConcurrentHashMap<>();

    /** True for constraints that only ask whether the finding is known (decidable when it is not). */
    static boolean isKnownTest(String expr) {
        return parsed(expr) instanceof KnownTest;
    }

    /**
     * True when {@code expr} is a test of known, or of value or format by equality: on a Finding
     * it is read directly, or (value or format not set) by MVEL on a plain property, and so it
     * never fails to evaluate.
     */
    static boolean isReadDirectly(String expr) {
        return readsFindingDirectly(parsed(expr));
    }

    private static boolean readsFindingDirectly(Fast f) {
        if (f instanceof AnyOf any) {
            return any.parts().stream().allMatch(ConstraintEval::readsFindingDirectly);
        }
        return f instanceof KnownTest || f instanceof Equality e && !e.field().equals("id");
    }

    /** Evaluates {@code expr} on {@code fact} with the rule's variables; throws if it cannot. */
    static boolean holds(String expr, Object fact, Map<String, Object> vars) {
        Boolean fast = fast(parsed(expr), fact);
        if (fast != null) {
            return fast;
        }
        return Boolean.TRUE.equals(eval(expr, fact, vars));
    }

    /** True when {@code expr} has a direct form (MVEL is then only asked for facts it does not fit). */
    static boolean hasDirectForm(String expr) {
        return !(parsed(expr) instanceof Slow);
    }

    /** What MVEL alone says of {@code expr} (for tests: the direct forms must agree with it). */
    static boolean holdsByMvel(String expr, Object fact, Map<String, Object> vars) {
        return Boolean.TRUE.equals(eval(expr, fact, vars));
    }

    /**
     * Evaluates an MVEL expression (a constraint or a field binding) compiled once per type of
     * fact; throws if it cannot. Per type, because a compiled expression optimises its accessors
     * for the first fact it sees: {@code onOrAfter("2025-01-21")} is written on AsOf and on
     * Finding, and sharing one compiled copy made MVEL throw and re-optimise on every switch.
     */
    static Object eval(String expr, Object fact, Map<String, Object> vars) {
        Map<String, Compiled> ofType = COMPILED.computeIfAbsent(fact.getClass(), t -> new ConcurrentHashMap<>());
        Compiled compiled = ofType.get(expr);
        if (compiled == null) {
            compiled = new Compiled(MVEL.compileExpression(expr));
            if (ofType.size() < 100_000) { // bounded: rule bases are finite, reloads repeat expressions
                Compiled raced = ofType.putIfAbsent(expr, compiled);
                compiled = raced != null ? raced : compiled;
            }
        }
        synchronized (compiled) {
            return MVEL.executeExpression(compiled.expression(), fact, new MapVariableResolverFactory(vars));
        }
    }

    private static Fast parsed(String expr) {
        Fast f = PARSED.get(expr);
        if (f == null) {
            f = parse(expr);
            if (PARSED.size() < 100_000) {
                PARSED.put(expr, f);
            }
        }
        return f;
    }

    private static Fast parse(String expr) {
        Matcher k = KNOWN.matcher(expr);
        if (k.matches()) {
            return new KnownTest(k.group(1) != null ^ "false".equals(k.group(3)));
        }
        if (expr.contains("||")) {
            List<Fast> parts = new ArrayList<>();
            for (String p : expr.split("\\|\\|")) {
                Fast one = parse(p);
                if (one instanceof Slow) {
                    return SLOW;
                }
                parts.add(one);
            }
            return new AnyOf(List.copyOf(parts));
        }
        if (expr.indexOf('\\') >= 0) {
            return SLOW; // escapes in a literal: MVEL decodes them, the direct forms would not
        }
        Matcher m = EQUALS.matcher(expr);
        if (m.matches()) {
            return new Equality(m.group(1), m.group(2).equals("=="), m.group(3));
        }
        Matcher in = IN.matcher(expr);
        if (in.matches()) {
            Set<String> literals = literals(in.group(3));
            return literals == null ? SLOW : new In(in.group(1), in.group(2) != null, literals);
        }
        Matcher flag = FLAG.matcher(expr);
        if (flag.matches()) {
            return new Flag(flag.group(1) != null, flag.group(2));
        }
        Matcher n = NUMBER.matcher(expr);
        if (n.matches()) {
            return new NumberTest(n.group(1), Long.parseLong(n.group(2)));
        }
        Matcher call = CALL.matcher(expr);
        if (call.matches() && (call.group(2).equals("between") == (call.group(4) != null))) {
            return new DateCall(call.group(1) != null, call.group(2), call.group(3), call.group(4));
        }
        return SLOW;
    }

    /** {@code "a", "b"} as a set; null when the list holds anything but string literals. */
    private static Set<String> literals(String list) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = LITERAL.matcher(list);
        int at = 0;
        while (at < list.length() && m.find(at) && m.start() == at) {
            out.add(m.group(1));
            at = m.end();
        }
        return at == list.length() && !out.isEmpty() ? Set.copyOf(out) : null;
    }

    /** The value, or null when this form does not apply to this fact (MVEL then decides). */
    private static Boolean fast(Fast parsed, Object fact) {
        if (parsed instanceof Slow) {
            return null;
        }
        if (parsed instanceof KnownTest k) {
            return fact instanceof Finding f ? f.isKnown() ^ k.negated() : null;
        }
        if (parsed instanceof Equality e) {
            String actual = field(e.field(), fact);
            return actual == null ? null : e.equal() == e.literal().equals(actual);
        }
        if (parsed instanceof In in) {
            String actual = field(in.field(), fact);
            return actual == null ? null : in.negated() != in.literals().contains(actual);
        }
        if (parsed instanceof AnyOf any) {
            boolean undecided = false;
            for (Fast p : any.parts()) {
                Boolean one = fast(p, fact);
                if (Boolean.TRUE.equals(one)) {
                    return true;
                }
                undecided |= one == null;
            }
            return undecided ? null : false;
        }
        if (parsed instanceof Flag flag) {
            Boolean value = flag(flag.name(), fact);
            return value == null ? null : value ^ flag.negated();
        }
        if (parsed instanceof NumberTest t) {
            return fact instanceof Finding f && f.getNumber() != null ? compare(f.getNumber(), t.op(), t.bound()) : null;
        }
        if (parsed instanceof DateCall call) {
            Boolean value = dateCall(call, fact);
            return value == null ? null : value ^ call.negated();
        }
        return null;
    }

    /** A string field of a fact, or null when the fact has no such field or it is not set. */
    private static String field(String name, Object fact) {
        if (fact instanceof Finding f) {
            return switch (name) {
                case "value" -> f.getValue();
                case "format" -> f.getFormat();
                default -> f.getId();
            };
        }
        if (name.equals("id")) {
            return fact instanceof Cause c ? c.getId() : fact instanceof Remedy r ? r.getId() : null;
        }
        return null;
    }

    private static Boolean flag(String name, Object fact) {
        if (fact instanceof AsOf a) {
            return name.equals("timeGiven") ? a.isTimeGiven() : null;
        }
        if (fact instanceof Cause c) {
            return switch (name) {
                case "confirmed" -> c.isConfirmed();
                case "suspected" -> c.isSuspected();
                case "ruledOut" -> c.isRuledOut();
                default -> null;
            };
        }
        return null;
    }

    private static Boolean dateCall(DateCall call, Object fact) {
        if (fact instanceof AsOf a) {
            return switch (call.name()) {
                case "before" -> a.before(call.first());
                case "onOrAfter" -> a.onOrAfter(call.first());
                default -> a.between(call.first(), call.second());
            };
        }
        if (fact instanceof Finding f && !call.name().equals("between")) {
            return call.name().equals("before") ? f.before(call.first()) : f.onOrAfter(call.first());
        }
        return null;
    }

    private static boolean compare(long actual, String op, long bound) {
        return switch (op) {
            case "<" -> actual < bound;
            case "<=" -> actual <= bound;
            case ">" -> actual > bound;
            case ">=" -> actual >= bound;
            case "==" -> actual == bound;
            default -> actual != bound;
        };
    }

    /**
     * The literal values a constraint admits when it only tests {@code value} for equality
     * ({@code value == "a"} or alternatives of such); null for any other constraint.
     */
    static Set<String> admittedValues(String expr) {
        Fast f = parsed(expr);
        Set<String> out = new LinkedHashSet<>();
        for (Fast p : f instanceof AnyOf any ? any.parts() : List.of(f)) {
            if (!(p instanceof Equality e) || !e.field().equals("value") || !e.equal()) {
                return null;
            }
            out.add(e.literal());
        }
        return out;
    }
}
