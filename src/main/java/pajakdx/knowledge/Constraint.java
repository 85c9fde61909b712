package pajakdx.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import pajakdx.facts.AsOf;
import pajakdx.facts.Cause;
import pajakdx.facts.Finding;
import pajakdx.facts.Remedy;
import pajakdx.regex.LinearRegex;

/**
 * One test inside a pattern, in the only forms a rule may write: a field compared with a literal,
 * {@code known}, a flag, a date test, a measure from the as-of date compared with a number, a
 * text matched by a linear-time pattern, and alternatives or conjunctions of these. The same
 * object is evaluated (three-valued, by WHY NOT and questions), printed as DRL for Drools to
 * compile, shown to people, negated (derived statuses) and checked (lint, never-fires): the rule
 * is parsed once and every reader uses this model.
 */
public sealed interface Constraint extends java.io.Serializable {

    /**
     * Evaluates this constraint on {@code fact}; {@code vars} holds the rule's pattern variables
     * ({@code $a} to an AsOf). Null when the constraint does not apply to this kind of fact or a
     * value it reads is missing: a Drools constraint would then fail to evaluate.
     */
    Boolean test(Object fact, Map<String, Object> vars);

    /** The constraint as canonical DRL (literals are validated when read, so printing is safe). */
    String drl();

    /** The constraint as people read it: {@code = no}, {@code is known}, {@code in {a, b}}. */
    String text();

    /** The constraint close to how it is written: {@code format == "nik" || format == "npwp16"}. */
    String raw();

    /** The constraint that holds exactly when this one fails (on a fact it applies to). */
    Constraint negate();

    /** Where it is written. */
    Location at();

    /** Fields of a fact that a constraint may compare. */
    enum Field {
        ID("id"), VALUE("value"), FORMAT("format"), NUMBER("number");

        private final String drl;

        Field(String drl) {
            this.drl = drl;
        }

        public String drl() {
            return drl;
        }

        /** The field's value on {@code fact}, or null when the fact has no such field or it is not set. */
        Object read(Object fact) {
            if (fact instanceof Finding f) {
                return switch (this) {
                    case ID -> f.getId();
                    case VALUE -> f.getValue();
                    case FORMAT -> f.getFormat();
                    case NUMBER -> f.getNumber();
                };
            }
            if (this == ID) {
                return fact instanceof Cause c ? c.getId() : fact instanceof Remedy r ? r.getId() : null;
            }
            return null;
        }
    }

    /** Comparison operators. */
    enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String drl;

        Op(String drl) {
            this.drl = drl;
        }

        public String drl() {
            return drl;
        }

        public static Op parse(String s) {
            for (Op op : values()) {
                if (op.drl.equals(s)) {
                    return op;
                }
            }
            return null;
        }

        Op inverse() {
            return switch (this) {
                case EQ -> NE;
                case NE -> EQ;
                case LT -> GE;
                case LE -> GT;
                case GT -> LE;
                case GE -> LT;
            };
        }

