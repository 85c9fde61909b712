package pajakdx.facts;

import pajakdx.text.Masking;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One observation about the case, as rules see it: {@code Finding(id == "badan.last-login-shown",
 * value == "no")}. A finding is either known (it has a value) or explicitly unknown; unknown
 * never means "no". Immutable: a changed answer is a new Finding.
 */
public final class Finding {
    private final String id;
    private final FindingType type;
    private final String value;
    private final Long number;
    private final LocalDate date;
    // The last day a date of month or year precision may be (2025-02 runs to 2025-02-28); equal
    // to date for a full date.
    private final LocalDate lastDate;
    // The values of a finding that holds several at once (the problems of a case, the messages
    // recognised); null for a finding with one value.
    private final List<String> values;
    private final String format;
    private final boolean sensitive;
    // The masked text, made on first use: WHY NOT and the trace show the same finding many times.
    // A race only computes the same immutable String twice.
    private String shown;

    private Finding(String id, FindingType type, String value, Long number, LocalDate date, LocalDate lastDate,
                    List<String> values, String format, boolean sensitive) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.value = value;
        this.number = number;
        this.date = date;
        this.lastDate = lastDate;
        this.values = values;
        this.format = format;
        this.sensitive = sensitive;
    }

    private Finding(String id, FindingType type, String value, Long number, LocalDate date,
                    String format, boolean sensitive) {
        this(id, type, value, number, date, date, null, format, sensitive);
    }

    /** A known yes/no, choice or text finding. */
    public static Finding of(String id, FindingType type, String value) {
        return new Finding(id, type, Objects.requireNonNull(value, "value"), null, null, null, false);
    }

    /** A known number finding. */
    public static Finding ofNumber(String id, long number) {
        return new Finding(id, FindingType.NUMBER, Long.toString(number), number, null, null, false);
    }

    /** A known date finding. */
    public static Finding ofDate(String id, LocalDate date) {
        return new Finding(id, FindingType.DATE, date.toString(), null, date, null, false);
    }

    /**
     * A known date finding known only to a month or a year: {@code text} is how it was given
     * ({@code 2025-02}, {@code 2025}), {@code first} and {@code last} the days it may be. Tests on
     * it hold only when they hold for every day it may be (see {@link #before(String)}).
     */
    public static Finding ofPeriod(String id, String text, LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a period ends before it starts");
        }
        return new Finding(id, FindingType.DATE, Objects.requireNonNull(text, "text"), null, first, last, null, null,
                false);
    }

    /**
     * A known finding that holds several values at once, such as the problems of one case. Rules
     * see one fact per value ({@link #components()}), so {@code Finding(id == "problem", value ==
     * "x")} holds when x is one of them; {@link #getValue()} gives them joined by ", ".
     */
    public static Finding ofValues(String id, FindingType type, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a finding needs at least one value");
        }
        if (values.size() == 1) {
            return of(id, type, values.get(0));
        }
        List<String> copy = List.copyOf(values);
        return new Finding(id, type, String.join(", ", copy), null, null, null, copy, null, false);
    }

    /** A known identifier finding; {@code format} names its kind, e.g. {@code npwp15} or {@code nik}. */
    public static Finding ofIdentifier(String id, String digits, String format, boolean sensitive) {
        return new Finding(id, FindingType.IDENTIFIER, digits, null, null, format, sensitive);
    }

    /** A finding the user explicitly does not know. */
    public static Finding unknown(String id, FindingType type) {
        return new Finding(id, type, null, null, null, null, false);
    }

    public String getId() {
        return id;
    }

    public FindingType getType() {
        return type;
    }

    /** The value as text ({@code yes}, {@code no}, a choice, a number, an ISO date); null when unknown. */
    public String getValue() {
        return value;
    }

    public boolean isKnown() {
        return value != null;
    }

    /** The number of a number finding; null otherwise. */
    public Long getNumber() {
        return number;
    }

    /** The date of a date finding (the first day it may be, when known to a month or year); null otherwise. */
    public LocalDate getDate() {
        return date;
    }

    /** The last day a date finding may be: its date, or the end of its month or year; null otherwise. */
    public LocalDate getLastDate() {
        return lastDate;
    }

    /** True for a date finding known to the day (or any finding that is not a date). */
    public boolean isPreciseDate() {
        return Objects.equals(date, lastDate);
    }

    /** The values: one for most findings, several for one like the problems of a case; none when unknown. */
    public List<String> getValues() {
        return values != null ? values : value == null ? List.of() : List.of(value);
    }

    /** True when this finding holds several values at once. */
    public boolean isMultiple() {
        return values != null;
    }

    /** The facts rules see: one per value for a finding with several values, else this finding itself. */
    public List<Finding> components() {
        if (values == null) {
            return List.of(this);
        }
        return values.stream().map(v -> of(id, type, v)).toList();
    }

    /** The kind of an identifier ({@code npwp15}, {@code npwp16}, {@code nik}, {@code nitku}); null otherwise. */
    public String getFormat() {
        return format;
    }

    /** True for personal data (NPWP, NIK) that must be masked in traces and logs. */
    public boolean isSensitive() {
        return sensitive;
    }

    /** True when the value is exactly {@code v} (one of the values, for a finding with several). */
    public boolean is(String v) {
        return values != null ? values.contains(v) : v.equals(value);
    }

    /**
     * For date findings: the date lies strictly before the ISO date {@code iso}. A date known only
     * to a month or a year is before only when its last possible day is: a test it may or may not
     * pass is false here and in its negation, {@link #onOrAfter(String)}, so that neither fires.
     */
    public boolean before(String iso) {
        return lastDate != null && lastDate.isBefore(IsoDates.date(iso));
    }

    /** For date findings: the date is {@code iso} or later (for a month or year: its first possible day is). */
    public boolean onOrAfter(String iso) {
        return date != null && !date.isBefore(IsoDates.date(iso));
    }

    /**
     * For the rule engine: a span from this date to the as-of date ({@code yearsBefore},
     * {@code daysBefore} or {@code workingDaysBefore}) compared with {@code bound} by {@code op}
     * ({@code == != < <= > >=}), true only when it holds for every day this date and the as-of
     * may be (they are known to a month or a year). False for a finding without a date.
     */
    public boolean measure(String method, AsOf asOf, String op, long bound) {
        return Boolean.TRUE.equals(measured(method, asOf, op, bound));
    }

    /**
     * The same three-valued: true or false when every day this date and the as-of may be agree,
     * null when they do not (or this finding has no date).
     */
    public Boolean measured(String method, AsOf asOf, String op, long bound) {
        if (date == null) {
            return null;
        }
        // A span grows with the as-of and shrinks with this date: its least and greatest values
        // come from the two extremes, and every whole number between them is reached.
        long least = span(method, lastDate, asOf.getDate());
        long most = span(method, date, asOf.getLastDate());
        return Spans.compare(least, most, op, bound);
    }

    private static long span(String method, LocalDate from, LocalDate to) {
        return switch (method) {
            case "yearsBefore" -> ChronoUnit.YEARS.between(from, to);
            case "daysBefore" -> ChronoUnit.DAYS.between(from, to);
            case "workingDaysBefore" -> from.isAfter(to) ? -weekdaysAfterUpTo(to, from) : weekdaysAfterUpTo(from, to);
            default -> throw new IllegalArgumentException("unknown measure '" + method + "'");
        };
    }

    /**
     * For the rule engine: the value matches, as a whole, the pattern given in URL-safe base64
     * (how the compiled form of {@code value matches "..."} carries it). The matcher runs in
     * time linear in the value, whatever the pattern.
     */
    public boolean valueMatchesEncoded(String base64Pattern) {
        return value != null && Patterns.decoded(base64Pattern).matches(value);
    }

    /** For date findings: whole years from this date to the case's as-of date (negative if later). */
    public long yearsBefore(AsOf asOf) {
        return date == null ? Long.MIN_VALUE : ChronoUnit.YEARS.between(date, asOf.getDate());
    }

    /** For date findings: days from this date to the case's as-of date (negative if later). */
    public long daysBefore(AsOf asOf) {
        return date == null ? Long.MIN_VALUE : ChronoUnit.DAYS.between(date, asOf.getDate());
    }

    /**
     * For date findings: working days (Monday to Friday) from this date to the case's as-of date,
     * counting the days after this date up to and including the as-of date; negative if this
     * date is later. Public holidays are not known here and count as working days, so near a
     * holiday the count can run one day ahead of DJP's.
     */
    public long workingDaysBefore(AsOf asOf) {
        if (date == null) {
            return Long.MIN_VALUE;
        }
        LocalDate to = asOf.getDate();
        return date.isAfter(to) ? -weekdaysAfterUpTo(to, date) : weekdaysAfterUpTo(date, to);
    }

    /** Weekdays in the half-open range (from, to]. */
    private static long weekdaysAfterUpTo(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        long count = days / 7 * 5;
        for (LocalDate d = from.plusDays(days / 7 * 7 + 1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                count++;
            }
        }
        return count;
    }

    /**
     * The value as shown in traces: masked when sensitive, and identifier-like numbers masked
     * inside free text, unless {@code reveal}.
     */
    public String shownValue(boolean reveal) {
        if (value == null) {
            return "unknown";
        }
        if (reveal) {
            return value;
        }
        // Not only text: a number finding can be given an NPWP too; choices, dates and yes/no pass unchanged.
        return sensitive ? Masking.mask(value) : Masking.maskText(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && f.id.equals(id) && f.type == type && Objects.equals(f.value, value)
                && Objects.equals(f.format, format) && Objects.equals(f.values, values)
                && Objects.equals(f.date, date) && Objects.equals(f.lastDate, lastDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, value);
    }

    /** Masked form, safe for logs: {@code badan.last-login-shown = no}. */
    @Override
    public String toString() {
        String s = shown;
        if (s == null) {
            s = id + " = " + shownValue(false);
            shown = s;
        }
        return s;
    }
}
