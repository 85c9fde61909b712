package pajakdx.efaktur;

import pajakdx.internal.RuleBases;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pajakdx.Case;
import pajakdx.Diagnosis;
import pajakdx.TestRules;
import pajakdx.collect.MessageRecognizer;

/**
 * The e-Faktur rows of the message table recognise what users paste, whatever the case, spacing or
 * surrounding text; the first matching row sets a finding, and an explicit answer wins.
 */
class EfakturMessagesTest {

    /** What the table sets for {@code raw}: first matching row per finding, as the collector does. */
    private static Map<String, String> sets(String raw) {
        Map<String, String> out = new HashMap<>();
        for (MessageRecognizer.Match m : MessageRecognizer.recognise(RuleBases.of(TestRules.rules()).catalog().messages(), raw)) {
            m.pattern().sets().forEach(out::putIfAbsent);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ETAX-40005 Tidak Dapat Menghubungi ETaxInvoice Server                  | etax-40005-cannot-contact",
        "etax-40005: tidak dapat menghubungi etaxinvoice server                 | etax-40005-cannot-contact",
        "ETAX 40005                                                             | etax-40005-cannot-contact",
        "ETAX_40005 muncul terus sejak pagi                                     | etax-40005-cannot-contact",
        "Kenapa ya, tidak bisa menghubungi ETax Invoice server terus?           | etax-40005-cannot-contact",
        "could not contact the ETaxInvoice server                               | etax-40005-cannot-contact",
        "ETAX-40005 saat aktivasi e-Faktur                                      | desktop-activation-etax-40005",
        "Waktu reset aplikasi keluar ETAX-40005                                 | desktop-activation-etax-40005",
        "Certificates-based authentication failed                               | desktop-reset-cert-auth-failed",
        "HTTP 403: CERTIFICATE BASED AUTHENTICATION FAILED                      | desktop-reset-cert-auth-failed",
        "Status: Belum Registrasi                                               | desktop-belum-registrasi",
        "aplikasi e-faktur saya statusnya belum   teregistrasi                  | desktop-belum-registrasi",
    })
    void rawTextSetsTheProblem(String raw, String problem) {
        assertEquals(problem, sets(raw).get("problem"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Kode aktivasi tersebut sudah pernah digunakan          | desktop.activation-code-used-before | yes",
        "This activation code was already used                   | desktop.activation-code-used-before | yes",
        "Sertifikat elektronik sudah kedaluwarsa                | sertel.status                       | expired",
        "certificate expired                                    | sertel.status                       | expired",
        "Sertel Anda telah dicabut (revoked)                    | sertel.status                       | revoked",
        "Username atau password salah                           | web.credentials-rejected            | yes",
        "Invalid password                                       | web.credentials-rejected            | yes",
        "Akun Anda diblokir                                     | pkp.account-blocked                 | yes",
        "Akun PKP belum diverifikasi                            | pkp.account-verified                | no",
        "503 Service Unavailable                                | web.server-error                    | yes",
    })
    void rawTextSetsFindings(String raw, String finding, String value) {
        assertEquals(value, sets(raw).get(finding));
    }

    @Test
    void unrelatedText_setsNothing() {
        assertEquals(Map.of(), sets("Faktur berhasil diupload, terima kasih"));
        assertEquals(Map.of(), sets("NPWP terdaftar dan registrasi selesai"));
    }

    @Test
    void bareCodeDuringActivation_withAnExplicitProblem_concludesDesk6() {
        Case c = Case.builder("activation").asOf("2025-02-05").problem("desktop-activation-etax-40005")
                .error("ETAX-40005").answer("desktop.activation-code-used-before", "yes").build();
        Diagnosis d = TestRules.rules().diagnose(c);
        assertEquals("confirmed", d.cause("activation-code-reused").map(Diagnosis.CauseResult::status).orElse("absent"));
        assertEquals(1, d.causes().size(), "the explicit problem wins over the cannot-contact reading: " + d.causes());
    }
}
