package pajakdx.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pajakdx.facts.Finding;

/**
 * Finds rules whose conditions contradict each other, so that no case can ever make them fire.
 * A session holds one Finding per id and one AsOf, which makes the common contradictions
 * decidable: one finding required with two values, known and not known, present and absent,
 * or an as-of window that is empty. Each constraint is asked directly (the same
 * {@link Constraint#test} that WHY NOT uses) about every state the finding can be in: its
 * values and "unknown". The analysis is conservative: a constraint that cannot say for a state
 * is taken to allow it, so it never calls a rule dead that could fire.
 */
final class NeverFires {
    /** The state of a finding that is present but explicitly unknown. */
    private static final String UNKNOWN = "(unknown)";
    /** Any known value of a finding whose values are not enumerated (numbers, dates, text). */
    private static final String SOME_VALUE = "(a value)";

    private final Catalog catalog;
    /** Each finding's states, worked out once per check: a rule base asks about the same few often. */
    private final Map<String, States> states = new HashMap<>();

    /** One analysis of the rules of {@code catalog}'s vocabulary. */
    NeverFires(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Why a rule can never fire.
     *
     * @param text    the reason in plain words
     * @param pattern the pattern whose condition contradicts the others
     */
    record Reason(String text, Condition.Pattern pattern) {
    }

    /**
     * The states a finding can be in, in order: its values (or "a value") and "unknown"; a stand-in
     * finding for each (none for "a value"); and the value states by the text of their stand-in's
     * value, so that a {@code value == "x"} test is asked only about the states it can let through
     * (the built-in finding {@code problem} has a value per problem, and nearly every rule tests it).
     */
    private record States(Set<String> all, Map<String, Finding> standIns, Map<String, List<String>> byValue,
                          Map<String, Integer> order) {
        static States of(FindingDef def) {
            Set<String> all = new LinkedHashSet<>(def.valueIds());
            if (all.isEmpty()) {
                all.add(SOME_VALUE);
            }
            all.add(UNKNOWN);
            Map<String, Finding> standIns = new HashMap<>();
            Map<String, List<String>> byValue = new HashMap<>();
            Map<String, Integer> order = new HashMap<>();
            for (String state : all) {
                order.put(state, order.size());
                Finding standIn = state.equals(UNKNOWN) ? Finding.unknown(def.id(), def.type())
                        : state.equals(SOME_VALUE) ? null : Finding.of(def.id(), def.type(), state);
                standIns.put(state, standIn);
                Object value = standIn == null ? null : Constraint.Field.VALUE.read(standIn);
                if (value != null) {
                    byValue.computeIfAbsent(value.toString(), k -> new ArrayList<>()).add(state);
                }
            }
            return new States(java.util.Collections.unmodifiableSet(all), standIns, byValue, order);
        }

        /**
         * The states worth asking {@code p} about, in order: all of them, or, when {@code p} tests
         * {@code value == "x"} (or {@code value in (...)}), the states whose value is one of those
         * and the states without a value to compare ("a value", "unknown"): every other state fails
         * that test, as {@link Constraint.Compare} and {@link Constraint.AnyOf} answer it, so
         * leaving it out changes no answer.
         */
        Iterable<String> askable(Condition.Pattern p) {
            for (Constraint c : p.tests()) {
                List<String> literals = equalities(c);
                if (literals != null) {
                    Set<String> some = new HashSet<>();
                    literals.forEach(v -> some.addAll(byValue.getOrDefault(v, List.of())));
                    some.add(SOME_VALUE);
                    some.add(UNKNOWN);
                    some.retainAll(all);
                    List<String> out = new ArrayList<>(some);
                    out.sort(java.util.Comparator.comparingInt(order::get));
                    return out;
                }
            }
            return all;
        }

        /** The literals a test needs the value to equal one of, or null when it is not such a test. */
        private static List<String> equalities(Constraint c) {
            if (c instanceof Constraint.Compare cmp && cmp.field() == Constraint.Field.VALUE
                    && cmp.op() == Constraint.Op.EQ && cmp.number() == null) {
                return List.of(cmp.value());
            }
            if (c instanceof Constraint.AnyOf any && !any.parts().isEmpty()) {
                List<String> out = new ArrayList<>();
                for (Constraint part : any.parts()) {
                    List<String> some = equalities(part);
                    if (some == null) {
                        return null;
                    }
                    out.addAll(some);
                }
                return out;
            }
            return null;
        }
    }

    /** Why {@code rule} can never fire, or empty when it can (or when that cannot be told). */
    Optional<Reason> why(Rule rule) {
        Map<String, List<Condition.Pattern>> required = new LinkedHashMap<>();
        Map<String, List<Condition.Pattern>> forbidden = new LinkedHashMap<>();
        List<Condition.Pattern> asOf = new ArrayList<>();
        for (Condition c : Condition.top(rule.condition())) {
            Condition positive = c instanceof Condition.Exists e ? e.child() : c;
            if (positive instanceof Condition.Pattern p && p.findingId() != null) {
                required.computeIfAbsent(p.findingId(), k -> new ArrayList<>()).add(p);
            } else if (positive instanceof Condition.Pattern p && p.type() == FactType.AS_OF) {
                asOf.add(p);
            } else if (c instanceof Condition.Not n && n.child() instanceof Condition.Pattern p && p.findingId() != null) {
                forbidden.computeIfAbsent(p.findingId(), k -> new ArrayList<>()).add(p);
            }
        }
        for (var e : required.entrySet()) {
            FindingDef def = catalog.findings().get(e.getKey());
            if (def == null) {
                continue; // reported as an unknown finding
            }
            States st = states.computeIfAbsent(def.id(), k -> States.of(def));
            Set<String> all = st.all();
            Set<String> possible = null; // all of them, until a pattern says otherwise
            List<Set<String>> asked = new ArrayList<>();
            for (Condition.Pattern p : e.getValue()) {
                Set<String> allowed = allows(p, st, true);
                asked.add(allowed);
                if (possible == null) {
                    possible = new LinkedHashSet<>(allowed);
                } else {
                    possible.retainAll(allowed);
                }
                if (allowed.isEmpty()) {
                    return Optional.of(new Reason("no value of finding '" + e.getKey() + "' passes all the tests of"
                            + " this condition", p));
                }
                if (possible.isEmpty()) {
                    return Optional.of(new Reason("finding '" + e.getKey() + "' is required to be "
                            + String.join(" and also ", asked.stream().map(a -> describe(a, all)).toList())
                            + ", but a case holds one value per finding", p));
                }
            }
            for (Condition.Pattern n : forbidden.getOrDefault(e.getKey(), List.of())) {
                Set<String> excluded = allows(n, st, false);
                if (excluded.containsAll(possible)) {
                    return Optional.of(new Reason("finding '" + e.getKey() + "' is required to be "
                            + describe(possible, all) + ", and a 'not' condition forbids it being "
                            + describe(excluded, all), n));
                }
            }
        }
        return emptyWindow(asOf);
    }

    /**
     * The states a pattern's tests let through. With {@code over} true, a test that cannot say
     * lets the state through (for required patterns); with false, it does not (for 'not'
     * patterns): either way the answer errs towards "can fire".
     */
    private static Set<String> allows(Condition.Pattern p, States st, boolean over) {
        Set<String> out = new LinkedHashSet<>();
        for (String state : st.askable(p)) {
            Finding standIn = st.standIns().get(state);
            boolean through = true;
            for (Constraint c : p.tests()) {
                Boolean holds = standIn == null ? (c instanceof Constraint.Known k ? !k.negated() : null)
                        : c.test(standIn, Map.of());
                if (holds == null ? !over : !holds) {
                    through = false;
                    break;
                }
            }
            if (through) {
                out.add(state);
            }
        }
        return out;
    }

    private static String describe(Set<String> states, Set<String> all) {
        if (states.isEmpty()) {
            return "nothing at all";
        }
        if (states.equals(Set.of(UNKNOWN))) {
            return "unknown";
        }
        Set<String> known = new LinkedHashSet<>(all);
        known.remove(UNKNOWN);
        if (states.equals(known)) {
            return "known";
        }
        if (states.equals(all)) {
            return "present";
        }
        if (states.contains(UNKNOWN) && states.size() > all.size() / 2) {
            List<String> missing = all.stream().filter(s -> !states.contains(s)).map(s -> "'" + s + "'").toList();
            return "anything but " + String.join(" or ", missing);
        }
        List<String> quoted = states.stream().map(s -> s.startsWith("(") ? s : "'" + s + "'").toList();
        return String.join(" or ", quoted);
    }

    /**
     * An as-of window no date can fall in. Compared by date only, so that windows meeting on one
     * day (a date-time boundary) are never called empty.
     */
    private static Optional<Reason> emptyWindow(List<Condition.Pattern> patterns) {
        LocalDate lower = null;
        LocalDate upper = null;
        boolean upperExclusive = false;
        List<String> said = new ArrayList<>();
        Condition.Pattern last = null;
        for (Condition.Pattern p : patterns) {
            for (Constraint c : p.tests()) {
                if (!(c instanceof Constraint.DateTest d) || d.negated()) {
                    continue;
                }
                LocalDate a = day(d.first());
                switch (d.method()) {
                    case "before" -> {
                        boolean exclusive = !d.first().contains("T");
                        if (upper == null || a.isBefore(upper) || a.equals(upper) && exclusive) {
                            upper = a;
                            upperExclusive = exclusive;
                        }
                    }
                    case "onOrAfter" -> lower = lower == null || a.isAfter(lower) ? a : lower;
                    default -> {
                        LocalDate b = day(d.second());
                        lower = lower == null || a.isAfter(lower) ? a : lower;
                        if (upper == null || b.isBefore(upper)) {
                            upper = b;
                            upperExclusive = false;
                        }
                    }
                }
                said.add(d.drl());
                last = p;
            }
        }
        if (lower != null && upper != null && (lower.isAfter(upper) || upperExclusive && !lower.isBefore(upper))) {
            return Optional.of(new Reason("its as-of conditions leave no date at all (" + String.join(", ", said)
                    + ")", last));
        }
        return Optional.empty();
    }

    private static LocalDate day(String iso) {
        return iso.contains("T") ? java.time.LocalDateTime.parse(iso).toLocalDate() : LocalDate.parse(iso);
    }
}
