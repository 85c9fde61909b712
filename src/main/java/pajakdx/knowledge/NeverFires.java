package pajakdx.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pajakdx.facts.AsOf;
import pajakdx.facts.Finding;

/**
 * Finds rules whose conditions contradict each other, so that no case can ever make them fire.
 * A session holds one Finding per id and one AsOf, which makes the common contradictions
 * decidable: one finding required with two values, known and not known, present and absent,
 * or an as-of window that is empty. The analysis is conservative: a constraint it does not
 * understand is taken to allow anything, so it never calls a rule dead that could fire.
 */
final class NeverFires {
    /** The state of a finding that is present but explicitly unknown. */
    private static final String UNKNOWN = "(unknown)";
    /** Any known value of a finding whose values are not enumerated (numbers, dates, text). */
    private static final String SOME_VALUE = "(a value)";

    private static final Pattern EQUALS = Pattern.compile("^\\s*value\\s*==\\s*\"([^\"]*)\"\\s*$");
    private static final Pattern NOT_EQUALS = Pattern.compile("^\\s*value\\s*!=\\s*\"([^\"]*)\"\\s*$");
    private static final Pattern KNOWN = Pattern.compile("^\\s*known(\\s*==\\s*true)?\\s*$");
    private static final Pattern NOT_KNOWN = Pattern.compile("^\\s*(!\\s*known|known\\s*==\\s*false)\\s*$");
    private static final Pattern AS_OF_CALL = Pattern.compile(
            "^\\s*(before|onOrAfter|between)\\(\\s*\"([^\"]+)\"\\s*(?:,\\s*\"([^\"]+)\"\\s*)?\\)\\s*$");

    private NeverFires() {
    }

    /**
     * Why a rule can never fire.
     *
     * @param text      the reason in plain words
     * @param findingId the finding whose conditions contradict, or null for the as-of window
     */
    record Reason(String text, String findingId) {
    }

    /** Why {@code rule} can never fire, or empty when it can (or when that cannot be told). */
    static Optional<Reason> why(RuleInfo rule, Catalog catalog) {
        List<Condition> top = rule.condition() instanceof Condition.All a ? a.children() : List.of(rule.condition());
        Map<String, List<Condition.Pattern>> required = new LinkedHashMap<>();
        Map<String, List<Condition.Pattern>> forbidden = new LinkedHashMap<>();
        List<String> asOf = new ArrayList<>();
        for (Condition c : top) {
            Condition positive = c instanceof Condition.Exists e ? e.child() : c;
            if (positive instanceof Condition.Pattern p && p.type() == Finding.class && p.findingId() != null) {
                required.computeIfAbsent(p.findingId(), k -> new ArrayList<>()).add(p);
            } else if (positive instanceof Condition.Pattern p && p.type() == AsOf.class) {
                asOf.addAll(p.constraints());
            } else if (c instanceof Condition.Not n && n.child() instanceof Condition.Pattern p
                    && p.type() == Finding.class && p.findingId() != null) {
                forbidden.computeIfAbsent(p.findingId(), k -> new ArrayList<>()).add(p);
            }
        }
        for (var e : required.entrySet()) {
            FindingDef def = catalog.findings().get(e.getKey());
            if (def == null) {
                continue; // reported as an unknown finding
            }
            Set<String> all = states(def);
            Set<String> possible = new LinkedHashSet<>(all);
            List<String> asked = new ArrayList<>();
            for (Condition.Pattern p : e.getValue()) {
                Set<String> allowed = allows(p, def, all, true);
                asked.add(describe(allowed, all));
                possible.retainAll(allowed);
            }
            if (possible.isEmpty()) {
                return Optional.of(new Reason("finding '" + e.getKey() + "' is required to be "
                        + String.join(" and also ", asked) + ", but a case holds one value per finding", e.getKey()));
            }
            for (Condition.Pattern n : forbidden.getOrDefault(e.getKey(), List.of())) {
                Set<String> excluded = allows(n, def, all, false);
                if (excluded.containsAll(possible)) {
                    return Optional.of(new Reason("finding '" + e.getKey() + "' is required to be "
                            + describe(possible, all) + ", and a 'not' condition forbids it being "
                            + describe(excluded, all), e.getKey()));
                }
            }
        }
        return emptyWindow(asOf);
    }

