package pajakdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pajakdx.base.CaseException;

/**
 * The case format grew (several problems, the case's own NPWP and NIK, month and year dates)
 * without a version number: every file written in an earlier form loads as it did, and the new
 * fields do what docs/case.schema.json says.
 */
class CaseFormatTest {

    /** A case file as 0.1 wrote it: one problem, `messages:`, an NPWP inside findings, a date-time in WIB. */
    private static final String V01 = """
            id: old-ticket
            title: "Upload gagal"
            as_of: 2025-02-03 09:30 WIB
            problem: efaktur-username-refused
            findings:
              efaktur.username: "01.234.567.8-901.000"
              badan.last-login-shown: ~
            messages:
              - "ETAX-40005 Tidak Dapat Menghubungi ETaxInvoice Server"
            """;

    /** As 0.2.0 before this change wrote it: `errors:`, a plain date, a saved REPL case. */
    private static final String V02 = """
            id: kasus-impersonate
            as_of: 2026-11-23
            problem: impersonate-fails
            findings:
              badan.last-login-shown: no
              user.appointed-role: kuasa
            """;

    @Test
    void fileOfVersion01_loadsAsBefore_andIsDiagnosed() {
        Case c = Case.parse("old.yaml", V01);
        assertEquals("old-ticket", c.id());
        assertEquals("2025-02-03 09:30 WIB", c.asOf());
        assertEquals(List.of("efaktur-username-refused"), c.problems());
        assertEquals("efaktur-username-refused", c.answers().get("problem"));
        assertEquals("01.234.567.8-901.000", c.answers().get("efaktur.username"));
        assertEquals(Case.UNKNOWN, c.answers().get("badan.last-login-shown"));
        assertEquals(List.of("ETAX-40005 Tidak Dapat Menghubungi ETaxInvoice Server"), c.errors());
        Diagnosis d = TestRules.rules().diagnose(c);
        assertEquals("old-ticket", d.caseId());
        assertEquals("2025-02-03T09:30", d.asOf());
    }

    @Test
    void fileOfVersion02_loadsAsBefore_andIsDiagnosedTheSame() {
        Case c = Case.parse("kasus-impersonate.yaml", V02);
        assertEquals(Map.of("problem", "impersonate-fails", "badan.last-login-shown", "no",
                "user.appointed-role", "kuasa"), c.answers());
        Diagnosis d = TestRules.rules().diagnose(c);
        assertEquals("confirmed", d.cause("badan-never-logged-in").orElseThrow().status());
        assertEquals("ruled-out", d.cause("user-not-appointed").orElseThrow().status());
    }

    @Test
    void severalProblems_asAListOrAsProblems_areOneSet() {
        Case a = Case.parse("a.yaml", "problems: [login-fails, reset-email-missing]\n");
        Case b = Case.parse("b.yaml", "problem: [login-fails, reset-email-missing]\n");
        Case c = Case.parse("c.yaml", "problem: login-fails\nproblems: [reset-email-missing, login-fails]\n");
        for (Case x : List.of(a, b, c)) {
            assertEquals(List.of("login-fails", "reset-email-missing"), x.problems(), x.file());
        }
        Diagnosis d = TestRules.rules().diagnose(a.withAsOf("2025-02-10"));
        assertTrue(d.cause("login-defect").isPresent(), "a cause of the first problem: " + d.toJson());
        assertTrue(d.cause("reset-otp-defect").isPresent(), "a cause of the second problem: " + d.toJson());
    }

    @Test
    void caseLevelIdentifiers_areCheckedForTheirKind_andNeverShown() {
        Case ok = Case.parse("ok.yaml", "problem: login-fails\nnpwp: \"01.234.567.8-901.000\"\nnik: \"3172054908850001\"\n");
        String json = TestRules.rules().diagnose(ok).toJson();
        assertFalse(json.contains("3172054908850001") || json.contains("901.000") || json.contains("012345678901000"),
                json);
        Case npwp16 = Case.parse("n16.yaml", "problem: login-fails\nnpwp: \"0123456789012345\"\n");
        TestRules.rules().diagnose(npwp16);
        CaseException shortNik = assertThrows(CaseException.class, () -> TestRules.rules().diagnose(
                Case.parse("bad.yaml", "problem: login-fails\nnik: \"31720549\"\n")));
        assertEquals("nik", shortNik.problems().get(0).field(), shortNik.getMessage());
        CaseException npwpInFindingsAndField = assertThrows(CaseException.class, () -> Case.parse("twice.yaml",
                "problem: login-fails\nnpwp: \"012345678901000\"\nfindings:\n  npwp: \"012345678901000\"\n"));
        assertTrue(npwpInFindingsAndField.getMessage().contains("given twice"), npwpInFindingsAndField.getMessage());
    }

    @Test
    void monthAndYear_areDatesOfTheirOwn() {
        Diagnosis month = TestRules.rules().diagnose(Case.parse("m.yaml", "as_of: 2025-01\nproblem: sertel-wrong-name\n"));
        assertEquals("2025-01", month.asOf());
        assertTrue(month.cause("sertel-name-defect").isEmpty(), "January is open and closed both: " + month.toJson());
        assertEquals("as_of", month.questions().get(0).finding());
        Diagnosis year = TestRules.rules().diagnose(Case.parse("y.yaml", "as_of: 2024\nproblem: sertel-wrong-name\n"));
        assertEquals("ruled-out", year.cause("sertel-name-defect").orElseThrow().status(),
                "every day of 2024 is before the go-live: " + year.toJson());
        assertThrows(CaseException.class, () -> TestRules.rules().diagnose(
                Case.parse("bad.yaml", "as_of: 2025-13\nproblem: sertel-wrong-name\n")));
    }
}
