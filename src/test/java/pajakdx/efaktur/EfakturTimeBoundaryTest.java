package pajakdx.efaktur;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import pajakdx.Case;
import pajakdx.Diagnosis;
import pajakdx.TestRules;

/**
 * A sertel is valid for two years from its issue date, measured at the case's as-of date (never
 * the clock). Each pair below changes one date by one day and the cause flips.
 */
class EfakturTimeBoundaryTest {
    private static final String ISSUED = "2023-03-01";

    private static String status(String problem, String asOf, String issued, String cause) {
        Case c = Case.builder("boundary").problem(problem).asOf(asOf).answer("sertel.issued-date", issued).build();
        Diagnosis d = TestRules.rules().diagnose(c);
        return d.cause(cause).map(Diagnosis.CauseResult::status).orElse("absent");
    }

    @Test
    void uploadSertel_validTheDayBeforeItsSecondAnniversary_expiredOnIt() {
        assertEquals("ruled-out", status("upload-fails", "2025-02-28", ISSUED, "sertel-expired"));
        assertEquals("confirmed", status("upload-fails", "2025-03-01", ISSUED, "sertel-expired"));
    }

    @Test
    void uploadSertel_onlyTheIssueDateMovesByOneDay() {
        assertEquals("confirmed", status("upload-fails", "2025-03-01", "2023-03-01", "sertel-expired"));
        assertEquals("ruled-out", status("upload-fails", "2025-03-01", "2023-03-02", "sertel-expired"));
    }

    @Test
    void asOfWithATimeOfDay_countsByTheDateInWib() {
        assertEquals("ruled-out", status("upload-fails", "2025-02-28T23:59", ISSUED, "sertel-expired"));
        assertEquals("confirmed", status("upload-fails", "2025-03-01T00:00", ISSUED, "sertel-expired"));
    }

    @Test
    void etax40005_sertelExpiryByDate_confirmsDesk8AndRulesOutDesk9() {
        String problem = "etax-40005-cannot-contact";
        assertEquals("suspected", status(problem, "2025-02-28", ISSUED, "etax-sertel-expired-or-revoked"));
        assertEquals("confirmed", status(problem, "2025-03-01", ISSUED, "etax-sertel-expired-or-revoked"));
        assertEquals("suspected", status(problem, "2025-02-28", ISSUED, "etax-sertel-active-reimport"));
        assertEquals("ruled-out", status(problem, "2025-03-01", ISSUED, "etax-sertel-active-reimport"));
    }

    @Test
    void webNpwpNotShown_sertelExpiryByDate_confirmsWeb3() {
        assertEquals("suspected", status("web-npwp-not-shown", "2025-02-28", ISSUED, "web-sertel-invalid"));
        assertEquals("confirmed", status("web-npwp-not-shown", "2025-03-01", ISSUED, "web-sertel-invalid"));
    }

    @Test
    void uploaderChecks_areOfferedOnlyWhileTheSertelIsYoungerThanTwoYears() {
        Case.Builder base = Case.builder("generic").problem("upload-fails").answer("connection.stable", "yes")
                .answer("sertel.status", "active").answer("sertel.issued-date", ISSUED);
        Diagnosis before = TestRules.rules().diagnose(base.asOf("2025-02-28").build());
        Diagnosis after = TestRules.rules().diagnose(base.asOf("2025-03-01").build());
        assertEquals("restart-uploader", before.remedies().get(0).id(), "generic checks while nothing is confirmed");
        assertEquals("request-new-sertel", after.remedies().get(0).id(), "an expired sertel comes first");
        assertEquals(false, after.remedies().stream().anyMatch(r -> r.id().equals("restart-uploader")),
                "no generic checks once a cause is confirmed");
    }
}
