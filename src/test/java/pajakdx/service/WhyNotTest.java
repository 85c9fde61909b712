package pajakdx.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;
import pajakdx.Case;
import pajakdx.Diagnosis;
import pajakdx.TestRules;

class WhyNotTest {
    private static Diagnosis diagnosis() {
        // A case whose topic has causes no rule concluded: notConcluded is not empty.
        return TestRules.rules().diagnose(Case.builder("w").asOf("2025-02-03").problem("impersonate-fails")
                .answer("user.appointed-role", "kuasa").build());
    }

    @Test
    void notAsked_theDiagnosisLosesOnlyNotConcluded() {
        Diagnosis d = diagnosis();
        assertFalse(d.notConcluded().isEmpty(), "the example must have causes not concluded");
        Diagnosis without = WhyNot.apply(d, false);
        assertTrue(without.notConcluded().isEmpty());
        assertEquals(d.causes(), without.causes());
        assertEquals(d.trace(), without.trace());
        assertSame(d, WhyNot.apply(d, true));
    }

    @Test
    void theLineFilter_writesWhatTheRecordCopyWrites_andLeavesErrorLinesAlone() throws IOException {
        Diagnosis d = diagnosis();
        String error = "{\"line\":2,\"error\":[\"request:2: not valid JSON\"]}";
        StringWriter sink = new StringWriter();
        try (Writer w = WhyNot.apply(sink, false)) {
            w.write(d.toJson() + "\n" + error + "\n");
            w.write(d.toJson());
        }
        String expected = WhyNot.apply(d, false).toJson();
        assertEquals(expected + "\n" + error + "\n" + expected, sink.toString());
    }

    /** The text filter gives exactly the record copy's JSON, for every case of facts/ and a hostile title. */
    @Test
    void stripping_equalsTheRecordCopy_onEveryFactsCase_andOnTextsThatLookLikeTheField() {
        java.util.List<Case> cases = new java.util.ArrayList<>(FactsJson.cases());
        cases.add(Case.builder("t").title("x \"notConcluded\":[ ] } ] \\").asOf("2025-02-03").problem("impersonate-fails")
                .message("\"notConcluded\":[{").build());
        for (Case c : cases) {
            Diagnosis d = TestRules.rules().diagnose(c);
            assertEquals(WhyNot.apply(d, false).toJson(), WhyNot.strip(d.toJson()), c.id());
        }
    }

    @Test
    void asked_theWriterIsTheSame() {
        StringWriter sink = new StringWriter();
        assertSame(sink, WhyNot.apply(sink, true));
    }
}
