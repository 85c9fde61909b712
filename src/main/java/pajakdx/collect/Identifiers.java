package pajakdx.collect;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises Indonesian taxpayer identifiers. Accepted forms: NPWP of 15 digits, plain or dotted
 * as {@code 99.999.999.9-999.999}; NPWP of 16 digits (the Badan form, starting with 0); NIK of
 * 16 digits; NITKU of 22 digits. Spaces are ignored; any other character or length is refused.
 */
public final class Identifiers {
    /** The accepted forms, for messages. */
    public static final String ACCEPTED = describe(List.of("npwp15", "npwp16", "nik", "nitku"));
    private static final Pattern DOTTED_NPWP15 = Pattern.compile("\\d{2}\\.\\d{3}\\.\\d{3}\\.\\d-\\d{3}\\.\\d{3}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** An identifier recognised: its digits and its format (npwp15, npwp16, nik, nitku). */
    public record Parsed(String digits, String format) {
    }

    private Identifiers() {
    }

    /**
     * Parses {@code raw}.
     *
     * @throws IllegalArgumentException naming what is wrong and the accepted forms
     */
    public static Parsed parse(String raw) {
        return recognise(raw, ACCEPTED);
    }

    /**
     * Parses and checks the format is one of {@code accepted}; a refusal names the forms this
     * finding accepts, not every form PajakDx knows.
     */
    public static Parsed parse(String raw, List<String> accepted) {
        String expected = describe(accepted);
        Parsed p = recognise(raw, expected);
        if (!accepted.contains(p.format())) {
            throw new IllegalArgumentException("a " + label(p.format()) + " is not accepted here; expected " + expected);
        }
        return p;
    }

    /** The forms in words, e.g. "NPWP 15 digits (plain or 99.999.999.9-999.999) or NIK 16 digits". */
    public static String describe(List<String> formats) {
        List<String> words = formats.stream().map(Identifiers::form).toList();
        if (words.size() <= 1) {
            return String.join("", words);
        }
        String head = String.join(", ", words.subList(0, words.size() - 1));
        return head + (words.size() > 2 ? ", or " : " or ") + words.get(words.size() - 1);
    }

    private static Parsed recognise(String raw, String expected) {
        String s = raw.strip().replace(" ", "").replace("\u00a0", "");
        if (DOTTED_NPWP15.matcher(s).matches()) {
            return new Parsed(s.replace(".", "").replace("-", ""), "npwp15");
        }
        if (!DIGITS.matcher(s).matches()) {
            String why = s.isEmpty() ? "is empty"
                    : s.chars().anyMatch(Character::isLetter) ? "contains letters"
                    : "has separators in the wrong places";
            throw new IllegalArgumentException("'" + preview(s) + "' " + why + "; expected " + expected);
        }
        return switch (s.length()) {
            case 15 -> new Parsed(s, "npwp15");
            case 16 -> new Parsed(s, s.charAt(0) == '0' ? "npwp16" : "nik");
            case 22 -> new Parsed(s, "nitku");
            default -> throw new IllegalArgumentException(s.length() + " digits is not an identifier PajakDx knows;"
                    + " expected " + expected);
        };
    }

    private static String form(String format) {
        return switch (format) {
            case "npwp15" -> "NPWP 15 digits (plain or 99.999.999.9-999.999)";
            case "npwp16" -> "NPWP 16 digits";
            case "nik" -> "NIK 16 digits";
            case "nitku" -> "NITKU 22 digits";
            default -> format;
        };
    }

    /** Human name of a format. */
    public static String label(String format) {
        return switch (format) {
            case "npwp15" -> "15-digit NPWP";
            case "npwp16" -> "16-digit NPWP";
            case "nik" -> "NIK";
            case "nitku" -> "NITKU";
            default -> format;
        };
    }

    // Never echo a whole identifier back: it is personal data.
    private static String preview(String s) {
        String masked = s.replaceAll("\\d(?=\\d{3})", "*");
        return masked.length() > 40 ? masked.substring(0, 40) + "…" : masked;
    }
}
