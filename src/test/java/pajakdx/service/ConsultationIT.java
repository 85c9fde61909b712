package pajakdx.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pajakdx.LiveRuleBase;
import pajakdx.TestRules;

/**
 * Consultations over HTTP on a real server: the REPL's interview (docs/REPL.md) answer by
 * answer, with WHY, HOW, WHY NOT, what-if, a changed answer, skip, unset and close, every answer
 * valid against docs/openapi.yaml.
 */
class ConsultationIT {
    private static Running api;

    @BeforeAll
    static void start() {
        api = new Running(LiveRuleBase.of(TestRules::rules),
                ServiceConfig.defaults().withConsultations(Duration.ofMinutes(30), 500, 3));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonNode valid(String schema, Running.Reply r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertEquals(List.of(), OpenApi.get().errors(schema, r.json()), schema + ": " + r.body());
        return r.json();
    }

    private static String status(JsonNode state, String cause) {
        for (JsonNode c : state.get("diagnosis").get("causes")) {
            if (c.get("id").asText().equals(cause)) {
                return c.get("status").asText();
            }
        }
        return null;
    }

    private static String open(String body) {
        Running.Reply r = api.post("/v1/consultations", body);
        JsonNode s = valid("ConsultationState", r, 201);
        assertEquals("/v1/consultations/" + s.get("id").asText(), r.raw().headers().firstValue("Location").orElse(""));
        return s.get("id").asText();
    }

    /** The interview of docs/REPL.md, over HTTP. */
    @Test
    void theReplInterview_answerByAnswer_withWhyHowWhyNotAndAChangedAnswer() {
        Running.Reply opened = api.post("/v1/consultations", "{\"problem\": \"impersonate-fails\", \"as_of\": \"2025-02-03\"}");
        JsonNode s = valid("ConsultationState", opened, 201);
        String id = s.get("id").asText();
        String at = "/v1/consultations/" + id;
        assertEquals("impersonate-fails", s.get("problem").asText());
        assertEquals("badan.last-login-shown", s.get("next").get("finding").asText());
        assertEquals("ya", s.get("next").get("values").get(0).get("text").get("id").asText());
        assertEquals("suspected", status(s, "badan-never-logged-in"));
        assertNull(s.get("diagnosis").get("notConcluded"), "WHY NOT only when asked (left out, not empty)");

        JsonNode why = valid("Why", api.get(at + "/why"), 200);
        assertEquals("badan.last-login-shown", why.get("finding").asText());
        JsonNode decided = why.get("causes").get(0);
        assertEquals("badan-never-logged-in", decided.get("id").asText());
        assertEquals(List.of("Badan account never logged in: confirmed",
                        "Badan account never logged in: ruled out by badan.last-login-shown"),
                decided.get("rules").findValuesAsText("rule"));

        s = valid("ConsultationState", api.put(at + "/answers/badan.last-login-shown", "{\"value\": \"ya\"}"), 200);
        assertEquals("ruled-out", status(s, "badan-never-logged-in"));
        assertEquals("user.appointed-role", s.get("next").get("finding").asText());

        JsonNode whyNot = valid("WhyNotList", api.get(at + "/why-not/IMP-1"), 200);
        JsonNode confirmedRule = whyNot.get("causes").get(0).get("rules").get(0);
        assertEquals("failed", confirmedRule.get("outcome").asText());
        assertTrue(confirmedRule.toString().contains("\"fact\":\"badan.last-login-shown = yes\""), confirmedRule.toString());

        // Skip while the role is asked (once IMP-1 is confirmed below, it explains the problem and
        // no question is left to skip).
        s = valid("ConsultationState", api.post(at + "/skip", "{}"), 200);
        assertEquals("user.appointed-role", s.get("skipped").get(0).asText());
        JsonNode next = s.get("next");
        assertTrue(next.isNull() || !next.get("finding").asText().equals("user.appointed-role"),
                "a skipped question is not asked next: " + next);

        // Change the earlier answer: the same session withdraws and restores (truth maintenance).
        s = valid("ConsultationState", api.put(at + "/answers/badan.last-login-shown", "{\"value\": \"tidak\"}"), 200);
        assertEquals("confirmed", status(s, "badan-never-logged-in"));
        assertEquals("login-badan-until-recorded", s.get("diagnosis").get("remedies").get(0).get("id").asText());

        JsonNode how = valid("HowList", api.get(at + "/how/IMP-1"), 200).get("causes").get(0);
        assertEquals("confirmed", how.get("status").asText());
        assertEquals("Badan account never logged in: confirmed", how.get("how").get(0).get("rule").asText());
        assertEquals("Pajakku", how.get("sources").get(0).get("publisher").asText());

        JsonNode before = api.get(at).json();
        JsonNode whatIf = valid("WhatIf", api.post(at + "/what-if",
                "{\"finding\": \"user.appointed-role\", \"value\": \"pic\"}"), 200);
        // IMP-1 is confirmed: it explains the failed impersonation, so IMP-2 is not needed now and
        // IMP-3 would be not needed too (no remedy of its own added).
        assertTrue(whatIf.get("changes").toString().contains(
                "{\"cause\":\"user-not-appointed\",\"before\":\"not-needed\",\"after\":\"ruled-out\"}"), whatIf.toString());
        assertTrue(whatIf.get("changes").toString().contains(
                "{\"cause\":\"pic-name-differs-ahu\",\"before\":null,\"after\":\"not-needed\"}"), whatIf.toString());
        assertTrue(whatIf.get("remediesAdded").isEmpty(), whatIf.toString());
        assertEquals(before, api.get(at).json(), "what-if leaves the consultation as it was");

        s = valid("ConsultationState", api.put(at + "/answers/user.appointed-role", "{\"value\": \"kuasa\"}"), 200);
        assertEquals("ruled-out", status(s, "user-not-appointed"));
        assertTrue(s.get("skipped").isEmpty(), "answered: no longer skipped");

        s = valid("ConsultationState", api.delete(at + "/answers/badan.last-login-shown"), 200);
        assertEquals("suspected", status(s, "badan-never-logged-in"), "unset: back to suspected");

        JsonNode full = valid("ConsultationState", api.get(at + "?whyNot=true"), 200);
        assertFalse(full.get("diagnosis").get("notConcluded").isEmpty(), "WHY NOT when asked");

        assertEquals(204, api.delete(at).status());
        assertEquals("consultation-not-found", api.get(at).problemType());
        assertEquals(404, api.put(at + "/answers/problem", "{\"value\": \"login-fails\"}").status());
    }

    @Test
    void aPastedErrorText_setsTheProblem_andAnUnknownTextSaysSo() {
        JsonNode s = valid("ConsultationState", api.post("/v1/consultations",
                "{\"errors\": [\"ETAX-40005 Tidak Dapat Menghubungi ETaxInvoice Server\"]}"), 201);
        assertTrue(s.get("recognised").asBoolean());
        assertEquals("etax-40005-cannot-contact", s.get("problem").asText());
        assertTrue(s.get("answers").get(0).get("fromMessage").asBoolean());
        assertFalse(s.get("next").isNull());
        api.delete("/v1/consultations/" + s.get("id").asText());

        JsonNode unknown = valid("ConsultationState", api.post("/v1/consultations", "{\"errors\": [\"layar biru\"]}"), 201);
        assertFalse(unknown.get("recognised").asBoolean());
        assertTrue(unknown.get("problem").isNull());
        assertTrue(unknown.get("next").isNull(), "no question before the problem is known");
        String at = "/v1/consultations/" + unknown.get("id").asText();
        JsonNode more = valid("ConsultationState", api.post(at + "/errors",
                "{\"text\": \"ETAX-40005 Tidak Dapat Menghubungi ETaxInvoice Server\"}"), 200);
        assertTrue(more.get("recognised").asBoolean());
        assertEquals("etax-40005-cannot-contact", more.get("problem").asText());
        api.delete(at);
    }

    @Test
    void badInput_isAProblemDetail_andTheConsultationGoesOn() {
        String id = open("{\"problem\": \"upload-fails\"}");
        String at = "/v1/consultations/" + id;
        Running.Reply bad = api.put(at + "/answers/sertel.passphrase-remembered", "{\"value\": \"mungkin\"}");
        assertEquals(422, bad.status(), bad.toString());
        assertEquals("sertel.passphrase-remembered", bad.json().get("problems").get(0).get("field").asText());
        assertTrue(bad.json().get("detail").asText().contains("'mungkin' bukan ya atau tidak"), "Indonesian by default: "
                + bad);
        assertTrue(bad.json().get("problems").get(0).get("message").asText().startsWith("'mungkin' is not yes or no"),
                "the structured problems keep the library's English: " + bad);
        assertEquals(422, api.put(at + "/answers/efaktur.username", "{\"value\": \"73918462594736\"}").status());
        assertEquals("invalid-case", api.put(at + "/answers/no.such-finding", "{\"value\": \"x\"}").problemType());
        assertEquals("malformed-request", api.put(at + "/answers/problem", "{\"valu\": 1}").problemType());
        assertEquals("malformed-request", api.put(at + "/answers/problem", "{\"value\": {\"a\": 1}}").problemType());
        assertEquals("malformed-request", api.post(at + "/errors", "{nope").problemType());
        assertEquals("unknown-cause", api.get(at + "/how/IMP-99").problemType());
        assertTrue(api.get(at + "/how/IMP-99").json().get("detail").asText().contains("IMP-"), "did you mean");
        assertEquals("not-a-question", api.get(at + "/why?finding=problem").problemType());
        assertEquals("malformed-request", api.post(at + "/what-if", "{}").problemType());
        JsonNode s = valid("ConsultationState", api.get(at), 200);
        assertEquals("upload-fails", s.get("problem").asText(), "nothing changed by the refused answers");
        assertEquals(1, s.get("answers").size());
        assertEquals("invalid-case", api.post("/v1/consultations", "{\"problem\": \"no-such-problem\"}").problemType());
        api.delete(at);
    }

    @Test
    void identifiersAnswered_areMaskedInTheState() {
        String at = "/v1/consultations/" + open("{\"problem\": \"efaktur-username-refused\"}");
        JsonNode s = valid("ConsultationState", api.put(at + "/answers/efaktur.username",
                "{\"value\": \"01.234.567.8-901.234\"}"), 200);
        assertFalse(s.toString().contains("012345678901234"), s.toString());
        assertFalse(s.toString().contains("01.234.567.8-901.234"), s.toString());
        api.delete(at);
    }

    @Test
    void aClientOverItsLimit_is429_andItsOpenConsultationsStillServe() {
        // Other tests of this class open and close their own; this client address is shared, so
        // count what is open now.
        List<String> mine = new java.util.ArrayList<>();
        Running.Reply r;
        while ((r = api.post("/v1/consultations", "{\"problem\": \"login-fails\"}")).status() == 201) {
            mine.add(r.json().get("id").asText());
            assertTrue(mine.size() <= 3, "the limit of 3 holds");
        }
        assertEquals(429, r.status(), r.toString());
        assertEquals("too-many-consultations", r.problemType());
        assertEquals(200, api.get("/v1/consultations/" + mine.get(0)).status());
        mine.forEach(id -> api.delete("/v1/consultations/" + id));
        Running.Reply again = api.post("/v1/consultations", "{}");
        assertEquals(201, again.status(), "places freed by closing");
        api.delete("/v1/consultations/" + again.json().get("id").asText());
    }

    @Test
    void anEmptyBody_opensAConsultationWaitingForItsProblem() {
        JsonNode s = valid("ConsultationState", api.post("/v1/consultations", null), 201);
        assertNull(s.get("problem").textValue());
        String at = "/v1/consultations/" + s.get("id").asText();
        s = valid("ConsultationState", api.put(at + "/answers/problem", "{\"value\": \"impersonate-fails\"}"), 200);
        assertEquals("badan.last-login-shown", s.get("next").get("finding").asText());
        api.delete(at);
    }
}
