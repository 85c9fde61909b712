package pajakdx.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Identifier forms, table-driven: what is accepted, as what, and what is refused. */
class IdentifiersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "012345678901000          | npwp15 | 012345678901000",
        "01.234.567.8-901.000     | npwp15 | 012345678901000",
        "' 01.234.567.8-901.000 ' | npwp15 | 012345678901000",
        "0123456789010000         | npwp16 | 0123456789010000",
        "3201123456789012         | nik    | 3201123456789012",
        "3201 1234 5678 9012      | nik    | 3201123456789012",
        "0123456789010000000001   | nitku  | 0123456789010000000001",
        "000000000000000          | npwp15 | 000000000000000",
    })
    void accepted(String raw, String format, String digits) {
        Identifiers.Parsed p = Identifiers.parse(raw);
        assertEquals(format, p.format());
        assertEquals(digits, p.digits());
    }

    @ParameterizedTest(name = "{0} refused")
    @CsvSource(delimiter = '|', value = {
        "01234567890100           | 14 digits",
        "0123456789010000000      | 19 digits",
        "01.234.567.8-901.00      | separators",
        "01-234-567-8-901-000     | separators",
        "01.234.567.8.901.000     | separators",
        "0123456789O1000          | letters",
        "NPWP012345678901000      | letters",
        "''                       | empty",
    })
    void refused(String raw, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Identifiers.parse(raw));
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().contains("NPWP 15 digits"), "names the accepted forms: " + e.getMessage());
        assertFalse(e.getMessage().contains("012345678901"), "never echoes the identifier whole");
    }

    @org.junit.jupiter.api.Test
    void whenAFieldAcceptsSomeForms_thenARefusalNamesOnlyThose() {
        java.util.List<String> legacyUserName = java.util.List.of("npwp15", "npwp16", "nik");
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> Identifiers.parse("01234567890123", legacyUserName));
        assertTrue(length.getMessage().contains("14 digits"), length.getMessage());
        assertTrue(length.getMessage().endsWith("expected NPWP 15 digits (plain or 99.999.999.9-999.999),"
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
