package pajakdx.collect;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;
import pajakdx.text.TextCheck;
import pajakdx.text.Masking;

/**
 * Recognises Indonesian taxpayer identifiers. Accepted forms: NPWP of 15 digits, plain or dotted
 * as {@code 99.999.999.9-999.999}; NPWP of 16 digits (the form starting with 0); NIK of 16
 * digits; NITKU of 22 digits.
 *
 * <p>What is forgiven, because copying from PDFs, web pages and phones produces it: white space
 * of any kind (spaces, tabs, no-break and thin spaces) and invisible zero-width characters
 * anywhere; typographic dashes (en dash, minus sign) in the dotted form; full-width digits and
 * punctuation, which Unicode itself treats as the same characters (NFKC). Everything else is
 * refused with the reason: letters, digits of other scripts (Arabic-Indic, Devanagari ...: DJP's
 * systems take only 0-9, and a silent conversion could hide a copy error), separators other than
 * the dotted NPWP layout, and any other number of digits. Leading zeros are part of the number.
 * No message ever quotes the digits back: they are personal data.
 */
public final class Identifiers {
    /** The accepted forms, for messages (no digits in the example: messages never carry digits). */
    public static final String ACCEPTED = describe(List.of("npwp15", "npwp16", "nik", "nitku"));
    private static final Pattern DOTTED_NPWP15 = Pattern.compile("[0-9]{2}\\.[0-9]{3}\\.[0-9]{3}\\.[0-9]-[0-9]{3}\\.[0-9]{3}");
    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");

    /** An identifier recognised: its digits and its format (npwp15, npwp16, nik, nitku). */
    public record Parsed(String digits, String format) {
    }

    private Identifiers() {
    }

    /**
     * Parses {@code raw}.
     *
     * @throws IllegalArgumentException naming what is wrong and the accepted forms, never the digits
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

    /** The forms in words, e.g. "NPWP 15 digits (plain or dotted as xx.xxx.xxx.x-xxx.xxx) or NIK 16 digits". */
    public static String describe(List<String> formats) {
        List<String> words = formats.stream().map(Identifiers::form).toList();
        if (words.size() <= 1) {
            return String.join("", words);
        }
        String head = String.join(", ", words.subList(0, words.size() - 1));
        return head + (words.size() > 2 ? ", or " : " or ") + words.get(words.size() - 1);
    }

    private static Parsed recognise(String raw, String expected) {
        String s = normalise(raw);
        if (DOTTED_NPWP15.matcher(s).matches()) {
            return new Parsed(s.replace(".", "").replace("-", ""), "npwp15");
        }
        if (!ASCII_DIGITS.matcher(s).matches()) {
            throw new IllegalArgumentException(whyRefused(s) + "; expected " + expected);
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
            case "npwp15" -> "NPWP 15 digits (plain or dotted as xx.xxx.xxx.x-xxx.xxx)";
            case "npwp16" -> "NPWP 16 digits";
            case "nik" -> "NIK 16 digits";
            case "nitku" -> "NITKU 22 digits";
            default -> format;
        };
    }

    /** Full-width forms folded, white space and invisible characters dropped, dashes made plain. */
    static String normalise(String raw) {
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || isInvisible(cp)) {
                return;
            }
            out.appendCodePoint(cp >= 0x2010 && cp <= 0x2015 || cp == 0x2212 ? '-' : cp);
        });
        return out.toString();
    }

    private static boolean isInvisible(int cp) {
        return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
    }

    /** Why {@code s} (normalised, not digits only, not the dotted form) is refused. */
    private static String whyRefused(String s) {
        if (s.isEmpty()) {
            return "'' is empty";
        }
        if (s.codePoints().anyMatch(cp -> Character.isDigit(cp) && (cp < '0' || cp > '9'))) {
            return "contains digits that are not 0-9 (such as Arabic-Indic digits); type the number with 0-9";
        }
        String shape = "'" + preview(s) + "' ";
        if (s.codePoints().anyMatch(Character::isLetter)) {
            return shape + "contains letters";
        }
        if (s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.' || c == '-')) {
            return shape + "has separators in the wrong places";
        }
        return shape + "contains characters other than digits and separators";
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

    // The shape without the number: every digit masked, letters and separators kept so the
    // user can see where the stray character or separator is.
    private static String preview(String s) {
        return TextCheck.preview(Masking.maskAllDigits(s));
    }
}
