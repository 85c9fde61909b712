package pajakdx.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pajakdx.TestRules;
import pajakdx.facts.AsOf;
import pajakdx.facts.Cause;
import pajakdx.facts.Finding;
import pajakdx.facts.FindingType;
import pajakdx.facts.Remedy;
import pajakdx.knowledge.Condition;
import pajakdx.knowledge.Rule;

/**
 * The constraints read directly (without MVEL) give what MVEL gives, for every constraint the
 * bundled rules write, on facts of every type around the values and dates the rules test.
 */
class ConstraintEvalTest {

    @Test
    void everyBundledConstraint_agreesWithMvel_onFactsAroundItsLiterals() {
        Set<String> constraints = new LinkedHashSet<>();
        for (Rule r : TestRules.rules().rules()) {
            collect(r.condition(), constraints);
        }
        AsOf asOf = AsOf.ofDate(LocalDate.of(2025, 1, 11));
        Map<String, Object> vars = Map.of("$asOf", asOf, "$a", asOf);
        int compared = 0;
        int direct = 0;
        for (String expr : constraints) {
            for (Object fact : factsFor(expr)) {
                Boolean mvel;
                try {
                    mvel = ConstraintEval.holdsByMvel(expr, fact, vars);
                } catch (RuntimeException e) {
                    mvel = null; // MVEL cannot evaluate it on this fact: nothing to compare
                }
                if (mvel != null) {
                    assertEquals(mvel, ConstraintEval.holds(expr, fact, vars), expr + " on " + fact);
                    compared++;
                }
            }
            if (ConstraintEval.hasDirectForm(expr) && !ConstraintEval.isReadDirectly(expr)) {
                direct++;
            }
        }
        assertTrue(constraints.size() > 50, "the bundled rules write many constraints: " + constraints.size());
        assertTrue(compared > 1000, "compared " + compared);
        assertTrue(direct > 10, "date, flag, number and list forms are among them: " + direct);
    }

    @Test
    void directForms_readTheirLiteralsExactly() {
        Finding expired = Finding.of("sertel.status", FindingType.CHOICE, "expired");
        assertTrue(ConstraintEval.holds("value in (\"expired\", \"revoked\")", expired, Map.of()));
        assertEquals(false, ConstraintEval.holds("value in (\"expire\", \"revoked\")", expired, Map.of()));
        assertEquals(false, ConstraintEval.holds("value not in (\"expired\")", expired, Map.of()));
        assertTrue(ConstraintEval.holds("number > 1000", Finding.ofNumber("n", 1001), Map.of()));
        assertEquals(false, ConstraintEval.holds("number > 1000", Finding.ofNumber("n", 1000), Map.of()));
        AsOf evening = new AsOf(LocalDateTime.of(2023, 5, 26, 18, 0), true);
        assertTrue(ConstraintEval.holds("between(\"2023-05-26T18:00\", \"2023-05-28T23:59\")", evening, Map.of()));
        assertEquals(false, ConstraintEval.holds("!between(\"2023-05-26T18:00\", \"2023-05-28T23:59\")", evening, Map.of()));
        assertTrue(ConstraintEval.holds("timeGiven", evening, Map.of()));
        assertTrue(ConstraintEval.holds("ruledOut", Cause.ruledOut("x"), Map.of()));
        assertTrue(ConstraintEval.holds("id in (\"x\", \"y\")", Cause.ruledOut("y"), Map.of()));
    }

    @Test
    void literalsWithEscapes_areLeftToMvel_andNeverGateARule() {
        String expr = "value == \"a\\\\b\""; // value == "a\\b": MVEL reads one backslash
        Finding f = Finding.of("f", FindingType.TEXT, "a\\b");
        assertEquals(false, ConstraintEval.hasDirectForm(expr));
        assertEquals(null, ConstraintEval.admittedValues(expr));
        assertTrue(ConstraintEval.holds(expr, f, Map.of()), "MVEL decodes the escape; the raw text would not match");
    }

    private static void collect(Condition c, Set<String> into) {
        if (c instanceof Condition.Pattern p) {
            into.addAll(p.constraints());
        } else if (c instanceof Condition.All a) {
            a.children().forEach(x -> collect(x, into));
        } else if (c instanceof Condition.Any a) {
            a.children().forEach(x -> collect(x, into));
        } else if (c instanceof Condition.Not n) {
            collect(n.child(), into);
        } else if (c instanceof Condition.Exists e) {
            collect(e.child(), into);
        }
    }

    /** Facts of every type, with the expression's own literals and dates one day around them. */
    private static List<Object> factsFor(String expr) {
        List<Object> facts = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(expr);
        while (m.find()) {
            literals.add(m.group(1));
        }
        literals.add("something-else");
        for (String lit : literals) {
            facts.add(Finding.of("f", FindingType.CHOICE, lit));
            facts.add(Finding.of("f", FindingType.TEXT, lit));
            facts.add(Finding.ofIdentifier("f", "0123456789012345", lit, true));
            facts.add(Cause.confirmed(lit));
            facts.add(Cause.suspected(lit));
            facts.add(Cause.ruledOut(lit));
            facts.add(new Remedy(lit));
            if (lit.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                LocalDateTime t = lit.contains("T") ? LocalDateTime.parse(lit) : LocalDate.parse(lit).atStartOfDay();
                for (long minutes : new long[] {-24 * 60, -1, 0, 1, 24 * 60}) {
                    facts.add(new AsOf(t.plusMinutes(minutes), true));
                    facts.add(AsOf.ofDate(t.plusMinutes(minutes).toLocalDate()));
                    facts.add(Finding.ofDate("f", t.plusMinutes(minutes).toLocalDate()));
                }
            }
        }
        for (long n : new long[] {-1, 0, 1, 2, 499, 500, 501, 999, 1000, 1001, 1500}) {
            facts.add(Finding.ofNumber("f", n));
        }
        facts.add(Finding.unknown("f", FindingType.CHOICE));
        facts.add(Finding.unknown("f", FindingType.NUMBER));
        facts.add(Finding.unknown("f", FindingType.DATE));
        facts.add(AsOf.ofDate(LocalDate.of(2025, 1, 11)));
        return facts;
    }
}
