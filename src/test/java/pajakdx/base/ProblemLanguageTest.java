package pajakdx.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A problem is said in another language whole, and only then cut to the length shown. */
class ProblemLanguageTest {
    @Test
    void aLongMessage_isSaidWhole_thenCut() {
        String values = "a".repeat(500);
        Problem p = Problem.at("rules/x.drl", 3, 7, "'v' is not one of " + values + " (or unknown)");
        assertEquals(Problem.MAX_MESSAGE, p.message().length(), "what is shown stays short");
        assertTrue(p.message().endsWith("…"), p.message());
        String id = p.toString(Lang.ID);
        assertTrue(id.startsWith("rules/x.drl:3:7: 'v' bukan salah satu dari aaa"), id);
        assertEquals("rules/x.drl:3:7: ".length() + Problem.MAX_MESSAGE, id.length(), id);
        assertEquals(p.toString(), p.toString(Lang.EN));
    }

    @Test
    void theWholeMessage_travelsWithAProblemMovedElsewhere() {
        String whole = "'v' is not one of " + "b".repeat(600) + " (or unknown)";
        Problem p = Problem.inField("case.yaml", "findings.x", whole);
        assertEquals(whole, p.wholeMessage());
        assertEquals(whole, p.inFile("other.yaml").wholeMessage());
        assertEquals(Problem.MAX_KEPT, Problem.of("c".repeat(10_000)).wholeMessage().length());
    }

    @Test
    void identifiers_areMaskedInTheWholeMessageToo() {
        Problem p = Problem.of("x".repeat(450) + " 317254698103482");
        assertTrue(!p.wholeMessage().contains("317254698103482") && p.wholeMessage().endsWith("************482"),
                p.wholeMessage());
    }
}