        boolean holds(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
            };
        }

        /** As people read it. */
        String symbol() {
            return switch (this) {
                case EQ -> "=";
                case NE -> "≠";
                case LT -> "<";
                case LE -> "≤";
                case GT -> ">";
                case GE -> "≥";
            };
        }
    }

    /** {@code value == "no"}, {@code id != "x"}, {@code number > 500}: a field against a literal. */
    record Compare(Field field, Op op, String value, Long number, Location at) implements Constraint {
        public Boolean test(Object fact, Map<String, Object> vars) {
            Object actual = field.read(fact);
            if (actual == null) {
                // As Drools answers for a finding without a value: == fails, != holds, an order cannot be told.
                return fact instanceof Finding && op == Op.EQ ? Boolean.FALSE
                        : fact instanceof Finding && op == Op.NE ? Boolean.TRUE : null;
            }
            if (number != null) {
                return actual instanceof Long n ? op.holds(Long.compare(n, number)) : null;
            }
            return op.holds(actual.toString().equals(value) ? 0 : 1);
        }

        public String drl() {
            String test = field.drl() + " " + op.drl() + " " + drlLiteral();
            // An order on a missing number is false (as here), never an unboxing error in compiled code.
            return number != null && op != Op.EQ && op != Op.NE ? "(" + field.drl() + " != null && " + test + ")" : test;
        }

        private String drlLiteral() {
            return number != null ? number.toString() : "\"" + value + "\"";
        }

        public String text() {
            if (number != null || op != Op.EQ && op != Op.NE) {
                return raw();
            }
            return (field == Field.VALUE ? "" : field.drl() + " ") + op.symbol() + " " + value;
        }

        public String raw() {
            return field.drl() + " " + op.drl() + " " + drlLiteral();
        }

        public Constraint negate() {
            return new Compare(field, op.inverse(), value, number, at);
        }
    }

    /** {@code known} or {@code !known}: whether a finding has a value. */
    record Known(boolean negated, Location at) implements Constraint {
        public Boolean test(Object fact, Map<String, Object> vars) {
            return fact instanceof Finding f ? f.isKnown() != negated : null;
        }

        public String drl() {
            return negated ? "!known" : "known";
        }

        public String text() {
            return negated ? "is not known" : "is known";
        }

        public String raw() {
            return drl();
        }

        public Constraint negate() {
            return new Known(!negated, at);
        }
    }

    /** {@code timeGiven} on AsOf; {@code confirmed}, {@code suspected}, {@code ruledOut} on Cause. */
    record Flag(String name, boolean negated, Location at) implements Constraint {
        /** The flags each fact type has. */
        public static final Map<FactType, Set<String>> NAMES = Map.of(FactType.AS_OF, Set.of("timeGiven"),
                FactType.CAUSE, Set.of("confirmed", "suspected", "ruledOut"));

        public Boolean test(Object fact, Map<String, Object> vars) {
            Boolean value = null;
            if (fact instanceof AsOf a && name.equals("timeGiven")) {
                value = a.isTimeGiven();
            } else if (fact instanceof Cause c) {
                value = switch (name) {
                    case "confirmed" -> c.isConfirmed();
                    case "suspected" -> c.isSuspected();
                    case "ruledOut" -> c.isRuledOut();
                    default -> null;
                };
            }
            return value == null ? null : value != negated;
        }

        public String drl() {
            return (negated ? "!" : "") + name;
        }

        public String text() {
            if (negated || name.equals("timeGiven")) {
                return raw();
            }
            return name.equals("ruledOut") ? "is ruled out" : "is " + name;
        }

        public String raw() {
            return drl();
        }

        public Constraint negate() {
            return new Flag(name, !negated, at);
        }
    }

    /**
     * {@code before("2025-01-11")}, {@code onOrAfter(...)} on a date finding or the as-of;
     * {@code between(from, to)} on the as-of; possibly negated with {@code !}.
     */
    record DateTest(String method, String first, String second, boolean negated, Location at) implements Constraint {
        /**
         * Three-valued: a date known only to a month or a year may pass a test on some of its days
         * and fail it on others; then the test is undecided (null), and so is its negation.
         */
        public Boolean test(Object fact, Map<String, Object> vars) {
            Boolean value = null;
            if (fact instanceof AsOf a) {
                boolean holds = switch (method) {
                    case "before" -> a.before(first);
                    case "onOrAfter" -> a.onOrAfter(first);
                    default -> a.between(first, second);
                };
                boolean fails = switch (method) {
                    case "before" -> a.onOrAfter(first);
                    case "onOrAfter" -> a.before(first);
                    default -> a.outside(first, second);
                };
                value = holds ? Boolean.TRUE : fails ? Boolean.FALSE : null;
            } else if (fact instanceof Finding f && !method.equals("between") && !first.contains("T")) {
                if (f.getDate() == null) {
                    return null; // no date to compare (the engine answers false, negated or not)
                }
                boolean holds = method.equals("before") ? f.before(first) : f.onOrAfter(first);
                boolean fails = method.equals("before") ? f.onOrAfter(first) : f.before(first);
                value = holds ? Boolean.TRUE : fails ? Boolean.FALSE : null;
            }
            return value == null ? null : value != negated;
        }

        /**
         * A negated test is printed as the test that holds when this one surely fails
         * ({@code !before} as {@code onOrAfter}, {@code !between} as {@code outside}), so that a
         * date known only to a month fires neither while it is undecided.
         */
        public String drl() {
            String m = !negated ? method : switch (method) {
                case "before" -> "onOrAfter";
                case "onOrAfter" -> "before";
                default -> "outside";
            };
            return m + "(\"" + first + "\"" + (second == null ? "" : ", \"" + second + "\"") + ")";
        }

        public String text() {
            return raw();
        }

        public String raw() {
            return (negated ? "!" : "") + method + "(\"" + first + "\"" + (second == null ? "" : ", \"" + second + "\"")
                    + ")";
        }

        public Constraint negate() {
            return new DateTest(method, first, second, !negated, at);
        }
    }

    /**
     * {@code this.yearsBefore($a) >= 2}: a span from a date finding to the case's as-of date
     * (bound to {@code variable}), in years, days or working days, compared with a number.
     */
    record Measure(String method, String variable, Op op, long bound, boolean viaThis, Location at)
            implements Constraint {
        /** The measures a date finding has. */
        public static final Set<String> METHODS = Set.of("yearsBefore", "daysBefore", "workingDaysBefore");

        /** Three-valued: undecided when the dates, known to a month or a year, allow spans on both sides. */
        public Boolean test(Object fact, Map<String, Object> vars) {
            if (!(fact instanceof Finding f) || !(vars.get(variable) instanceof AsOf asOf)) {
                return null;
            }
            return f.measured(method, asOf, op.drl(), bound); // null without a date (the engine answers false)
        }

        /**
         * Compiled as {@link Finding#measure}, which holds only when the comparison holds for every
         * day the two dates may be: the negation (the inverse comparison) then fires neither.
         */
        public String drl() {
            return "measure(\"" + method + "\", " + variable + ", \"" + op.drl() + "\", " + bound + ")";
        }

        public String text() {
            return raw();
        }

        /** As written: with or without {@code this.}. */
        public String raw() {
            return (viaThis ? "this." : "") + method + "(" + variable + ") " + op.drl() + " " + bound;
        }

        public Constraint negate() {
            return new Measure(method, variable, op.inverse(), bound, viaThis, at);
        }
    }

    /**
     * {@code value matches "pattern"}: the whole value matched by a pattern that
     * {@link LinearRegex} accepts, so that no text can make it run long.
     */
    record Matches(LinearRegex regex, boolean negated, Location at) implements Constraint {
        public Boolean test(Object fact, Map<String, Object> vars) {
            if (!(fact instanceof Finding f)) {
                return null;
            }
            return (f.getValue() != null && regex.matches(f.getValue())) != negated;
        }

        /**
         * Drools runs it through {@link Finding#valueMatchesEncoded(String)}, the same linear
         * matcher; the pattern travels in base64, so that no character of it is ever read as DRL.
         */
        public String drl() {
            return (negated ? "!" : "") + "valueMatchesEncoded(\"" + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(regex.pattern().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\")";
        }

        public String text() {
            return raw();
        }

        public String raw() {
            return (negated ? "!(" : "") + "value matches \"" + regex.pattern() + "\"" + (negated ? ")" : "");
        }

        public Constraint negate() {
            return new Matches(regex, !negated, at);
        }
    }

    /** Alternatives: {@code value == "a" || value == "b"}, {@code value in ("a", "b")}. */
    record AnyOf(List<Constraint> parts, Location at) implements Constraint {
        public Boolean test(Object fact, Map<String, Object> vars) {
            boolean undecided = false;
            for (Constraint p : parts) {
                Boolean one = p.test(fact, vars);
                if (Boolean.TRUE.equals(one)) {
                    return true;
                }
                undecided |= one == null;
            }
            return undecided ? null : false;
        }

        public String drl() {
            List<String> values = sameFieldLiterals(parts, Op.EQ);
            if (values != null) {
                return ((Compare) parts.get(0)).field().drl() + " in (" + String.join(", ", values) + ")";
            }
            return "(" + parts.stream().map(Constraint::drl).collect(Collectors.joining(" || ")) + ")";
        }

        public String text() {
            List<String> values = sameFieldLiterals(parts, Op.EQ);
            if (values != null && ((Compare) parts.get(0)).field() == Field.VALUE) {
                return "in {" + values.stream().map(v -> v.replace("\"", "")).collect(Collectors.joining(", ")) + "}";
            }
            return raw();
        }

        public String raw() {
            return parts.stream().map(Constraint::raw).collect(Collectors.joining(" || "));
        }

        public Constraint negate() {
            return new AllOf(parts.stream().map(Constraint::negate).toList(), at);
        }
    }

    /** Conjunctions written with {@code &&} inside one constraint, or a negated alternative. */
    record AllOf(List<Constraint> parts, Location at) implements Constraint {
        public Boolean test(Object fact, Map<String, Object> vars) {
            boolean undecided = false;
            for (Constraint p : parts) {
                Boolean one = p.test(fact, vars);
                if (Boolean.FALSE.equals(one)) {
                    return false;
                }
                undecided |= one == null;
            }
            return undecided ? null : true;
        }

        public String drl() {
            List<String> values = sameFieldLiterals(parts, Op.NE);
            if (values != null) {
                return ((Compare) parts.get(0)).field().drl() + " not in (" + String.join(", ", values) + ")";
            }
            return "(" + parts.stream().map(Constraint::drl).collect(Collectors.joining(" && ")) + ")";
        }

        public String text() {
            return raw();
        }

        public String raw() {
            return parts.stream().map(p -> p instanceof AnyOf ? "(" + p.raw() + ")" : p.raw())
                    .collect(Collectors.joining(" && "));
        }

        public Constraint negate() {
            return new AnyOf(parts.stream().map(Constraint::negate).toList(), at);
        }
    }

    /**
     * The literals, as DRL, when every part compares the same text field with {@code op}; null
     * otherwise. {@code in} and {@code not in} are printed from such lists.
     */
    private static List<String> sameFieldLiterals(List<Constraint> parts, Op op) {
        List<String> out = new ArrayList<>();
        Field field = null;
        for (Constraint c : parts) {
            if (!(c instanceof Compare k) || k.op() != op || k.number() != null || field != null && k.field() != field) {
                return null;
            }
            field = k.field();
            out.add(k.drlLiteral());
        }
        return out.size() > 1 ? out : null;
    }

    /**
     * The values of the field {@code value} this constraint admits when it only tests it for
     * equality ({@code value == "a"}, alternatives of such, {@code value in (...)}); null for any
     * other constraint. Gates (the problem a rule applies to) are read from this.
     */
    static Set<String> admittedValues(Constraint c) {
        if (c instanceof Compare k && k.field() == Field.VALUE && k.op() == Op.EQ && k.number() == null) {
            return Set.of(k.value());
        }
        if (c instanceof AnyOf any) {
            java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
            for (Constraint p : any.parts()) {
                Set<String> one = admittedValues(p);
                if (one == null) {
                    return null;
                }
                out.addAll(one);
            }
            return java.util.Collections.unmodifiableSet(out);
        }
        return null;
    }
}
