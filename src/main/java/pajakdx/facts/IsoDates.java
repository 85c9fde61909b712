package pajakdx.facts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ISO date and date-time literals written in rules ({@code before("2025-01-11")}), parsed
 * once. The same few dozen literals are compared in every diagnosis; parsing them each time
 * was a visible share of a diagnosis.
 */
final class IsoDates {
    /** Rule bases hold a bounded set of literals; the bound only guards against a hostile one. */
    private static final int MAX = 10_000;
    private static final Map<String, LocalDate> DATES = new ConcurrentHashMap<>();
    private static final Map<String, LocalDateTime> DATE_TIMES = new ConcurrentHashMap<>();

    private IsoDates() {
    }

    static LocalDate date(String iso) {
        LocalDate d = DATES.get(iso);
        if (d == null) {
            d = LocalDate.parse(iso);
            if (DATES.size() < MAX) {
                DATES.put(iso, d);
            }
        }
        return d;
    }

    static LocalDateTime dateTime(String iso) {
        LocalDateTime t = DATE_TIMES.get(iso);
        if (t == null) {
            t = LocalDateTime.parse(iso);
            if (DATE_TIMES.size() < MAX) {
                DATE_TIMES.put(iso, t);
            }
        }
        return t;
    }
}
