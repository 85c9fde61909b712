package pajakdx.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.TestRules;
import pajakdx.cli.Main;
import pajakdx.json.Json;

/**
 * The "done when", as a user would try it: the REPL driven through standard input,
 * its transcript checked command by command.
 */
class ReplInterviewTest {

    @Test
    void fromTheProblemAlone_firstQuestionIsTheBadansLastLogin(@TempDir Path home) {
        Transcript t = Transcript.run(home, "masalah impersonate-fails\n");
        assertEquals(0, t.code(), t.err());
        String reply = t.reply(0);
        assertTrue(reply.contains("[DIDUGA] IMP-1 badan-never-logged-in"), reply);
        assertTrue(reply.contains("Pertanyaan [badan.last-login-shown]"), reply);
        assertTrue(reply.contains("Tanggal Login Terakhir"), "the question itself, in Indonesian: " + reply);
        assertTrue(t.out().contains("jawab> "), "the prompt asks for an answer");
        assertTrue(t.clean(), t.out());
    }

    @Test
    void answeringPresent_rulesImp1Out_andWhyNotNamesThatAnswer(@TempDir Path home) {
        Transcript t = Transcript.run(home, "masalah impersonate-fails\nya\nwhynot IMP-1\n");
        String afterYes = t.reply(1);
        assertTrue(afterYes.contains("[DISINGKIRKAN] IMP-1 badan-never-logged-in"), afterYes);
        assertTrue(afterYes.contains("Pertanyaan [user.appointed-role]"), "next question asked: " + afterYes);
        String whyNot = t.reply("whynot IMP-1");
        assertTrue(whyNot.contains("Status sekarang: DISINGKIRKAN"), whyNot);
        assertTrue(whyNot.contains("\"Akun Badan belum pernah login: terkonfirmasi\""), "the rule that could confirm it: " + whyNot);
        assertTrue(whyNot.contains("[gagal] badan.last-login-shown = tidak — karena badan.last-login-shown = ya"),
                "the failed condition names the answer: " + whyNot);
        assertTrue(whyNot.contains("[terpenuhi] problem = impersonate-fails"), whyNot);
    }

    @Test
    void changingTheAnswer_bringsImp1BackConfirmed_inTheSameSession(@TempDir Path home) {
        Transcript t = Transcript.run(home, "masalah impersonate-fails\nya\njawab badan.last-login-shown tidak\nhow IMP-1\n"
                + "diagnosis json\n");
        String changed = t.reply("jawab badan.last-login-shown tidak");
        assertTrue(changed.contains("[TERKONFIRMASI] IMP-1 badan-never-logged-in"), changed);
        assertTrue(changed.contains("Langkah pertama: Login langsung ke akun Badan"), changed);
        String how = t.reply("how IMP-1");
        assertTrue(how.contains("\"Akun Badan belum pernah login: terkonfirmasi\" (coretax/impersonate.drl:"), how);
        assertTrue(how.contains("temuan: problem = impersonate-fails; badan.last-login-shown = tidak"), how);
        assertTrue(how.contains("sumber: pajakku-impersonate — Pajakku"), how);
        // One live session: its trace still holds the firing that ruled IMP-1 out before the change.
        String json = t.reply("diagnosis json");
        assertTrue(json.contains("Badan account never logged in: ruled out by badan.last-login-shown"), json);
        assertTrue(json.contains("\"status\":\"confirmed\""), json);
    }

    @Test
    void whatIf_showsTheDifference_andLeavesTheCaseAsItWas(@TempDir Path home) {
        Transcript t = Transcript.run(home, "masalah impersonate-fails\ntidak\nwhatif badan.last-login-shown ya\nfakta\ndiagnosa\n");
        String diff = t.reply("whatif badan.last-login-shown ya");
        assertTrue(diff.contains("(kasus tidak diubah)"), diff);
        assertTrue(diff.contains("IMP-1 badan-never-logged-in: TERKONFIRMASI → DISINGKIRKAN"), diff);
        assertTrue(diff.contains("langkah pertama: Login langsung ke akun Badan"), diff);
        assertTrue(diff.contains("→ Minta Wajib Pajak Badan menunjuk Anda"), "remedies by their text: " + diff);
        assertTrue(diff.contains("langkah baru:\n    - Minta Wajib Pajak Badan") && diff.contains("    - Pastikan koneksi internet stabil"),
                "the browser checks come back: " + diff);
        assertTrue(diff.contains("IMP-2 user-not-appointed: TIDAK DIPERLUKAN → DIDUGA"), "no longer explained away: " + diff);
        String facts = t.reply("fakta");
        assertTrue(facts.contains("badan.last-login-shown = no"), "case untouched: " + facts);
        assertTrue(t.reply("diagnosa").contains("[TERKONFIRMASI] Akun Badan belum pernah login"), t.out());
    }

