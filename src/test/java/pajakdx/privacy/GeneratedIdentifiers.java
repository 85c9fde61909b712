package pajakdx.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated identifiers and the ways people write them: NPWP 15 and 16, NIK (province, birth
 * date, serial), NITKU; plain, in the usual layouts or in random groups, joined by any of the
 * separators that copying from PDFs, web pages, chats and spreadsheets produces (white space of
 * every kind, line breaks, punctuation, zero-width and other invisible characters), sometimes in
 * full-width or Arabic-Indic digits. Used by the masking property test and the privacy scan.
 */
public final class GeneratedIdentifiers {
    /** Separators between digit groups: one character, several, and invisible ones. */
    public static final String[] SEPARATORS = {" ", ".", "-", "/", "\t", "\n", "\r\n", "\u2028", ",", ":", "|", "+",
            "(", ")", "*", "#", "_", ";", "'", "\u00A0", "\u2009", "\u3000", "\u2013", "\u2212", "\uFF0E", "\uFF0D",
            ") (", ")(", ", ", " - ", " | ", ". ", " \n ", "\u200B", "\u200B\u200B", "\u00AD", "\u2060", "\uFEFF",
            "\u200C", "\u200D"};
    /** Invisible characters dropped between digits at random. */
    static final String[] INVISIBLE = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u180E", "\u034F",
            "\uFE0F"};
    private static final int[] PROVINCES = {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
            61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 94};

    private GeneratedIdentifiers() {
    }

    /** One identifier, digits only: NPWP 15, NPWP 16, NIK or NITKU, in equal shares. */
    public static String identifier(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> digits(r, 15);
            case 1 -> "0" + digits(r, 15);
            case 2 -> nik(r);
            default -> "0" + digits(r, 15) + (r.nextBoolean() ? "000000" : digits(r, 6));
        };
    }

    /** A NIK: province, regency, district, birth date (day + 40 for women), serial. */
    public static String nik(Random r) {
        int day = 1 + r.nextInt(28) + (r.nextBoolean() ? 40 : 0);
        return String.format("%02d%02d%02d%02d%02d%02d%04d", PROVINCES[r.nextInt(PROVINCES.length)], 1 + r.nextInt(79),
                1 + r.nextInt(40), day, 1 + r.nextInt(12), r.nextInt(100), 1 + r.nextInt(9999));
    }

    static String digits(Random r, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + r.nextInt(10)));
        }
        return s.toString();
    }

    /** {@code id} written with separators: a usual layout or random groups, one separator or many. */
    public static String written(Random r, String id) {
        return written(r, id, SEPARATORS, true);
    }

    /**
     * {@code id} in groups joined by {@code separators}; {@code oddDigits} also allows
     * invisible characters inside groups and digits of other scripts.
     */
    public static String written(Random r, String id, String[] separators, boolean oddDigits) {
        List<Integer> sizes = new ArrayList<>();
        switch (r.nextInt(5)) {
            case 0 -> sizes.add(id.length());
            case 1 -> sizes.addAll(id.length() == 15 ? List.of(2, 3, 3, 1, 3, 3) : id.length() == 16
                    ? List.of(4, 4, 4, 4) : List.of(2, 3, 3, 1, 3, 3, 1, 6));
            case 2 -> {
                for (int left = id.length(); left > 0; left -= 3) {
                    sizes.add(Math.min(3, left));
                }
            }
            default -> {
                for (int left = id.length(); left > 0; ) {
                    int n = Math.min(left, 1 + r.nextInt(6));
                    sizes.add(n);
                    left -= n;
                }
            }
        }
        String one = separators[r.nextInt(separators.length)];
        boolean mixed = r.nextInt(3) == 0;
        int zero = !oddDigits ? '0' : switch (r.nextInt(10)) {
            case 0 -> '\uFF10'; // full-width
            case 1 -> '\u0660'; // Arabic-Indic
            default -> '0';
        };
        StringBuilder s = new StringBuilder();
        int at = 0;
        for (int k = 0; k < sizes.size(); k++) {
            if (k > 0) {
                s.append(mixed ? separators[r.nextInt(separators.length)] : one);
            }
            for (int i = 0; i < sizes.get(k); i++) {
                s.appendCodePoint(zero + (id.charAt(at++) - '0'));
                if (oddDigits && r.nextInt(12) == 0) {
                    s.append(INVISIBLE[r.nextInt(INVISIBLE.length)]);
                }
            }
        }
        return s.toString();
    }
}
