package pajakdx.privacy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds identifier digits in any output. An output leaks when five digits in a row of a planted
 * identifier appear in it, in order, whatever separators (dots, dashes, spaces of any kind) sit
 * between them and whatever script the digits are written in. Masked values keep at most three
 * trailing digits, so five is a safe threshold that dates and counts never reach for the digits
 * chosen.
 */
final class IdentifierLeaks {
    static final int WINDOW = 5;

    private final Set<String> windows = new LinkedHashSet<>();

    IdentifierLeaks(List<String> identifiers) {
        for (String id : identifiers) {
            for (int i = 0; i + WINDOW <= id.length(); i++) {
                windows.add(id.substring(i, i + WINDOW));
            }
        }
    }

    /** Every leak in {@code output}, each with a little context; empty when clean. */
    List<String> find(String output) {
        List<String> leaks = new ArrayList<>();
        int i = 0;
        while (i < output.length()) {
            int cp = output.codePointAt(i);
            if (!Character.isDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            StringBuilder digits = new StringBuilder();
            while (i < output.length()) {
                int c = output.codePointAt(i);
                int next = i + Character.charCount(c);
                if (Character.isDigit(c)) {
                    digits.append((char) ('0' + Character.digit(c, 10)));
                    i = next;
                } else if (isSeparator(c) && next < output.length() && Character.isDigit(output.codePointAt(next))) {
                    i = next;
                } else {
                    break;
                }
            }
            for (String w : windows) {
                if (digits.indexOf(w) >= 0) {
                    int from = Math.max(0, start - 40);
                    int to = Math.min(output.length(), i + 20);
                    leaks.add("'" + w + "' in …" + output.substring(from, to).replace('\n', ' ') + "…");
                    break;
                }
            }
        }
        return leaks;
    }

    private static boolean isSeparator(int c) {
        return c == '.' || c == '-' || c == '/' || c == '_' || c == ',' || Character.isSpaceChar(c)
                || Character.isWhitespace(c) || c >= 0x2010 && c <= 0x2015 || c == 0x2212;
    }
}
