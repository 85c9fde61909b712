package pajakdx.facts;

import pajakdx.text.Masking;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
    private final String format;
    private final boolean sensitive;
    // The masked text, made on first use: WHY NOT and the trace show the same finding many times.
    // A race only computes the same immutable String twice.
    private String shown;

    private Finding(String id, FindingType type, String value, Long number, LocalDate date,
                    String format, boolean sensitive) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.value = value;
        this.number = number;
        this.date = date;
        this.format = format;
        this.sensitive = sensitive;
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

    /** The date of a date finding; null otherwise. */
    public LocalDate getDate() {
        return date;
    }

    /** The kind of an identifier ({@code npwp15}, {@code npwp16}, {@code nik}, {@code nitku}); null otherwise. */
    public String getFormat() {
        return format;
    }

    /** True for personal data (NPWP, NIK) that must be masked in traces and logs. */
    public boolean isSensitive() {
        return sensitive;
    }

    /** True when the value is exactly {@code v}. */
    public boolean is(String v) {
        return v.equals(value);
    }

    /** For date findings: the date lies strictly before the ISO date {@code iso}. */
    public boolean before(String iso) {
        return date != null && date.isBefore(IsoDates.date(iso));
    }

    /** For date findings: the date is {@code iso} or later. */
    public boolean onOrAfter(String iso) {
        return date != null && !date.isBefore(IsoDates.date(iso));
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
                && Objects.equals(f.format, format);
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
