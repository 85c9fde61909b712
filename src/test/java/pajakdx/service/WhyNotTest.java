package pajakdx.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void notAsked_theDiagnosisLosesOnlyWhyNot_andTheJsonHasNoSuchFields() {
        Diagnosis d = diagnosis();
        Diagnosis without = WhyNot.apply(d, false);
        assertFalse(d.notConcluded().isEmpty(), "the example must have causes not concluded");
        assertTrue(without.notConcluded().isEmpty());
        assertTrue(without.causes().stream().allMatch(c -> c.whyNot().isEmpty()));
        assertEquals(d.causes().stream().map(Diagnosis.CauseResult::how).toList(),
                without.causes().stream().map(Diagnosis.CauseResult::how).toList());
        assertEquals(d.trace(), without.trace());
        assertEquals(d.remedies(), without.remedies());
        String json = without.toJson();
        assertFalse(json.contains("\"notConcluded\""), json);
        assertFalse(json.contains("\"whyNot\""), json);
        assertTrue(json.startsWith("{\"schemaVersion\":" + Diagnosis.SCHEMA_VERSION + ","), json);
        assertSame(d, WhyNot.apply(d, true));
        assertTrue(d.toJson().contains("\"notConcluded\":[{"));
    }
}
