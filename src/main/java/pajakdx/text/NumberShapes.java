package pajakdx.text;

import java.util.List;

/**
 * The long numbers that are not identifiers, so that masking leaves them readable: a run of 12
 * digits or more (see {@link DigitRuns}) stays as written when it is, as a whole, one of these.
 *
 * <ul>
 *   <li><b>Dates</b>, alone or several (a range, a list): {@code 2025-01-01}, {@code 21/01/2025},
 *       {@code 03.02.2025}, each optionally followed by a time ({@code 10:15}, {@code 10.15.30});
 *       month and year ({@code 01/2025}, {@code 2025-01}); years ({@code 2023, 2024, 2025}). Years
 *       1900 to 2100, months 1 to 12, days 1 to 31, hours 0 to 23, minutes and seconds 0 to 59; one
 *       separator, the same twice, inside a date.</li>
 *   <li><b>Faktur numbers</b> in DJP's layouts, alone or several: e-Faktur's
 *       {@code 010.000-25.00000001} (transaction code 01 to 10, status 0 or 1), its NSFP
 *       {@code 000-25.00000001}, Coretax's 17 digits (transaction code 01 to 10, status 00 to 09),
 *       plain or in groups.</li>
 *   <li><b>One amount</b> grouped by thousands with dots or commas, optionally with decimals
 *       ({@code 150.000.000.000}, {@code 12,345,678,901.00}): up to 14 digits, decimals included
 *       (an identifier has 15 or more), any size after {@code Rp} or {@code IDR}.</li>
 *   <li><b>One phone number</b> of 12 or 13 digits starting with 0 or after {@code +}
 *       ({@code 0812-3456-7890}, {@code +62 812 3456 7890}).</li>
 * </ul>
 *
 * Everything else of 12 digits or more is masked, identifiers and numbers that merely could be
 * one (a list of amounts, a count next to a date, a faktur number written without its dots: 16
 * plain digits are an NPWP as much as a faktur number). An identifier is NPWP 15 or 16 digits, NIK
 * 16, NITKU 22 (it starts with the NPWP 16); none of them fits a shape above except by writing it
 * deliberately in one (an NPWP 16 whose digits happen to be valid in the e-Faktur layout, typed in
 * that layout).
 */
final class NumberShapes {
    /** Longest amount read as an amount without a currency before it: 14 digits, fewer than any identifier. */
    static final int MAX_PLAIN_AMOUNT_DIGITS = 14;
    private static final int MAX_PHONE_DIGITS = 13;

    private NumberShapes() {
    }

    /** True when {@code run} (of {@code text}) is a date, faktur number, amount or phone number as described. */
    static boolean readable(String text, DigitRuns.Run run) {
        return phone(text, run) || amount(text, run) || items(run);
    }

    // --- one phone number ---

    private static boolean phone(String text, DigitRuns.Run run) {
        if (run.digitCount() > MAX_PHONE_DIGITS) {
            return false;
        }
        return run.groups().get(0).startsWith("0") || charBefore(text, run.start()) == '+';
    }

