package pajakdx.efaktur;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pajakdx.Case;
import pajakdx.Diagnosis;
import pajakdx.TestRules;

/**
 * A case holding nothing but the raw text of an ETAX-40005 "cannot contact the server" error asks
 * about the connection/proxy and the sertel, and about nothing else.
 */
class EtaxQuestionsTest {
    private static final Set<String> RELEVANT = Set.of("connection.stable", "desktop.proxy-setting", "sertel.status",
            "sertel.issued-date");

    @ParameterizedTest
    @ValueSource(strings = {
        "ETAX-40005 Tidak Dapat Menghubungi ETaxInvoice Server",
        "etax-40005: tidak dapat menghubungi etaxinvoice server",
        "ETAX 40005",
        "Waktu upload muncul kotak dialog: ETAX-40005   Tidak dapat menghubungi ETaxInvoice   Server. Tolong dibantu",
        "Cannot contact the ETaxInvoice server",
    })
    void onlyTheRawText_asksForConnectionProxyAndSertel(String raw) {
        Diagnosis d = TestRules.rules().diagnose(Case.builder("raw").asOf("2025-02-10").error(raw).build());
        List<String> asked = d.questions().stream().map(Diagnosis.Question::finding).toList();
        assertTrue(asked.containsAll(List.of("connection.stable", "desktop.proxy-setting", "sertel.status")),
                "asks for the connection, the proxy and the sertel: " + asked);
        assertTrue(RELEVANT.containsAll(asked), "asks nothing unrelated: " + asked);
        assertEquals(Set.of("no-connection-or-proxy", "etax-sertel-expired-or-revoked", "etax-sertel-active-reimport"),
                Set.copyOf(d.causes().stream().map(Diagnosis.CauseResult::id).toList()), "only DESK-7, -8 and -9");
        assertTrue(d.causes().stream().allMatch(c -> c.status().equals("suspected")), "nothing decided yet");
    }
}
