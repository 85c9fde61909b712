package pajakdx.facts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The moment the case describes, in WIB (Asia/Jakarta). Rules compare against it instead of
 * the wall clock: {@code AsOf(before("2025-01-11"))}, {@code AsOf(between("2023-05-26T18:00",
 * "2023-05-28T23:59"))}. Exactly one AsOf is in every session.
 */
public final class AsOf {
    /** The time zone DJP's announcements use. */
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final LocalDateTime dateTime;
    private final boolean timeGiven;
    // The last day the case may be on: its date, or the end of the month or year it was given as.
    private final LocalDate lastDate;
    // How the moment was given when only a month or a year was (2025-02, 2025); else null.
    private final String period;
    private String text;

    public AsOf(LocalDateTime dateTime, boolean timeGiven) {
        this.dateTime = Objects.requireNonNull(dateTime, "dateTime");
        this.timeGiven = timeGiven;
        this.lastDate = dateTime.toLocalDate();
        this.period = null;
    }

    private AsOf(LocalDate first, LocalDate last, String period) {
        this.dateTime = first.atStartOfDay();
        this.timeGiven = false;
        this.lastDate = last;
        this.period = period;
    }

    /** A date without a time of day: the start of that day, WIB. */
    public static AsOf ofDate(LocalDate date) {
        return new AsOf(date.atStartOfDay(), false);
    }

    /**
     * A moment known only to a month or a year ({@code text}: {@code 2025-02}, {@code 2025}), that
     * may be any day from {@code first} to {@code last}. A date test holds on it when it holds for
     * every one of those days, fails when it fails for every one, and is undecided otherwise: then
     * neither the test nor its negation fires, and WHY NOT says the date is worth asking.
     */
    public static AsOf ofPeriod(String text, LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a period ends before it starts");
        }
        return first.equals(last) ? ofDate(first) : new AsOf(first, last, Objects.requireNonNull(text, "text"));
    }

    /** The date (the first day it may be, for a month or a year). */
    public LocalDate getDate() {
        return dateTime.toLocalDate();
    }

    /** The last day it may be: the date itself, or the end of the month or year given. */
    public LocalDate getLastDate() {
        return lastDate;
    }

    /** True when the case gave a day (with or without a time), false for a month or a year. */
    public boolean isPrecise() {
        return period == null;
    }

    /** As the case gave it: {@code 2025-02-03}, {@code 2025-02-03T10:15}, {@code 2025-02} or {@code 2025}. */
    public String getText() {
        return period != null ? period : timeGiven ? dateTime.toString() : getDate().toString();
    }

    /** The date and time, WIB. */
    public LocalDateTime getDateTime() {
        return dateTime;
    }

    /** False when the case gave only a date: time-of-day windows then compare by date alone. */
    public boolean isTimeGiven() {
        return timeGiven;
    }

    /**
     * Strictly before {@code iso} (a date, or a date-time in WIB). For a month or a year: its
     * last day is, so every day it may be is.
     */
    public boolean before(String iso) {
        if (period != null) {
            return iso.contains("T") ? lastDate.atTime(LocalTime.MAX).isBefore(IsoDates.dateTime(iso))
                    : lastDate.isBefore(IsoDates.date(iso));
        }
        return iso.contains("T") ? dateTime.isBefore(IsoDates.dateTime(iso)) : getDate().isBefore(IsoDates.date(iso));
    }

    /** At or after {@code iso} (a date, or a date-time in WIB). For a month or a year: its first day is. */
    public boolean onOrAfter(String iso) {
        if (period != null) {
            return iso.contains("T") ? !dateTime.isBefore(IsoDates.dateTime(iso)) : !getDate().isBefore(IsoDates.date(iso));
        }
        return !before(iso);
    }

    /**
     * Within the inclusive window {@code [from, to]}. Without a time of day, the case's whole day
     * counts as inside when it overlaps the window.
     */
    public boolean between(String from, String to) {
        LocalDateTime start = parse(from, false);
        LocalDateTime end = parse(to, true);
        if (timeGiven) {
            return !dateTime.isBefore(start) && !dateTime.isAfter(end);
        }
        // A day overlapping the window counts as inside; a month or a year must lie inside it whole.
        return !getDate().isBefore(start.toLocalDate()) && !lastDate.isAfter(end.toLocalDate())
                && (period == null || !dateTime.isBefore(start) && !lastDate.atTime(LocalTime.MAX).isAfter(end));
    }

    /**
     * Outside the window {@code [from, to]}: the negation of {@link #between} for a day or a
     * moment; for a month or a year, none of its days touches the window.
     */
    public boolean outside(String from, String to) {
        if (period == null) {
            return !between(from, to);
        }
        return lastDate.isBefore(parse(from, false).toLocalDate()) || getDate().isAfter(parse(to, true).toLocalDate());
    }

    private static LocalDateTime parse(String iso, boolean endOfDay) {
        if (iso.contains("T")) {
            return IsoDates.dateTime(iso);
        }
        LocalDate d = IsoDates.date(iso);
        return endOfDay ? d.atTime(LocalTime.MAX) : d.atStartOfDay();
    }

    @Override
    public String toString() {
        String s = text;
        if (s == null) {
            s = "as-of = " + (timeGiven ? dateTime + " WIB" : getText());
            text = s; // a race only computes the same immutable String twice
        }
        return s;
    }
}
