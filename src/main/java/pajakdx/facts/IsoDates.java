package pajakdx.facts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
        return cached(DATES, iso, LocalDate::parse);
    }

    static LocalDateTime dateTime(String iso) {
        return cached(DATE_TIMES, iso, LocalDateTime::parse);
    }

    private static <T> T cached(Map<String, T> cache, String iso, Function<String, T> parse) {
        T value = cache.get(iso);
        if (value == null) {
            value = parse.apply(iso);
            if (cache.size() < MAX) {
                cache.put(iso, value);
            }
        }
        return value;
    }
}
