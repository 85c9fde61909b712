package pajakdx.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pajakdx.Case;
import pajakdx.Diagnosis;
import pajakdx.TestRules;
import pajakdx.verify.ExpectationCheck;

/**
 * Every time boundary the Coretax and e-Registration rules encode, seen from both sides: one
 * golden case from facts/ is diagnosed again with only its as-of moment (or one date finding)
 * moved across the boundary, and the relation's status must flip.
 */
class CoretaxTimeBoundaryTest {

    private static Case golden(String file) {
        return Case.read(TestRules.factsDir().resolve(file));
    }

    /** The status of the cause that encodes {@code relation}, or "absent". */
    private static String status(Case c, String relation) {
        Diagnosis d = TestRules.rules().diagnose(c);
        return d.causes().stream().filter(r -> ExpectationCheck.matches(r, relation)).map(Diagnosis.CauseResult::status)
                .findFirst().orElse("absent");
    }

    private static String statusAt(String file, String asOf, String relation) {
        return status(golden(file).withAsOf(asOf), relation);
    }

    /** The defects DJP reported resolved on 21 Jan 2025, each with a case that shows its symptom. */
    static Stream<Arguments> defectsReportedResolved() {
        return Stream.of(
                Arguments.of("coretax/add-role-wna-pic-before-report.yaml", "ROLE-3"),
                Arguments.of("coretax/update-rekening-before-report.yaml", "PROF-1"),
                Arguments.of("coretax/profile-menu-empty-before-report.yaml", "PROF-2"),
                Arguments.of("coretax/update-address-before-report.yaml", "PROF-3"),
                Arguments.of("coretax/login-fails-right-password-before-report.yaml", "LOGIN-1"),
                Arguments.of("coretax/phone-update-otp-before-report.yaml", "OTP-1"),
                Arguments.of("coretax/registration-otp-telkomsel-before-report.yaml", "OTP-2"),
                Arguments.of("coretax/reset-email-defect-before-report.yaml", "OTP-3"),
                Arguments.of("coretax/npwp-registration-citizen-before-report.yaml", "REG-1"),
                Arguments.of("coretax/registration-menu-missing-before-report.yaml", "REG-2"),
                Arguments.of("coretax/npwp-registration-china-passport-before-report.yaml", "REG-3"),
                Arguments.of("coretax/sertel-wrong-name-before-report.yaml", "CERT-2"),
                Arguments.of("coretax/ko-menu-missing-before-report.yaml", "CERT-3"),
                Arguments.of("coretax/billing-button-missing-before-report.yaml", "BILL-1"),
                Arguments.of("coretax/skb-not-received-before-report.yaml", "SKB-1"));
    }

    @ParameterizedTest(name = "{1}: ruled out before go-live, confirmed from 1 Jan 2025")
    @MethodSource("defectsReportedResolved")
    void whenAsOfCrossesGoLive_thenDefectGoesFromRuledOutToConfirmed(String file, String relation) {
        assertEquals("ruled-out", statusAt(file, "2024-12-31", relation));
        assertEquals("confirmed", statusAt(file, "2025-01-01", relation));
    }

    @ParameterizedTest(name = "{1}: confirmed until 20 Jan 2025, suspected from the 21 Jan 2025 report")
    @MethodSource("defectsReportedResolved")
    void whenAsOfCrossesDjpReport_thenDefectGoesFromConfirmedToSuspected(String file, String relation) {
        assertEquals("confirmed", statusAt(file, "2025-01-20", relation));
        assertEquals("suspected", statusAt(file, "2025-01-21", relation));
    }

    @Test
    void whenAsOfCrossesDjpOneWorkingDayTarget_thenKswpDefectBecomesSuspected() {
        String file = "coretax/kswp-output-differs-report-day.yaml";
        assertEquals("ruled-out", statusAt(file, "2024-12-31", "KSWP-1"));
        assertEquals("confirmed", statusAt(file, "2025-01-01", "KSWP-1"));
        assertEquals("confirmed", statusAt(file, "2025-01-22", "KSWP-1"));
        assertEquals("suspected", statusAt(file, "2025-01-23", "KSWP-1"));
    }

    @Test
    void whenAsOfCrossesKoSigningFix_thenSign1GoesFromConfirmedToRuledOut() {
        String file = "coretax/signing-ko-djp-before-fix.yaml";
        assertEquals("ruled-out", statusAt(file, "2024-12-31", "SIGN-1"));
        assertEquals("confirmed", statusAt(file, "2025-01-01", "SIGN-1"));
        assertEquals("confirmed", statusAt(file, "2025-01-10T23:59", "SIGN-1"));
        assertEquals("ruled-out", statusAt(file, "2025-01-11", "SIGN-1"));
    }

