package pajakdx.doc;

import pajakdx.text.TextCheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.base.CaseException;
import pajakdx.base.Problem;
import pajakdx.TestRules;

/**
 * The documented limits and refusals of the case reader, one regression test per hole the fuzz
 * test found or the brief named: each ends in a clear error naming file and place, quickly.
 */
class HostileDocumentTest {

    private static Problem refused(String name, String text) {
        CaseException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(CaseException.class, () -> TestRules.rules().diagnose(Case.parse(name, text))));
        return e.problems().get(0);
    }

    @Test
    void billionLaughs_isStoppedByTheValueBudget_notByRunningOutOfMemory() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i <= 24; i++) { // 48 aliases, within the alias limit; 2^24 values expanded
            bomb.append('a').append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        Problem p = refused("bomb.yaml", bomb.toString());
        assertTrue(p.message().contains("more than " + DocReader.MAX_VALUES + " values"), p.toString());
        assertEquals("bomb.yaml", p.file());
    }

    @Test
    void tooManyAliases_areRefused() {
        StringBuilder s = new StringBuilder("a: &a [x]\nb: [");
        for (int i = 0; i <= DocReader.MAX_ALIASES; i++) {
            s.append(i == 0 ? "" : ", ").append("*a");
        }
        Problem p = refused("aliases.yaml", s.append("]\n").toString());
        assertTrue(p.message().contains("more than " + DocReader.MAX_ALIASES + " aliases"), p.toString());
    }

    @Test
    void javaTags_neverInstantiateAnything() {
        // A class with a side effect would show here; SnakeYAML only composes nodes, and its tag
        // inspector refuses global tags before we even see them.
        Problem p = refused("tag.yaml", "id: x\ntitle: !!java.lang.ProcessBuilder [\"touch\", \"pwned\"]\n");
        assertTrue(p.message().contains("Global tag is not allowed"), p.toString());
        assertEquals(2, p.line());
        p = refused("tag.yaml", "title: !<tag:yaml.org,2002:javax.script.ScriptEngineManager> []\n");
        assertTrue(p.message().contains("Global tag is not allowed"), p.toString());
    }

    @Test
    void tagsBeyondPlainValues_areRefused() {
        for (String tagged : new String[] {"!!binary aGVsbG8=", "!foo bar", "!!set {a, b}", "!!omap [a: 1]"}) {
            Problem p = refused("tag.yaml", "id: x\ntitle: " + tagged + "\n");
            assertTrue(p.message().contains("tag") && p.message().contains("not allowed"), p.toString());
            assertEquals(2, p.line(), p.toString());
        }
        assertEquals("12", Case.parse("ok.yaml", "id: !!str 12\n").id(), "core tags stay allowed");
    }

    @Test
    void deepNesting_isRefusedInYamlAndJson() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertTrue(refused("deep.yaml", "id: " + deep).message().contains("nesting deeper than 32"));
        assertTrue(refused("deep.json", "{\"id\": " + deep + "}").message().contains("nesting deeper than 32"));
        String justInside = "[".repeat(DocReader.MAX_DEPTH - 1) + "]".repeat(DocReader.MAX_DEPTH - 1);
        assertTrue(refused("ok.yaml", "title: " + justInside).message().contains("expected a text"),
                "nesting within the limit reaches the field checks");
    }

    /** Review finding: Jackson's limits were said in its own words, naming its settings class. */
    @Test
    void anOverlongNumberOrName_isSaidInOurWords_withItsPlace() {
        Problem number = refused("n.json", "{\"id\": \"a\",\n \"x\":\n\n\n      1" + "0".repeat(1200) + "}");
        assertEquals("a number longer than 1000 characters", number.message(), number.toString());
        assertEquals(5, number.line(), "the value's line, not its key's: " + number);
        Problem name = refused("n.json", "{\"id\": \"a\",\n \"x\": {\n\n \"" + "k".repeat(60_000) + "\": 1}}");
        assertEquals(4, name.line(), "the name's line, not its object's: " + name);
        assertEquals("a field name longer than 50000 characters", name.message(), name.toString());
        assertFalse(number.message().contains("StreamReadConstraints") || name.message().contains("StreamReadConstraints"));
    }

    @Test
    void sizeLimit_isEnforcedOnTextAndFiles(@TempDir Path tmp) throws Exception {
        Problem p = refused("big.yaml", "title: " + "x".repeat(DocReader.MAX_CHARS));
        assertTrue(p.message().contains("larger than " + DocReader.MAX_CHARS), p.toString());
        Path big = tmp.resolve("big.yaml");
        Files.write(big, new byte[DocReader.MAX_CHARS * 4 + 1]);
        CaseException e = assertThrows(CaseException.class, () -> Case.read(big));
        assertTrue(e.getMessage().contains("larger than the limit"), e.getMessage());
    }

    @Test
    void controlCharacters_loneSurrogates_andBidiOverrides_areRefusedWithTheirCodePoint() {
        assertEquals("title: contains the control character U+0000",
                fieldAndMessage(refused("nul.json", "{\"title\": \"a\\u0000b\"}")));
        assertEquals("title: contains half of a surrogate pair (U+D800), which is not valid Unicode",
                fieldAndMessage(refused("half.json", "{\"title\": \"a\\ud800b\"}")));
        assertEquals("id: contains the control character U+0007",
                fieldAndMessage(refused("bell.yaml", "id: \"a\\x07b\"\n")));
        assertTrue(refused("rtl.yaml", "title: \"pay \u202Eevil\"\n").message().contains("U+202E"));
        assertEquals("contains the control character U+0000", refused("key.json", "{\"\\u0000\": 1}").message());
        assertEquals("emoji 👍🏽 and 你好", Case.parse("ok.json", "{\"title\": \"emoji 👍🏽 and 你好\"}").title(),
                "ordinary Unicode, surrogate pairs included, is fine");
    }

    @Test
    void aTruncatedEscape_isACaseError_notANumberFormatException() {
        // Found by the fuzz test (seed 3564981653211816215): SnakeYAML lets this one out unwrapped.
        for (String text : new String[] {"\"\\u", "title: \"\\u12", " [1e5null]\"\\u"}) {
            Problem p = refused("escape.yaml", text);
            assertTrue(p.message().startsWith("not valid YAML"), p.toString());
        }
    }

    @Test
    void aByteOrderMark_isIgnored() {
        assertEquals("x", Case.parse("bom.yaml", "\uFEFFid: x\n").id());
        assertEquals("x", Case.parse("bom.json", "\uFEFF{\"id\": \"x\"}").id());
    }

    @Test
    void duplicateKeys_areRefusedWithTheirLine() {
        Problem p = refused("dup.json", "{\"id\": 1,\n \"id\": 2}");
        assertEquals(2, p.line(), p.toString());
        assertTrue(p.message().contains("Duplicate field 'id'"), p.toString());
    }

    @Test
    void datesFarOutOfRange_areACaseError_notADateTimeException() {
        for (String asOf : new String[] {"+999999999-12-31T23:59-18:00", "-999999999-01-01T00:00+18:00",
                "2025-02-30", "0000-01-01", "2101-01-01"}) {
            CaseException e = assertThrows(CaseException.class, () -> TestRules.rules().diagnose(
                    Case.parse("c.yaml", "as_of: \"" + asOf + "\"\nproblem: impersonate-fails\n")));
            assertEquals("as_of", e.problems().get(0).field(), e.getMessage());
        }
    }

    @Test
    void caseFiles_thatAreNotUtf8_areNamedSo(@TempDir Path tmp) throws Exception {
        Path utf16 = tmp.resolve("utf16.yaml");
        Files.write(utf16, "\uFEFFid: x\n".getBytes(StandardCharsets.UTF_16LE));
        assertTrue(assertThrows(CaseException.class, () -> Case.read(utf16)).getMessage()
                .endsWith("utf16.yaml: is UTF-16 text; save it as UTF-8"));
        Path latin1 = tmp.resolve("latin1.yaml");
        Files.write(latin1, "id: x\ntitle: café\n".getBytes(StandardCharsets.ISO_8859_1));
        Problem p = assertThrows(CaseException.class, () -> Case.read(latin1)).problems().get(0);
        assertEquals(2, p.line(), p.toString());
        assertTrue(p.message().startsWith("not UTF-8 text (byte 17)"), p.toString());
    }

    static boolean hasDevZero() {
        return Files.exists(Path.of("/dev/zero"));
    }

    @Test
    @EnabledIf("hasDevZero")
    void aDevice_isRefusedInsteadOfReadForever() {
        CaseException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(CaseException.class, () -> Case.read(Path.of("/dev/zero"))));
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
    }

    @Test
    void messagesQuotingInput_stayOneBoundedLine() {
        String key = "k\n".repeat(500) + "x";
        Problem p = refused("long.json", "{\"findings\": {\"" + key.replace("\n", "\\n") + "\": 1}}");
        String whole = p.toString();
        assertFalse(whole.contains("\n"), whole);
        assertTrue(whole.length() < 600, whole.length() + ": " + whole);
        assertNull(TextCheck.problem(whole), whole);
    }

    private static String fieldAndMessage(Problem p) {
        return (p.field() == null ? "" : p.field() + ": ") + p.message();
    }
}
