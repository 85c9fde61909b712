package pajakdx.knowledge;

import pajakdx.internal.RuleBases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvel2.MVEL;
import org.mvel2.integration.impl.MapVariableResolverFactory;
import pajakdx.TestRules;
import pajakdx.facts.AsOf;
import pajakdx.facts.Cause;
import pajakdx.facts.Finding;
import pajakdx.facts.FindingType;
import pajakdx.facts.Remedy;
import pajakdx.regex.LinearRegex;

/**
 * The model's own evaluation of a constraint (what WHY NOT, questions and never-fires use) gives
 * what Drools' MVEL gives for the canonical DRL printed from it (what the engine runs), for
 * every constraint the bundled rules write, on facts of every type around their literals.
 */
class ConstraintSemanticsTest {

    @Test
    void everyBundledConstraint_evaluatesAsTheEngineDoes_onFactsAroundItsLiterals() {
        Map<String, Constraint> constraints = new LinkedHashMap<>();
        for (Rule r : RuleBases.of(TestRules.rules()).rules()) {
            collect(r.condition(), constraints);
        }
        AsOf asOf = AsOf.ofDate(LocalDate.of(2025, 1, 11));
        Map<String, Object> vars = Map.of("$asOf", asOf, "$a", asOf);
        int compared = 0;
        for (Constraint c : constraints.values()) {
            for (Object fact : factsFor(c)) {
                Boolean ours = c.test(fact, vars);
                Boolean engine = mvel(c.drl(), fact, vars);
                if (ours != null && engine != null) {
                    assertEquals(engine, ours, c.drl() + " on " + fact);
                    compared++;
                }
            }
        }
        assertTrue(constraints.size() > 50, "the bundled rules write many constraints: " + constraints.size());
        assertTrue(compared > 1000, "compared " + compared);
    }

    @Test
    void negation_holdsExactlyWhenTheConstraintFails() {
        Map<String, Constraint> constraints = new LinkedHashMap<>();
        for (Rule r : RuleBases.of(TestRules.rules()).rules()) {
            collect(r.condition(), constraints);
        }
        AsOf asOf = AsOf.ofDate(LocalDate.of(2025, 1, 11));
        Map<String, Object> vars = Map.of("$asOf", asOf, "$a", asOf);
        int compared = 0;
        for (Constraint c : constraints.values()) {
            for (Object fact : factsFor(c)) {
                Boolean holds = c.test(fact, vars);
                if (holds != null && !(fact instanceof Finding f && !f.isKnown())) {
                    assertEquals(!holds, c.negate().test(fact, vars), c.drl() + " negated on " + fact);
                    compared++;
                }
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
    }

    @Test
    void matches_runsTheLinearMatcher_inTheEngineToo() {
        Constraint c = new Constraint.Matches(LinearRegex.compile("(a+)+b", false), false, new Location("f", 1));
        Finding long_ = Finding.of("f", FindingType.TEXT, "a".repeat(5_000));
        assertFalse(c.test(long_, Map.of()));
        assertEquals(Boolean.FALSE, mvel(c.drl(), long_, Map.of()));
        assertEquals(Boolean.TRUE, mvel(c.drl(), Finding.of("f", FindingType.TEXT, "aab"), Map.of()));
    }

    private static Boolean mvel(String drl, Object fact, Map<String, Object> vars) {
        try {
            return Boolean.TRUE.equals(MVEL.eval(drl, fact, new MapVariableResolverFactory(new java.util.HashMap<>(vars))));
        } catch (RuntimeException e) {
            return null; // MVEL cannot evaluate it on this fact: nothing to compare
        }
    }

    private static void collect(Condition c, Map<String, Constraint> into) {
        if (c instanceof Condition.Pattern p) {
            p.constraints().forEach(k -> into.putIfAbsent(k.drl(), k));
        }
        Condition.children(c).forEach(x -> collect(x, into));
    }

    /** Facts of every type, with the constraint's own literals and dates one day around them. */
    private static List<Object> factsFor(Constraint c) {
        List<Object> facts = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(c.drl());
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
        for (int years : new int[] {0, 1, 2, 3}) {
            facts.add(Finding.ofDate("f", LocalDate.of(2025, 1, 11).minusYears(years).plusDays(1)));
            facts.add(Finding.ofDate("f", LocalDate.of(2025, 1, 11).minusYears(years)));
        }
        for (int days = -3; days <= 6; days++) {
            facts.add(Finding.ofDate("f", LocalDate.of(2025, 1, 11).minusDays(days)));
        }
        facts.add(Finding.unknown("f", FindingType.CHOICE));
        facts.add(Finding.unknown("f", FindingType.NUMBER));
        facts.add(Finding.unknown("f", FindingType.DATE));
        facts.add(AsOf.ofDate(LocalDate.of(2025, 1, 11)));
        return facts;
    }
}