    @Test
    void saveThenLoad_roundTrips_andDiagnoseOnTheSavedFileGivesTheReplsDiagnosis(@TempDir Path home,
                                                                                @TempDir Path work) throws Exception {
        Path saved = work.resolve("badan.yaml");
        Transcript t = Transcript.run(home, "masalah impersonate-fails\nya\njawab badan.last-login-shown tidak\n"
                + "jawab user.appointed-role kuasa\nsimpan " + saved + "\ndiagnosis json\n"
                + "jawab user.appointed-role none\nmuat " + saved + "\nfakta\ndiagnosis json\n");
        assertTrue(t.reply("simpan " + saved).contains("Disimpan ke"), t.out());
        Case c = Case.read(saved);
        assertEquals("badan", c.id(), "a new case takes the file's name as id");
        assertEquals("impersonate-fails", c.answers().get("problem"));
        assertEquals("no", c.answers().get("badan.last-login-shown"));
        assertEquals("kuasa", c.answers().get("user.appointed-role"));
        assertTrue(c.asOf() != null, "the as-of is pinned so the file diagnoses the same later");

        String facts = t.reply("fakta");
        assertTrue(facts.contains("user.appointed-role = kuasa"), "load restored the saved answer: " + facts);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"diagnose", "--json", "--rules", TestRules.rulesDir().toString(),
                saved.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        JsonNode fromFile = withoutTrace(out.toString());
        JsonNode fromRepl = withoutTrace(lastJsonLine(t.reply(5)));
        JsonNode afterLoad = withoutTrace(lastJsonLine(t.reply("diagnosis json")));
        assertEquals(fromFile, fromRepl, "diagnose on the saved file = the REPL's diagnosis");
        assertEquals(fromFile, afterLoad, "and the same after loading it back");
        assertEquals("confirmed", fromFile.get("causes").get(0).get("status").asText());
        assertTrue(t.clean(), t.out());
    }

    /** The trace is history: in the REPL it holds every firing of the consultation, so it is left out. */
    private static JsonNode withoutTrace(String json) throws Exception {
        ObjectNode n = (ObjectNode) Json.mapper().readTree(json.strip());
        n.remove("trace");
        return n;
    }