    /** The states a finding can be in: its values (or "a value") and "unknown". */
    private static Set<String> states(FindingDef def) {
        Set<String> out = new LinkedHashSet<>(def.valueIds());
        if (out.isEmpty()) {
            out.add(SOME_VALUE);
        }
        out.add(UNKNOWN);
        return out;
    }

    /**
     * The states a pattern's constraints let through. With {@code over} true, a constraint not
     * understood lets everything through (for required patterns); with false, nothing (for
     * 'not' patterns): either way the answer errs towards "can fire".
     */
    private static Set<String> allows(Condition.Pattern p, FindingDef def, Set<String> all, boolean over) {
        Set<String> out = new LinkedHashSet<>(all);
        boolean enumerated = !def.valueIds().isEmpty();
        for (String expr : p.constraints()) {
            Set<String> one = allowsOne(expr, enumerated, all);
            if (one == null) {
                if (!over) {
                    return Set.of();
                }
                continue;
            }
            out.retainAll(one);
        }
        return out;
    }

    private static Set<String> allowsOne(String expr, boolean enumerated, Set<String> all) {
        if (KNOWN.matcher(expr).matches()) {
            Set<String> s = new LinkedHashSet<>(all);
            s.remove(UNKNOWN);
            return s;
        }
        if (NOT_KNOWN.matcher(expr).matches()) {
            return Set.of(UNKNOWN);
        }
        Set<String> alternatives = new LinkedHashSet<>();
        for (String part : expr.split("\\|\\|")) {
            Matcher eq = EQUALS.matcher(part);
            if (!eq.matches()) {
                alternatives = null;
                break;
            }
            alternatives.add(enumerated ? eq.group(1) : SOME_VALUE);
        }
        if (alternatives != null) {
            return alternatives;
        }
        Matcher ne = NOT_EQUALS.matcher(expr);
        if (ne.matches() && enumerated) {
            Set<String> s = new LinkedHashSet<>(all);
            s.remove(ne.group(1));
            return s;
        }
        return null;
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
    private static Optional<Reason> emptyWindow(List<String> constraints) {
        LocalDate lower = null;
        LocalDate upper = null;
        boolean upperExclusive = false;
        List<String> said = new ArrayList<>();
        for (String expr : constraints) {
            Matcher m = AS_OF_CALL.matcher(expr);
            if (!m.matches()) {
                continue;
            }
            try {
                LocalDate a = day(m.group(2));
                switch (m.group(1)) {
                    case "before" -> {
                        boolean exclusive = !m.group(2).contains("T");
                        if (upper == null || a.isBefore(upper) || a.equals(upper) && exclusive) {
                            upper = a;
                            upperExclusive = exclusive;
                        }
                    }
                    case "onOrAfter" -> lower = lower == null || a.isAfter(lower) ? a : lower;
                    default -> {
                        if (m.group(3) == null) {
                            continue;
                        }
                        LocalDate b = day(m.group(3));
                        lower = lower == null || a.isAfter(lower) ? a : lower;
                        if (upper == null || b.isBefore(upper)) {
                            upper = b;
                            upperExclusive = false;
                        }
                    }
                }
                said.add(expr.trim());
            } catch (java.time.DateTimeException e) {
                return Optional.empty(); // a bad date fails at run time with its own message
            }
        }
        if (lower != null && upper != null && (lower.isAfter(upper) || upperExclusive && !lower.isBefore(upper))) {
            return Optional.of(new Reason("its as-of conditions leave no date at all (" + String.join(", ", said)
                    + ")", null));
        }
        return Optional.empty();
    }

    private static LocalDate day(String iso) {
        return iso.contains("T") ? java.time.LocalDateTime.parse(iso).toLocalDate() : LocalDate.parse(iso);
    }
}
