package pajakdx.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pajakdx.json.Json;

/**
 * 1,000 generated identifiers (default), each planted in every position of a case of its own
 * (file name, case id, title, its identifier finding, a number finding, a free-text note, a raw
 * error message), and the scanner that tells whether an output unit (what is printed for one
 * case or one REPL command) still shows that identifier.
 */
final class GeneratedScan {
    /** Separators a file name can hold. */
    static final String[] FILE_SEPARATORS = {"", ".", "-", "_", " ", "\u00A0", "\u200B"};
    /** Digits of the planted identifier in one run of an output that count as a leak (masking keeps 3). */
    static final int WINDOW = 6;
    /** Non-alphanumeric characters in a row that a reader still reads through as one number. */
    static final int GAP = 3;
    private static final Pattern MARKER = Pattern.compile("k(\\d+)z");

    /** One planted identifier: its case's index (the marker {@code k<index>z} names it), digits, file. */
    record Planted(int index, String id, Path file, String json) {
        String marker() {
            return "k" + index + "z";
        }
    }

    private GeneratedScan() {
    }

    /** Writes {@code count} case files (JSON) into {@code dir}; returns them in index order. */
    static List<Planted> plant(Path dir, int count, long seed) throws IOException {
        Random r = new Random(seed);
        List<Planted> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = GeneratedIdentifiers.identifier(r);
            String marker = "k" + i + "z";
            Map<String, Object> c = new LinkedHashMap<>();
            if (r.nextInt(3) == 0) {
                c.put("id", marker + " WP " + GeneratedIdentifiers.written(r, id)); // else the file name is the id
            }
            c.put("title", "WP " + GeneratedIdentifiers.written(r, id) + " (" + marker + ")");
            c.put("as_of", "2025-02-03");
            c.put("problem", "test-identity-rejected");
            Map<String, String> findings = new LinkedHashMap<>();
            String finding = id.length() == 22 ? "test-identity.nitku"
                    : id.length() == 15 || id.startsWith("0") ? "test-identity.npwp" : "test-identity.nik";
            // Mostly forms the finding accepts; one in five written oddly, so it is refused and quoted in an error.
            findings.put(finding, switch (r.nextInt(5)) {
                case 0 -> GeneratedIdentifiers.written(r, id);
                case 1, 2 -> id;
                default -> GeneratedIdentifiers.written(r, id, new String[] {" ", "\u00A0", "\u200B"}, false);
            });
            findings.put("test-identity.note", "catatan " + GeneratedIdentifiers.written(r, id));
            if (r.nextInt(4) == 0) {
                findings.put("test-identity.attempts", id);
            }
            c.put("findings", findings);
            c.put("errors", List.of("NPWP " + GeneratedIdentifiers.written(r, id) + " tidak ditemukan"));
            if (r.nextBoolean()) {
                c.put("expect", Map.of("confirmed", List.of("NPWP-1")));
            }
            String json = Json.write(c);
            String name = marker + "-wp-" + GeneratedIdentifiers.written(r, id, FILE_SEPARATORS, false) + ".json";
            Path file = Files.writeString(dir.resolve(name), json + "\n");
            out.add(new Planted(i, id, file, json));
        }
        return out;
    }

    /** True when {@code output} shows {@code WINDOW} digits in a row of {@code id}, read as a person reads. */
    static boolean leaks(String output, String id) {
        return leaks(output, id, WINDOW);
    }

    /**
     * Same with another window: output that cannot be cut by case (logs) is scanned for all
     * identifiers at once, where six digits would match its many unrelated numbers (hash codes).
     */
    static boolean leaks(String output, String id, int window) {
        for (String run : runs(output)) {
            if (run.length() >= window) {
                for (int k = 0; k + window <= id.length(); k++) {
                    if (run.contains(id.substring(k, k + window))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The lines of {@code output} that show {@code id} (for failure messages). */
    static List<String> leakingLines(String output, String id, int window) {
        return output.lines().filter(l -> leaks(l, id, window)).limit(3).toList();
    }

    /**
     * The numbers in {@code output} as ASCII digits: digits of any script joined across up to
     * {@link #GAP} characters that are neither letters nor digits, invisible characters ignored.
     * Written independently of the masking code it checks.
     */
    static List<String> runs(String output) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int gap = 0;
        for (int i = 0; i < output.length(); ) {
            int cp = output.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            int value = Character.getNumericValue(cp);
            if (Character.isDigit(cp) || type == Character.OTHER_NUMBER && value >= 0 && value <= 9) {
                run.append((char) ('0' + value));
                gap = 0;
            } else if (type == Character.FORMAT || type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            } else if (Character.isLetter(cp) || ++gap > GAP) {
                if (run.length() > 0) {
                    runs.add(run.toString());
                    run.setLength(0);
                }
                gap = 0;
            }
        }
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        return runs;
    }

    /** The index a unit of output is about, by its marker; -1 when it names none. */
    static int indexIn(String unit) {
        Matcher m = MARKER.matcher(unit);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Units of {@code output} cut where {@code startsUnit} matches a line; each keyed by its marker. */
    static Map<Integer, StringBuilder> units(String output, Pattern startsUnit) {
        Map<Integer, StringBuilder> units = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : output.split("\n", -1)) {
            if (startsUnit.matcher(line).find()) {
                int index = indexIn(line);
                current = index < 0 ? null : units.computeIfAbsent(index, k -> new StringBuilder());
            }
            if (current != null) {
                current.append(line).append('\n');
            }
        }
        return units;
    }
}