    @Test
    void whenAsOfCrossesXmlSubmissionFix_thenXml3GoesFromConfirmedToRuledOut() {
        String file = "coretax/xml-upload-before-fix.yaml";
        assertEquals("ruled-out", statusAt(file, "2024-12-31", "XML-3"));
        assertEquals("confirmed", statusAt(file, "2025-01-01", "XML-3"));
        assertEquals("confirmed", statusAt(file, "2025-01-10", "XML-3"));
        assertEquals("ruled-out", statusAt(file, "2025-01-11", "XML-3"));
    }

    @Test
    void whenAsOfCrossesDowntimeStart_thenEreg3FlipsToTheMinute() {
        String file = "ereg/ereg-down-saturday.yaml";
        assertEquals("ruled-out", statusAt(file, "2023-05-26T17:59", "EREG-3"));
        assertEquals("confirmed", statusAt(file, "2023-05-26T18:00", "EREG-3"));
    }

    @Test
    void whenAsOfCrossesDowntimeEnd_thenEreg3FlipsToTheMinute() {
        String file = "ereg/ereg-down-saturday.yaml";
        assertEquals("confirmed", statusAt(file, "2023-05-28T23:59", "EREG-3"));
        // The announced 23:59 is a whole minute: its last second is still inside.
        assertEquals("confirmed", statusAt(file, "2023-05-28T23:59:59", "EREG-3"));
        assertEquals("ruled-out", statusAt(file, "2023-05-29T00:00", "EREG-3"));
    }

    @Test
    void whenAsOfHasNoHour_thenOnlyTheDowntimeStartDayStaysOpen() {
        String file = "ereg/ereg-down-saturday.yaml";
        assertEquals("ruled-out", statusAt(file, "2023-05-25", "EREG-3"));
        assertEquals("suspected", statusAt(file, "2023-05-26", "EREG-3"));
        assertEquals("confirmed", statusAt(file, "2023-05-28", "EREG-3"));
        assertEquals("ruled-out", statusAt(file, "2023-05-29", "EREG-3"));
    }

    @Test
    void whenAsOfLeavesMay2023_thenCaptchaDefectIsOnlySuspected() {
        String file = "ereg/ereg-captcha-repeats-may-2023.yaml";
        assertEquals("suspected", statusAt(file, "2023-04-30", "EREG-2"));
        assertEquals("confirmed", statusAt(file, "2023-05-01", "EREG-2"));
        assertEquals("confirmed", statusAt(file, "2023-05-31T23:00", "EREG-2"));
        assertEquals("suspected", statusAt(file, "2023-06-01", "EREG-2"));
    }

    @Test
    void whenEmailUpdateDateCrossesGoLive_thenPwd2FlipsFromRuledOutToConfirmed() {
        Case c = golden("coretax/reset-email-updated-after-golive.yaml");
        assertEquals("ruled-out", status(c.with("email.update-date", "2024-12-31"), "PWD-2"));
        assertEquals("confirmed", status(c.with("email.update-date", "2025-01-01"), "PWD-2"));
    }

    @Test
    void whenSkpIssueDateCrossesGoLive_thenPay1FlipsFromConfirmedToRuledOut() {
        Case c = golden("coretax/pay-skp-issued-2024.yaml");
        assertEquals("confirmed", status(c.with("skp.issue-date", "2024-12-31"), "PAY-1"));
        assertEquals("ruled-out", status(c.with("skp.issue-date", "2025-01-01"), "PAY-1"));
    }

    @Test
    void whenMoreThanTwoWorkingDaysPass_thenPhtbSyncDelayNoLongerExplainsIt() {
        // Validated Monday 3 Feb 2025: Tuesday and Wednesday are the two working days.
        Case monday = golden("coretax/phtb-validation-a-week-ago.yaml").with("phtb.validation-date", "2025-02-03");
        assertEquals("confirmed", status(monday.withAsOf("2025-02-05"), "PHTB-1"));
        assertEquals("ruled-out", status(monday.withAsOf("2025-02-06"), "PHTB-1"));
    }

    @Test
    void whenTheTwoWorkingDaysSpanAWeekend_thenSaturdayAndSundayDoNotCount() {
        // Validated Thursday 23 Jan 2025: Friday and Monday are the two working days.
        Case thursday = golden("coretax/phtb-validation-one-working-day.yaml").with("phtb.validation-date", "2025-01-23");
        assertEquals("confirmed", status(thursday.withAsOf("2025-01-27"), "PHTB-1"));
        assertEquals("ruled-out", status(thursday.withAsOf("2025-01-28"), "PHTB-1"));
    }
}
