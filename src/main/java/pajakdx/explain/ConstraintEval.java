package pajakdx.explain;

import java.util.Map;
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

    /** True for constraints that only ask whether the finding is known (decidable when it is not). */
    static boolean isKnownTest(String expr) {
        return KNOWN.matcher(expr).matches();
    }

    /** Evaluates {@code expr} on {@code fact} with the rule's variables; throws if it cannot. */
    static boolean holds(String expr, Object fact, Map<String, Object> vars) {
        if (fact instanceof Finding f) {
            Boolean fast = fast(expr, f);
            if (fast != null) {
                return fast;
            }
        }
        Object result = MVEL.eval(expr, fact, vars);
        return Boolean.TRUE.equals(result);
    }

    private static Boolean fast(String expr, Finding f) {
        Matcher k = KNOWN.matcher(expr);
        if (k.matches()) {
            boolean negated = k.group(1) != null ^ "false".equals(k.group(3));
            return f.isKnown() ^ negated;
        }
        if (expr.contains("||")) {
            String[] parts = expr.split("\\|\\|");
            for (String p : parts) {
                Boolean one = fast(p, f);
                if (one == null) {
                    return null;
                }
                if (one) {
                    return true;
                }
            }
            return false;
        }
        Matcher m = EQUALS.matcher(expr);
        if (m.matches()) {
            String actual = m.group(1).equals("value") ? f.getValue() : f.getFormat();
            boolean equal = m.group(3).equals(actual);
            return m.group(2).equals("==") == equal;
        }
        return null;
    }
}