    private static String lastJsonLine(String reply) {
        String[] lines = reply.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void englishWithLangOption_andWithTheLangCommand(@TempDir Path home) {
        Transcript en = Transcript.run(home, "problem impersonate-fails\nyes\nwhynot IMP-1\n", "--lang", "en");
        assertTrue(en.greeting().contains("What is the problem?"), en.out());
        assertTrue(en.reply(0).contains("Question [badan.last-login-shown]"), en.out());
        assertTrue(en.reply(1).contains("[RULED OUT] IMP-1"), en.out());
        assertTrue(en.reply(2).contains("[failed] badan.last-login-shown = no — by badan.last-login-shown = yes"), en.out());
        assertTrue(en.out().contains("answer> "), en.out());

        Transcript switched = Transcript.run(home, "masalah impersonate-fails\nlang en\ntidak\n");
        assertTrue(switched.reply(0).contains("Pertanyaan [badan.last-login-shown]"), switched.out());
        assertTrue(switched.reply(1).contains("Language: English."), switched.out());
        assertTrue(switched.reply(1).contains("In the Badan account's Profil menu"), "question again, in English");
        assertTrue(switched.reply(2).contains("[CONFIRMED] IMP-1"), switched.out());
    }

    @Test
    void unknownAndSkip_moveToTheNextQuestion_andWhyExplainsTheCurrentOne(@TempDir Path home) {
        Transcript t = Transcript.run(home, "masalah impersonate-fails\ntidak tahu\nmengapa\nlewati\nlewati\nfakta\njawab kuasa\n");
        assertTrue(t.reply(1).contains("[DIDUGA] IMP-1"), "unknown is not no: " + t.reply(1));
        assertTrue(t.reply(1).contains("Pertanyaan [user.appointed-role]"), t.reply(1));
        String why = t.reply(2);
        assertTrue(why.contains("IMP-2 user-not-appointed [DIDUGA]"), why);
        assertTrue(why.contains("\"Pengguna belum ditunjuk sebagai wakil: terkonfirmasi\""), why);
        assertTrue(why.contains("bila user.appointed-role = none → TERKONFIRMASI"), why);
        assertTrue(why.contains("IMP-3 pic-name-differs-ahu [TIDAK DISIMPULKAN]"), "a cause it may reveal: " + why);
        assertTrue(t.reply(3).contains("Pertanyaan [pic.name-matches-ahu]"), t.reply(3));
        assertTrue(t.reply(4).contains("Tidak ada pertanyaan lagi"), t.reply(4));
        assertTrue(t.reply(4).contains("Dilewati: user.appointed-role, pic.name-matches-ahu"), t.reply(4));
        assertTrue(t.reply(5).contains("badan.last-login-shown = tidak tahu"), t.reply(5));
        assertTrue(t.reply(6).contains("Pemakaian: jawab TEMUAN NILAI"),
                "no question pending any more, so `jawab kuasa` needs a finding: " + t.reply(6));
    }

    @Test
    void answerWithOnlyAValue_answersTheQuestionBeingAsked(@TempDir Path home) {
        Transcript t = Transcript.run(home, "masalah impersonate-fails\njawab tidak\n");
        assertTrue(t.reply(1).contains("[TERKONFIRMASI] IMP-1"), t.reply(1));
    }

    @Test
    void whyNot_worksForACauseNotConcludedAtAll(@TempDir Path home) {
        Transcript t = Transcript.run(home, "masalah impersonate-fails\nwhynot IMP-3\nhow IMP-3\n");
        String whyNot = t.reply(1);
        assertTrue(whyNot.contains("Status sekarang: TIDAK DISIMPULKAN"), whyNot);
        assertTrue(whyNot.contains("[belum diketahui] user.appointed-role = pic — tanyakan: user.appointed-role"), whyNot);
        assertTrue(whyNot.contains("\"Nama PIC berbeda dengan pengurus di AHU: disingkirkan oleh nama yang sama\""), whyNot);
        assertTrue(t.reply(2).contains("tidak disimpulkan; ketik `mengapa-tidak IMP-3`"), t.reply(2));
    }

    @Test
    void badInput_getsOneClearLine_andTheSessionGoesOn(@TempDir Path home, @TempDir Path work) throws Exception {
        Path folder = Files.createDirectory(work.resolve("a-folder"));
        Transcript t = Transcript.run(home, "hepl\nmasalah impersonat-fails\nmasalah impersonate-fails\nmungkin\njawab nope ya\n"
                + "whynot IMP-99\nsimpan " + work.resolve("missing/x.yaml") + "\nsimpan " + folder + "\nmuat "
                + work.resolve("none.yaml") + "\nper 2025-13-01\nlang xx\nya\n");
        assertTrue(t.reply(0).contains("Perintah tidak dikenal: 'hepl' (maksud Anda 'help'?)"), t.reply(0));
        assertTrue(t.reply(1).contains("Masalah tidak dikenal: 'impersonat-fails' (maksud Anda 'impersonate-fails'?)"),
                t.reply(1));
        assertTrue(t.reply(3).contains("badan.last-login-shown: 'mungkin' bukan ya atau tidak"), t.reply(3));
        assertTrue(t.reply(4).contains("temuan tidak dikenal 'nope'"), t.reply(4));
        assertTrue(t.reply(5).contains("penyebab atau relasi tidak dikenal: 'IMP-99'"), t.reply(5));
        assertTrue(t.reply(6).contains("x.yaml: folder tidak ada: "), t.reply(6));
        assertTrue(t.reply(7).contains("a-folder: adalah folder, bukan berkas"), t.reply(7));
        assertTrue(t.reply(8).contains("none.yaml: berkas tidak ada"), t.reply(8));
        assertTrue(t.reply(9).contains("as_of: '2025-13-01' bukan tanggal"), t.reply(9));
        assertTrue(t.reply(10).contains("bahasa tidak dikenal 'xx'"), t.reply(10));
        assertTrue(t.reply(11).contains("[DISINGKIRKAN] IMP-1"), "still answering after all that: " + t.reply(11));
        assertFalse(Files.exists(work.resolve("missing")), "nothing created on a bad path");
        assertEquals(0, t.code());
        assertTrue(t.clean(), t.out());
    }

    @Test
    void startingFromACaseFile_showsItsDiagnosisAndTheNextQuestion(@TempDir Path home) {
        Path file = TestRules.factsDir().resolve("coretax/impersonate-only-problem.yaml");
        Transcript t = Transcript.run(home, "fakta\n", file.toString());
        assertTrue(t.greeting().contains("Per 2025-02-03"), "the case's own as-of: " + t.greeting());
        assertTrue(t.greeting().contains("Pertanyaan [badan.last-login-shown]"), t.greeting());
        assertTrue(t.reply(0).contains("Kasus impersonate-only-problem"), t.reply(0));
    }

    @Test
    void aBadCaseArgument_exits2WithTheProblem(@TempDir Path home, @TempDir Path work) throws Exception {
        Path bad = work.resolve("bad.yaml");
        Files.writeString(bad, "problem: impersonate-fails\nfindings:\n  nope: ya\n");
        Transcript t = Transcript.run(home, "", bad.toString());
        assertEquals(2, t.code());
        assertTrue(t.err().contains("error: " + bad + ": findings.nope: temuan tidak dikenal 'nope'"), t.err());
        assertTrue(t.clean(), t.err());
    }

    @Test
    void help_listsEveryCommandWithItsIndonesianAlias(@TempDir Path home) {
        Transcript t = Transcript.run(home, "bantuan\n");
        for (Command c : Command.values()) {
            assertTrue(t.reply(0).contains(String.join(" / ", c.names())), c + " in:\n" + t.reply(0));
        }
    }
}
