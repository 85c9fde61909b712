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
    private String text;

    public AsOf(LocalDateTime dateTime, boolean timeGiven) {
        this.dateTime = Objects.requireNonNull(dateTime, "dateTime");
        this.timeGiven = timeGiven;
    }

    /** A date without a time of day: the start of that day, WIB. */
    public static AsOf ofDate(LocalDate date) {
        return new AsOf(date.atStartOfDay(), false);
    }

    public LocalDate getDate() {
        return dateTime.toLocalDate();
    }

    /** The date and time, WIB. */
    public LocalDateTime getDateTime() {
        return dateTime;
    }

    /** False when the case gave only a date: time-of-day windows then compare by date alone. */
    public boolean isTimeGiven() {
        return timeGiven;
    }

    /** Strictly before {@code iso} (a date, or a date-time in WIB). */
    public boolean before(String iso) {
        return iso.contains("T") ? dateTime.isBefore(IsoDates.dateTime(iso)) : getDate().isBefore(IsoDates.date(iso));
    }

    /** At or after {@code iso} (a date, or a date-time in WIB). */
    public boolean onOrAfter(String iso) {
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
        LocalDate day = getDate();
        return !day.isBefore(start.toLocalDate()) && !day.isAfter(end.toLocalDate());
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
            s = "as-of = " + (timeGiven ? dateTime + " WIB" : getDate().toString());
            text = s; // a race only computes the same immutable String twice
        }
        return s;
    }
}