    /** The nearest character before {@code at} that is neither white space nor invisible, or 0. */
    private static int charBefore(String text, int at) {
        int i = at;
        while (i > 0) {
            int cp = text.codePointBefore(i);
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !DigitRuns.isInvisible(cp)) {
                return cp;
            }
            i -= Character.charCount(cp);
        }
        return 0;
    }

    // --- one amount ---

    private static boolean amount(String text, DigitRuns.Run run) {
        List<String> g = run.groups();
        List<String> gaps = run.gaps();
        if (g.size() < 2) {
            return false;
        }
        String thousands = gaps.get(0);
        if (!thousands.equals(".") && !thousands.equals(",")) {
            return false;
        }
        int whole = g.size();
        String last = gaps.get(gaps.size() - 1);
        if (!last.equals(thousands) && (last.equals(".") || last.equals(",")) && g.get(whole - 1).length() <= 2) {
            whole--; // the decimals
        }
        if (whole < 2 || g.get(0).length() > 3) {
            return false;
        }
        for (int i = 1; i < whole; i++) {
            if (g.get(i).length() != 3 || !gaps.get(i - 1).equals(thousands)) {
                return false;
            }
        }
        return run.digitCount() <= MAX_PLAIN_AMOUNT_DIGITS || currencyBefore(text, run.start());
    }

    private static boolean currencyBefore(String text, int at) {
        int i = at;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '.' || text.charAt(i - 1) == '\u00A0')) {
            i--;
        }
        for (String word : List.of("rp", "idr")) {
            int from = i - word.length();
            if (from >= 0 && text.regionMatches(true, from, word, 0, word.length())
                    && (from == 0 || !Character.isLetter(text.charAt(from - 1)))) {
                return true;
            }
        }
        return false;
    }

    // --- dates and faktur numbers, one or several ---

    /** True when the groups are, from first to last, a sequence of dates and faktur numbers. */
    private static boolean items(DigitRuns.Run run) {
        int n = run.groups().size();
        boolean[] fromHere = new boolean[n + 1]; // fromHere[i]: groups i.. are a sequence of items
        fromHere[n] = true;
        for (int i = n - 1; i >= 0; i--) {
            for (int end : itemEnds(run, i)) {
                if (end > i && end <= n && fromHere[end]) {
                    fromHere[i] = true;
                    break;
                }
            }
        }
        return fromHere[0];
    }

    /** Where an item starting at group {@code i} can end (exclusive group indexes; 0 for none). */
    private static int[] itemEnds(DigitRuns.Run run, int i) {
        int date = date(run, i);
        int[] ends = new int[6];
        ends[0] = date;
        ends[1] = date > 0 ? time(run, date) : 0;
        ends[2] = monthYear(run, i);
        ends[3] = year(run.groups().get(i)) ? i + 1 : 0;
        ends[4] = eFaktur(run, i);
        ends[5] = coretaxFaktur(run, i);
        return ends;
    }

    private static int date(DigitRuns.Run run, int i) {
        List<String> g = run.groups();
        if (i + 2 >= g.size() || !dateSeparator(gap(run, i)) || !gap(run, i).equals(gap(run, i + 1))) {
            return 0;
        }
        boolean ymd = year(g.get(i)) && month(g.get(i + 1)) && day(g.get(i + 2));
        boolean dmy = day(g.get(i)) && month(g.get(i + 1)) && year(g.get(i + 2));
        return ymd || dmy ? i + 3 : 0;
    }

    /** A time right after a date ending before group {@code i}: HH:MM or HH:MM:SS (or with dots). */
    private static int time(DigitRuns.Run run, int i) {
        List<String> g = run.groups();
        if (i + 1 >= g.size() || !(gap(run, i).equals(":") || gap(run, i).equals("."))
                || !between(g.get(i), 1, 2, 0, 23) || !between(g.get(i + 1), 2, 2, 0, 59)) {
            return 0;
        }
        if (i + 2 < g.size() && gap(run, i + 1).equals(gap(run, i)) && between(g.get(i + 2), 2, 2, 0, 59)) {
            return i + 3;
        }
        return i + 2;
    }

    private static int monthYear(DigitRuns.Run run, int i) {
        List<String> g = run.groups();
        if (i + 1 >= g.size() || !dateSeparator(gap(run, i))) {
            return 0;
        }
        boolean my = month(g.get(i)) && year(g.get(i + 1));
        boolean ym = year(g.get(i)) && g.get(i + 1).length() == 2 && month(g.get(i + 1));
        return my || ym ? i + 2 : 0;
    }

    /** e-Faktur: {@code 010.000-25.00000001}, or its NSFP alone, {@code 000-25.00000001}. */
    private static int eFaktur(DigitRuns.Run run, int i) {
        List<String> g = run.groups();
        if (layout(run, i, new int[] {3, 3, 2, 8}, ".", "-", ".")) {
            String code = g.get(i);
            return transactionCode(code.substring(0, 2)) && (code.charAt(2) == '0' || code.charAt(2) == '1') ? i + 4 : 0;
        }
        return layout(run, i, new int[] {3, 2, 8}, "-", ".") ? i + 3 : 0;
    }

    /** Coretax: 17 digits, transaction code 01-10 then status 00-09, plain or grouped by dots and dashes. */
    private static int coretaxFaktur(DigitRuns.Run run, int i) {
        List<String> g = run.groups();
        StringBuilder digits = new StringBuilder(g.get(i));
        int j = i + 1;
        while (digits.length() < 17 && j < g.size() && (gap(run, j - 1).equals(".") || gap(run, j - 1).equals("-"))) {
            digits.append(g.get(j++));
        }
        if (digits.length() != 17 || g.get(i).length() != 17 && g.get(i).length() != 2) {
            return 0;
        }
        return transactionCode(digits.substring(0, 2)) && digits.charAt(2) == '0' ? j : 0;
    }

    private static boolean layout(DigitRuns.Run run, int i, int[] lengths, String... gaps) {
        if (i + lengths.length > run.groups().size()) {
            return false;
        }
        for (int k = 0; k < lengths.length; k++) {
            if (run.groups().get(i + k).length() != lengths[k] || k > 0 && !gap(run, i + k - 1).equals(gaps[k - 1])) {
                return false;
            }
        }
        return true;
    }

    private static String gap(DigitRuns.Run run, int afterGroup) {
        return run.gaps().get(afterGroup);
    }

    private static boolean dateSeparator(String gap) {
        return gap.equals("-") || gap.equals("/") || gap.equals(".");
    }

    private static boolean transactionCode(String two) {
        int v = Integer.parseInt(two);
        return v >= 1 && v <= 10;
    }

    private static boolean year(String g) {
        return between(g, 4, 4, 1900, 2100);
    }

    private static boolean month(String g) {
        return between(g, 1, 2, 1, 12);
    }

    private static boolean day(String g) {
        return between(g, 1, 2, 1, 31);
    }

    private static boolean between(String g, int minLength, int maxLength, int min, int max) {
        if (g.length() < minLength || g.length() > maxLength) {
            return false;
        }
        int v = Integer.parseInt(g);
        return v >= min && v <= max;
    }
}
