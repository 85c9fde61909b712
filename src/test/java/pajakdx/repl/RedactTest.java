package pajakdx.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Typed identifiers never reach the echo or the history whole; other numbers stay as they are. */
class RedactTest {
    @Test
    void whenALineHoldsAnIdentifier_thenAllButItsLastDigitsAreMasked() {
        assertEquals("jawab taxpayer.npwp ************234", Redact.identifiers("jawab taxpayer.npwp 012345678901234"));
        assertEquals("npwp: **.***.***.*-***.000", Redact.identifiers("npwp: 01.234.567.8-901.000"));
        assertEquals("nik=*************456", Redact.identifiers("nik=3171234567890456"));
        assertEquals("nitku *******************001", Redact.identifiers("nitku 0123456789012345000001"));
        assertEquals("bahasa ****:****:****:482", Redact.identifiers("bahasa 3172:5469:8103:482"));
        assertEquals("simpan /tmp/junit-12034628673868698441/wp-*************483.yaml",
                Redact.identifiers("simpan /tmp/junit-12034628673868698441/wp-0317254698103483.yaml"),
                "a file command masks the file name and keeps its folders readable");
        assertEquals("hapus ************482", Redact.identifiers("hapus 317254698103482"));
    }

    @Test
    void whenNumbersAreShortOrPartOfAPath_thenTheyStay() {
        assertEquals("per 2025-02-03T10:15", Redact.identifiers("per 2025-02-03T10:15"));
        assertEquals("masalah 1", Redact.identifiers("masalah 1"));
        assertEquals("simpan /tmp/junit-12034628673868698441/a.yaml",
                Redact.identifiers("simpan /tmp/junit-12034628673868698441/a.yaml"));
        assertEquals("call 1500200", Redact.identifiers("call 1500200"));
    }
}
