package pajakdx.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Identifier forms, table-driven: what is accepted, as what, and what is refused with which
 * reason. The decisions (see {@link Identifiers}): white space of any kind and zero-width
 * characters are ignored; typographic dashes count as '-' in the dotted NPWP; full-width (and
 * other NFKC-equivalent) digits are the same digits; digits of other scripts, letters, other
 * separators and other lengths are refused; leading zeros are kept. A refusal never quotes the
 * digits.
 */
class IdentifiersTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // plain and dotted NPWP 15
        "012345678901000                 | npwp15 | 012345678901000",
        "01.234.567.8-901.000            | npwp15 | 012345678901000",
        "' 01.234.567.8-901.000 '        | npwp15 | 012345678901000",
        "01 234 567 8 901 000            | npwp15 | 012345678901000",
        "'01.234.567.8 - 901.000'        | npwp15 | 012345678901000",
        // copy-paste artefacts: en dash, minus sign, no-break and thin spaces, zero-width space, tab
        "01.234.567.8\u2013901.000       | npwp15 | 012345678901000",
        "01.234.567.8\u2212901.000       | npwp15 | 012345678901000",
        "01\u00a0234\u00a0567\u00a08\u00a0901\u00a0000 | npwp15 | 012345678901000",
        "01\u2009234\u202f567\u20078901000 | npwp15 | 012345678901000",
        "\u200b012345678901000\ufeff     | npwp15 | 012345678901000",
        "'0123\t4567\t8901000'           | npwp15 | 012345678901000",
        // full-width digits and punctuation are the same characters (NFKC)
        "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10\uff11\uff10\uff10\uff10 | npwp15 | 012345678901000",
        "\uff10\uff11\uff0e\uff12\uff13\uff14\uff0e\uff15\uff16\uff17\uff0e\uff18\uff0d\uff19\uff10\uff11\uff0e\uff10\uff10\uff10 | npwp15 | 012345678901000",
        // leading zeros are part of the number; the all-zero NPWP is DJP's placeholder
        "000000000000000                 | npwp15 | 000000000000000",
        "00.000.000.0-000.000            | npwp15 | 000000000000000",
        "0000000000000000                | npwp16 | 0000000000000000",
        // 16 digits: starting with 0 is an NPWP, otherwise a NIK
        "0123456789010000                | npwp16 | 0123456789010000",
        "0123 4567 8901 0000             | npwp16 | 0123456789010000",
        "3201123456789012                | nik    | 3201123456789012",
        "3201 1234 5678 9012             | nik    | 3201123456789012",
        "9999999999999999                | nik    | 9999999999999999",
        // NITKU: 22 digits
        "0123456789010000000001          | nitku  | 0123456789010000000001",
        "0123456789010000 000001         | nitku  | 0123456789010000000001",
    })
    void accepted(String raw, String format, String digits) {
        Identifiers.Parsed p = Identifiers.parse(raw);
        assertEquals(format, p.format());
        assertEquals(digits, p.digits());
    }

    @ParameterizedTest(name = "[{index}] {0} refused: {1}")
    @CsvSource(delimiter = '|', value = {
        // wrong number of digits
        "01234567890100                  | 14 digits",
        "01.234.567.8-901.00             | separators",
        "0123456789010000000             | 19 digits",
        "01234567890100000000012         | 23 digits",
        "1                               | 1 digits",
        // separators other than the dotted NPWP 15 layout
        "01-234-567-8-901-000            | separators",
        "01.234.567.8.901.000            | separators",
        "012.345.678.901.000             | separators",
        "0123.4567.8901.0000             | separators",
        "-012345678901000                | separators",
        "01.234.567.8-901.000.           | separators",
        "01/234/567/8/901/000            | characters other than digits",
        "012345678901000#                | characters other than digits",
        "+62 012345678901000             | characters other than digits",
        "012345678901000\u202e           | characters other than digits",
        // letters, including look-alikes of digits
        "0123456789O1000                 | letters",
        "01234567890l000                 | letters",
        "NPWP012345678901000             | letters",
        "1.2e14                          | letters",
        // digits of other scripts: Arabic-Indic, Extended Arabic-Indic, Devanagari, mixed
        "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0660\u0660\u0660 | not 0-9",
        "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9\u06f0\u06f1\u06f0\u06f0\u06f0 | not 0-9",
        "\u0966\u0967\u0968\u0969\u096a\u096b\u096c\u096d\u096e\u096f\u0966\u0967\u0966\u0966\u0966 | not 0-9",
        "01234567890\u0661000            | not 0-9",
        // nothing at all
        "''                              | empty",
        "'   '                           | empty",
        "'\u00a0\u200b'                  | empty",
    })
    void refused(String raw, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Identifiers.parse(raw));
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().contains("NPWP 15 digits"), "names the accepted forms: " + e.getMessage());
        assertNoDigitsQuoted(raw, e.getMessage());
    }

    @Test
    void whenAFieldTakesOnlySomeForms_thenOthersAreRefusedByName() {
        assertEquals("npwp16", Identifiers.parse("0123456789010000", List.of("npwp15", "npwp16")).format());
        IllegalArgumentException nik = assertThrows(IllegalArgumentException.class,
                () -> Identifiers.parse("3201123456789012", List.of("npwp15", "npwp16")));
        assertEquals("a NIK is not accepted here; expected NPWP 15 digits (plain or dotted as xx.xxx.xxx.x-xxx.xxx) or NPWP 16 digits", nik.getMessage());
        IllegalArgumentException npwp = assertThrows(IllegalArgumentException.class,
                () -> Identifiers.parse("01.234.567.8-901.000", List.of("nik")));
        assertEquals("a 15-digit NPWP is not accepted here; expected NIK 16 digits", npwp.getMessage());
        assertNoDigitsQuoted("01.234.567.8-901.000", npwp.getMessage());
    }

    @Test
    void whenRefused_thenTheShapeIsShownWithEveryDigitMasked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Identifiers.parse("01.234.567.8-9O1.000"));
        assertTrue(e.getMessage().startsWith("'**.***.***.*-*O*.***' contains letters"), e.getMessage());
    }

    /** No four digits of the identifier, in order, may appear in the message. */
    static void assertNoDigitsQuoted(String raw, String message) {
        String digits = Identifiers.normalise(raw).codePoints().filter(Character::isDigit)
                .map(cp -> '0' + Character.digit(cp, 10))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String said = message.codePoints().filter(Character::isDigit).map(cp -> '0' + Character.digit(cp, 10))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        for (int i = 0; i + 4 <= digits.length(); i++) {
            String window = digits.substring(i, i + 4);
            assertFalse(said.contains(window), "message quotes digits '" + window + "' of the identifier: " + message);
        }
    }

    @org.junit.jupiter.api.Test
    void whenAFieldAcceptsSomeForms_thenARefusalNamesOnlyThose() {
        java.util.List<String> legacyUserName = java.util.List.of("npwp15", "npwp16", "nik");
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> Identifiers.parse("01234567890123", legacyUserName));
        assertTrue(length.getMessage().contains("14 digits"), length.getMessage());
        assertTrue(length.getMessage().endsWith("expected NPWP 15 digits (plain or dotted as xx.xxx.xxx.x-xxx.xxx),"
                + " NPWP 16 digits, or NIK 16 digits"), length.getMessage());
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> Identifiers.parse("0123456789010000000001", legacyUserName));
        assertTrue(kind.getMessage().startsWith("a NITKU is not accepted here"), kind.getMessage());
        assertEquals("nik", Identifiers.parse("3201123456789012", legacyUserName).format());
    }

    @org.junit.jupiter.api.Test
    void describe_joinsFormsAsASentence() {
        assertEquals("NIK 16 digits", Identifiers.describe(java.util.List.of("nik")));
        assertEquals("NPWP 16 digits or NIK 16 digits", Identifiers.describe(java.util.List.of("npwp16", "nik")));
        assertTrue(Identifiers.ACCEPTED.endsWith("NIK 16 digits, or NITKU 22 digits"), Identifiers.ACCEPTED);
    }
}
