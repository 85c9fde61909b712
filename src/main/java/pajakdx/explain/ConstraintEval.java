package pajakdx.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mvel2.MVEL;
import pajakdx.facts.Finding;

/**
 * Evaluates one normalised Drools constraint on one fact, outside the engine. The common forms
 * ({@code value == "x"}, alternatives joined by {@code ||}, {@code known}) are read directly; the
 * rest go to MVEL in interpreted mode, which is safe to call from many threads.
 */
final class ConstraintEval {
    private static final Pattern EQUALS = Pattern.compile("^\\s*(value|format)\\s*(==|!=)\\s*\"([^\"]*)\"\\s*$");
    private static final Pattern KNOWN = Pattern.compile("^\\s*(!\\s*)?known\\s*(==\\s*(true|false))?\\s*$");

    private ConstraintEval() {
    }

    /**
     * A constraint read once into a form evaluated without regular expressions; the same few
     * expressions recur in every diagnosis, so each is parsed only the first time.
     */
    private sealed interface Fast {
    }

    /** {@code known}, {@code !known}, {@code known == false} ... */
    private record KnownTest(boolean negated) implements Fast {
    }

    /** {@code value == "x"}, {@code format != "y"}. */
    private record Equality(boolean onValue, boolean equal, String literal) implements Fast {
    }

    /** Alternatives joined by {@code ||}, each fast. */
    private record AnyOf(List<Fast> parts) implements Fast {
    }

    /** Left to MVEL. */
    private record Slow() implements Fast {
    }

    private static final Slow SLOW = new Slow();
    private static final Map<String, Fast> PARSED = new ConcurrentHashMap<>();

    /** True for constraints that only ask whether the finding is known (decidable when it is not). */
    static boolean isKnownTest(String expr) {
        return parsed(expr) instanceof KnownTest;
    }

    /** True when {@code expr} is evaluated on a Finding without MVEL (and so never fails to evaluate). */
    static boolean isReadDirectly(String expr) {
        return !(parsed(expr) instanceof Slow);
    }

    /** Evaluates {@code expr} on {@code fact} with the rule's variables; throws if it cannot. */
    static boolean holds(String expr, Object fact, Map<String, Object> vars) {
        if (fact instanceof Finding f) {
            Boolean fast = fast(parsed(expr), f);
            if (fast != null) {
                return fast;
            }
        }
        Object result = MVEL.eval(expr, fact, vars);
        return Boolean.TRUE.equals(result);
    }

    private static Fast parsed(String expr) {
        Fast f = PARSED.get(expr);
        if (f == null) {
            f = parse(expr);
            if (PARSED.size() < 100_000) { // bounded: rule bases are finite, reloads repeat expressions
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
        Matcher m = EQUALS.matcher(expr);
        if (m.matches()) {
            return new Equality(m.group(1).equals("value"), m.group(2).equals("=="), m.group(3));
        }
        return SLOW;
    }

    private static Boolean fast(Fast parsed, Finding f) {
        if (parsed instanceof KnownTest k) {
            return f.isKnown() ^ k.negated();
        }
        if (parsed instanceof Equality e) {
            boolean equal = e.literal().equals(e.onValue() ? f.getValue() : f.getFormat());
            return e.equal() == equal;
        }
        if (parsed instanceof AnyOf any) {
            for (Fast p : any.parts()) {
                if (Boolean.TRUE.equals(fast(p, f))) {
                    return true;
                }
            }
            return false;
        }
        return null;
    }

    /**
     * The literal values a constraint admits when it only tests {@code value} for equality
     * ({@code value == "a"} or alternatives of such); null for any other constraint.
     */
    static java.util.Set<String> admittedValues(String expr) {
        Fast f = parsed(expr);
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Fast p : f instanceof AnyOf any ? any.parts() : List.of(f)) {
            if (!(p instanceof Equality e) || !e.onValue() || !e.equal()) {
                return null;
            }
            out.add(e.literal());
        }
        return out;
    }
}
