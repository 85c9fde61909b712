package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TestRules;
import pajakdx.json.Json;

/**
 * An identifier of a form PajakDx does not know (a 14-digit NPWP) is bad input: a clear message
 * naming the field and the accepted forms, exit 2, and the other cases of the run still diagnosed.
 */
class IdentifierInputCliTest {

    private static String fact(String name) {
        return TestRules.factsDir().resolve(name).toString();
    }

    @Test
    void fourteenDigitNpwp_isRefusedByField_exit2_andTheOtherCasesAreDiagnosed(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("npwp-14-digits.yaml");
        Files.writeString(bad, "id: npwp-14-digits\nas_of: 2025-02-12\nproblem: efaktur-username-refused\n"
                + "findings:\n  efaktur.username: \"01234567890123\"\n");
        CliTest.Run r = CliTest.run("diagnose", "--rules", CliTest.rules(), "--json", "--lang", "en",
                fact("efaktur/username-nik-refused.yaml"), bad.toString(), fact("efaktur/username-npwp15-dotted.yaml"));

        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("npwp-14-digits.yaml: findings.efaktur.username: 14 digits is not an identifier"),
                r.err());
        assertTrue(r.err().contains("expected NPWP 15 digits (plain or dotted as xx.xxx.xxx.x-xxx.xxx), NPWP 16 digits, or"
                + " NIK 16 digits"), "names the forms this field accepts: " + r.err());
        assertFalse(r.err().contains("01234567890123"), "never echoes the number whole: " + r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());

        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, "one JSON line per case, the bad one included: " + r.out());
        JsonNode first = Json.mapper().readTree(lines[0]);
        JsonNode error = Json.mapper().readTree(lines[1]);
        JsonNode last = Json.mapper().readTree(lines[2]);
        assertEquals("username-nik-refused", first.get("caseId").asText());
        assertEquals("confirmed", first.get("causes").get(0).get("status").asText());
        assertTrue(error.get("error").toString().contains("findings.efaktur.username"), error.toString());
        assertEquals("username-npwp15-dotted", last.get("caseId").asText());
        assertEquals("ruled-out", last.get("causes").get(0).get("status").asText());
    }

    @Test
    void fourteenDigitNpwp_inTextMode_stillPrintsTheOtherDiagnoses(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("npwp-14.yaml");
        Files.writeString(bad, "as_of: 2025-02-12\nproblem: web-login-fails\nfindings:\n"
                + "  efaktur.username: 01.234.567.8-901.00\n");
        CliTest.Run r = CliTest.run("diagnose", "--rules", CliTest.rules(), bad.toString(),
                fact("efaktur/username-npwp16-refused.yaml"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("npwp-14.yaml: findings.efaktur.username:"), r.err());
        assertTrue(r.err().contains("memuat pemisah di tempat yang salah; yang diharapkan NPWP 15 digit"), r.err());
        assertTrue(r.out().contains("username-npwp16-refused"), "the good case is still reported: " + r.out());
        assertTrue(r.out().contains("[TERKONFIRMASI]"), r.out());
    }
}
