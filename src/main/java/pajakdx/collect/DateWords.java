package pajakdx.collect;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people say them, turned into the ISO forms a case keeps: {@code Februari 2025} and
 * {@code Feb 2025} (a month), {@code 3 Februari 2025} and {@code 03/02/2025} (a day, day first as
 * in Indonesia), in Indonesian or English, after an optional {@code sejak}/{@code since}. Relative
 * words ({@code kemarin}, {@code bulan lalu}, {@code last year} ...) need the day they are said on
 * and are read only where a person types them ({@link #relative}); a case file is never read
 * against the clock.
 */
public final class DateWords {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januari", 1), Map.entry("january", 1), Map.entry("jan", 1),
            Map.entry("februari", 2), Map.entry("february", 2), Map.entry("feb", 2), Map.entry("pebruari", 2),
            Map.entry("maret", 3), Map.entry("march", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("mei", 5), Map.entry("may", 5),
            Map.entry("juni", 6), Map.entry("june", 6), Map.entry("jun", 6),
            Map.entry("juli", 7), Map.entry("july", 7), Map.entry("jul", 7),
            Map.entry("agustus", 8), Map.entry("august", 8), Map.entry("agu", 8), Map.entry("agt", 8),
            Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("oktober", 10), Map.entry("october", 10), Map.entry("okt", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nopember", 11), Map.entry("nov", 11), Map.entry("nop", 11),
            Map.entry("desember", 12), Map.entry("december", 12), Map.entry("des", 12), Map.entry("dec", 12));

    private static final Pattern SINCE = Pattern.compile("^(sejak|since|mulai|from|per|as of|pada|on|in|bulan|tanggal)\\s+");
    private static final Pattern MONTH_YEAR = Pattern.compile("^([a-z]+)\\.?\\s+(\\d{4})$");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("^(\\d{1,2})\\s+([a-z]+)\\.?\\s+(\\d{4})$");
    private static final Pattern DAY_FIRST = Pattern.compile("^(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})$");
    private static final Pattern DAYS_AGO = Pattern.compile("^(\\d{1,3})\\s+(hari\\s+(yang\\s+)?lalu|days?\\s+ago)$");

    private DateWords() {
    }

    /**
     * The ISO form ({@code YYYY-MM-DD}, {@code YYYY-MM}) of a date written with a month's name or
     * day first, or null when {@code said} is none of those (an ISO date stays as it is, for the
     * caller to read).
     */
    public static String absolute(String said) {
        String s = normal(said);
        try {
            Matcher m = MONTH_YEAR.matcher(s);
            if (m.matches() && MONTHS.containsKey(m.group(1))) {
                return YearMonth.of(Integer.parseInt(m.group(2)), MONTHS.get(m.group(1))).toString();
            }
            m = DAY_MONTH_YEAR.matcher(s);
            if (m.matches() && MONTHS.containsKey(m.group(2))) {
                return LocalDate.of(Integer.parseInt(m.group(3)), MONTHS.get(m.group(2)),
                        Integer.parseInt(m.group(1))).toString();
            }
            m = DAY_FIRST.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1))).toString();
            }
        } catch (DateTimeException e) {
            return null; // 31 Februari: left to the caller, which says it is not a date
        }
        String stripped = SINCE.matcher(s).replaceFirst("");
        return stripped.equals(s) ? null : stripped.matches("\\d{4}(-\\d{2}){0,2}") ? stripped : absolute(stripped);
    }

    /**
     * Like {@link #absolute}, and also the words relative to {@code today}: hari ini/today,
     * kemarin/yesterday, kemarin lusa, N hari lalu/N days ago (a day), bulan ini/this month, bulan
     * lalu/last month (a month), tahun ini/this year, tahun lalu/last year (a year). Null when
     * {@code said} is none of these.
     */
    public static String relative(String said, LocalDate today) {
        String raw = normal(said);
        String word = word(raw, today);
        String s = SINCE.matcher(raw).replaceFirst("");
        if (word == null) {
            word = word(s, today);
        }
        if (word != null) {
            return word;
        }
        Matcher m = DAYS_AGO.matcher(s);
        if (m.matches()) {
            return today.minusDays(Integer.parseInt(m.group(1))).toString();
        }
        return absolute(said);
    }

    /** A word for a day, a month or a year relative to {@code today}, or null. */
    private static String word(String s, LocalDate today) {
        return switch (s) {
            case "hari ini", "today", "sekarang", "now", "tadi", "barusan" -> today.toString();
            case "kemarin", "kmrn", "yesterday" -> today.minusDays(1).toString();
            case "kemarin lusa", "the day before yesterday" -> today.minusDays(2).toString();
            case "bulan ini", "this month" -> YearMonth.from(today).toString();
            case "bulan lalu", "bulan kemarin", "last month" -> YearMonth.from(today).minusMonths(1).toString();
            case "tahun ini", "this year" -> String.valueOf(today.getYear());
            case "tahun lalu", "tahun kemarin", "last year" -> String.valueOf(today.getYear() - 1);
            default -> null;
        };
    }

    /**
     * The first date a free text gives after {@code sejak}, {@code since}, {@code per},
     * {@code mulai}, {@code tanggal} and the like ("gagal impersonate sejak kemarin", "since
     * February 2025"), as {@link #relative} reads it; null when there is none.
     */
    public static String findIn(String text, LocalDate today) {
        String[] words = normal(text).replaceAll("[.;:!?()\"']", " ").strip().split(" +");
        for (int i = 0; i < words.length; i++) {
            if (!SINCE.matcher(words[i] + " ").lookingAt() && !(i + 1 < words.length
                    && SINCE.matcher(words[i] + " " + words[i + 1] + " ").lookingAt())) {
                continue;
            }
            for (int len = Math.min(4, words.length - i - 1); len >= 1; len--) {
                String candidate = String.join(" ", java.util.Arrays.copyOfRange(words, i + 1, i + 1 + len));
                String iso = candidate.matches("\\d{4}(-\\d{2}){0,2}") ? candidate : relative(candidate, today);
                if (iso != null) {
                    return iso;
                }
            }
        }
        return null;
    }

    private static String normal(String said) {
        return said == null ? "" : said.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[,]", "");
    }
}
