package pajakdx.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.base.CaseException;
import pajakdx.Diagnosis;
import pajakdx.base.Problem;
import pajakdx.TestRules;

/** Bad case input gets a message naming file, line or field, and the problem. */
class CaseInputTest {

    private static List<Problem> problems(String name, String text) {
        return assertThrows(CaseException.class, () -> TestRules.rules().diagnose(Case.parse(name, text))).problems();
    }

    @Test
    void whenYamlIsMalformed_thenLineIsNamed() {
        List<Problem> p = problems("bad.yaml", "id: x\nfindings:\n  a: [1,\n");
        assertEquals("bad.yaml", p.get(0).file());
        assertTrue(p.get(0).line() >= 3, p.toString());
    }

    @Test
    void whenJsonIsMalformed_thenLineIsNamed() {
        List<Problem> p = problems("bad.json", "{\"id\": \"x\",\n \"findings\": {\"a\": }\n}");
        assertEquals(2, p.get(0).line(), p.toString());
    }

    @Test
    void whenFindingIsUnknown_thenFieldIsNamedWithASuggestion() {
        List<Problem> p = problems("c.yaml", "as_of: 2025-01-01\nproblem: impersonate-fails\nfindings:\n"
                + "  badan.last-login-show: no\n");
        assertEquals("findings.badan.last-login-show", p.get(0).field());
        assertTrue(p.get(0).message().contains("did you mean 'badan.last-login-shown'"), p.toString());
    }

    @Test
    void whenValueHasWrongType_thenAllowedValuesAreListed() {
        List<Problem> p = problems("c.yaml", "as_of: 2025-01-01\nproblem: impersonate-fails\nfindings:\n"
                + "  badan.last-login-shown: maybe\n  user.appointed-role: boss\n");
        assertEquals(2, p.size(), "every problem is reported, not only the first");
        assertTrue(p.get(0).message().contains("not yes or no"), p.toString());
        assertTrue(p.get(1).message().contains("pic, wakil, kuasa, pic-tku, none"), p.toString());
    }

    @Test
    void whenAsOfIsNotADate_thenFieldIsNamed() {
        List<Problem> p = problems("c.yaml", "as_of: yesterday\nproblem: impersonate-fails\n");
        assertEquals("as_of", p.get(0).field());
    }

    @Test
    void whenUnknownTopLevelField_thenNamed() {
        List<Problem> p = problems("c.yaml", "as_of: 2025-01-01\nproblme: impersonate-fails\n");
        assertTrue(p.get(0).message().contains("unknown field 'problme'"), p.toString());
    }

    @Test
    void whenDuplicateKey_thenLineIsNamed() {
        List<Problem> p = problems("c.yaml", "as_of: 2025-01-01\nfindings:\n  a: 1\n  a: 2\n");
        assertTrue(p.get(0).message().contains("duplicate key 'a'") && p.get(0).line() == 4, p.toString());
    }

    @Test
    void whenFileIsMissing_thenSaidSo(@TempDir Path tmp) {
        CaseException e = assertThrows(CaseException.class, () -> Case.read(tmp.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("no such file"));
    }

    @Test
    void unknownIsNotNo() throws Exception {
        Diagnosis unknown = TestRules.rules().diagnose(Case.parse("c.yaml",
                "as_of: 2025-01-01\nproblem: impersonate-fails\nfindings:\n  badan.last-login-shown: unknown\n"));
        Diagnosis no = TestRules.rules().diagnose(Case.parse("c.yaml",
                "as_of: 2025-01-01\nproblem: impersonate-fails\nfindings:\n  badan.last-login-shown: tidak\n"));
        assertEquals("suspected", unknown.cause("badan-never-logged-in").orElseThrow().status());
        assertEquals("confirmed", no.cause("badan-never-logged-in").orElseThrow().status());
        assertTrue(unknown.questions().stream().anyMatch(q -> q.finding().equals("badan.last-login-shown")
                && q.answeredUnknown()));
    }

    @Test
    void jsonCaseReadsLikeYaml(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("c.json");
        Files.writeString(f, "{\"id\":\"j\",\"as_of\":\"2025-02-03\",\"problem\":\"impersonate-fails\","
                + "\"findings\":{\"badan.last-login-shown\":\"no\"}}");
        Diagnosis d = TestRules.rules().diagnose(Case.read(f));
        assertEquals("confirmed", d.cause("badan-never-logged-in").orElseThrow().status());
    }
}
