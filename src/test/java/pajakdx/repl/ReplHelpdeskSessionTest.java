package pajakdx.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import pajakdx.base.Lang;

/**
 * The "done when": a helpdesk session typed entirely in Indonesian (a pasted complaint,
 * answers by synonym, label and number, a changed answer, {@code baru}, a pasted error text, month
 * dates) and the same kind of session in English run as scripts; their transcripts are the ones
 * docs/REPL.md shows (written there with {@code -Dpajakdx.writeDocs=true}).
 */
class ReplHelpdeskSessionTest {

    @Test
    void indonesianSession_understandsTheAgentsWords_andSaysEverythingInIndonesian() throws IOException {
        String t = HelpdeskTranscripts.run(HelpdeskTranscripts.script("helpdesk-id"), Lang.ID);
        // pasted complaint: the problem and the date it gives ("sejak kemarin")
        assertTrue(t.contains("masalah impersonate-fails — Impersonate (beralih ke akun) Wajib Pajak Badan di Coretax"
                + " gagal (dari kata-kata keluhan)"), t);
        assertTrue(t.contains("tanggal kejadian 2025-03-09"), t);
        // synonyms and labels
        assertTrue(after(t, "jawab> iya").contains("[DISINGKIRKAN] IMP-1"), t);
        assertTrue(after(t, "jawab> penanggung jawab").contains("[DIDUGA] IMP-3"), t);
        assertTrue(after(t, "jawab> gak").contains("[TERKONFIRMASI] IMP-3"), t);
        // a changed answer, in the same session
        assertTrue(after(t, "pajakdx> jawab badan.last-login-shown tidak").contains("[TERKONFIRMASI] IMP-1"), t);
        // a new case from a pasted error text, an answer by its number, a month date
        assertTrue(after(t, "pajakdx> baru").startsWith("Kasus baru."), t);
        assertTrue(after(t, "pajakdx> ETAX-40005").contains("(dari pesan galat)"), t);
        assertTrue(after(t, "jawab> 1").contains("Pertanyaan [sertel.status]"), "1 answered yes: " + t);
        assertTrue(after(t, "jawab> aktif").contains("[DISINGKIRKAN] DESK-8"), t);
        assertTrue(after(t, "pajakdx> jawab sertel.issued-date Februari 2023").contains("[TERKONFIRMASI] DESK-8"),
                "February 2023 is two years before the day of the session, every day of it: " + t);
        assertTrue(after(t, "pajakdx> per 2025-02").startsWith("Tanggal kejadian: 2025-02."), t);
        assertTrue(after(t, "pajakdx> mengapa tidak DESK-8").contains("[belum diketahui] sertel.issued-date"),
                "two months two years apart: undecided: " + t);
        assertTrue(t.contains("Per: 2025-02 (hanya bulan atau tahunnya yang diketahui)"), t);
        List<String> english = EnglishBundle.foundIn(replies(t), EnglishBundle.fragments());
        assertTrue(english.isEmpty(), String.join("\n", english));
        matchesDoc("helpdesk-id", t);
    }

    @Test
    void englishSession_twoProblemsFromOneComplaint_explainingAwayAndGoingOn() throws IOException {
        String t = HelpdeskTranscripts.run(HelpdeskTranscripts.script("helpdesk-en"), Lang.EN);
        assertTrue(t.contains("problem login-fails — Logging in to Coretax fails (from the complaint's words)"), t);
        assertTrue(t.contains("problem reset-email-missing — "), t);
        assertTrue(t.contains("incident date 2025-02"), "since last month: " + t);
        String afterNo = after(t, "answer> no");
        assertTrue(afterNo.contains("[CONFIRMED] PWD-1") && afterNo.contains("[NOT NEEDED] OTP-3"), t);
        assertTrue(after(t, "answer> continue").contains("[SUSPECTED] OTP-3"), t);
        assertTrue(after(t, "answer> answer email.updated-in-djp-online yes").contains("[RULED OUT] PWD-1"), t);
        assertTrue(after(t, "answer> answer email.update-date February 2025").contains("[CONFIRMED] PWD-2"), t);
        assertTrue(after(t, "pajakdx> problem signing-fails").contains("Question [as_of]"),
                "the incident date is asked where a rule depends on it: " + t);
        assertTrue(after(t, "answer> 2025-01").startsWith("Incident date: 2025-01."), t);
        matchesDoc("helpdesk-en", t);
    }

    /** What follows the first line starting with {@code typed}. */
    private static String after(String transcript, String typed) {
        int at = transcript.indexOf("\n" + typed);
        assertTrue(at >= 0, "'" + typed + "' not in:\n" + transcript);
        int start = transcript.indexOf('\n', at + 1) + 1;
        return transcript.substring(start);
    }

    /**
     * The replies of a transcript, without what the user typed (echoed after the prompt), the
     * list of known problems (the knowledge base's texts) and the error texts quoted as pasted.
     */
    private static String replies(String transcript) {
        StringBuilder out = new StringBuilder();
        for (String line : transcript.split("\n")) {
            if (line.matches("^(pajakdx|jawab)> .*") || line.matches("^  \\d+\\. [a-z0-9-]+ — .*")
                    || line.strip().startsWith("sumber:")) {
                continue;
            }
            out.append(line.replaceAll("pesan \"[^\"]*\"", "pesan \"…\"")).append('\n');
        }
        return out.toString();
    }

    private static void matchesDoc(String name, String transcript) throws IOException {
        if (Boolean.getBoolean("pajakdx.writeDocs")) {
            HelpdeskTranscripts.writeToDoc(name, transcript);
        }
        String doc = HelpdeskTranscripts.inDoc(name);
        assertNotNull(doc, "docs/REPL.md has no transcript " + name);
        assertEquals(transcript, doc, "docs/REPL.md shows another transcript " + name
                + "; regenerate with mvn test -Dtest=ReplHelpdeskSessionTest -Dpajakdx.writeDocs=true");
    }
}
