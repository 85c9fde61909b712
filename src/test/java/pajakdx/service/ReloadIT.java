package pajakdx.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.LiveRuleBase;
import pajakdx.TempRules;
import pajakdx.TestRules;

/** POST /v1/reload: off without a token, refused with a wrong one, and a broken rule file keeps the last good rules. */
class ReloadIT {
    private static final String TOKEN = "s3cret-token-for-tests";

    @Test
    void withoutAToken_reloadIsOff() {
        try (Running api = new Running(LiveRuleBase.of(TestRules::rules), ServiceConfig.defaults())) {
            Running.Reply r = api.post("/v1/reload", null, "Authorization", "Bearer " + TOKEN);
            assertEquals(404, r.status(), r.toString());
            assertEquals("reload-off", r.problemType());
        }
    }

    @Test
    void aBrokenRuleFile_isRefusedWithItsPlace_andTheLastGoodRulesServe(@TempDir Path dir) throws Exception {
        Path rules = TempRules.copyOfTopics(dir, "coretax/impersonate");
        try (Running api = new Running(LiveRuleBase.load(rules), ServiceConfig.defaults().withReloadToken(TOKEN))) {
            assertTrue(api.get("/healthz").json().get("reload").asBoolean());
            assertEquals("reload-forbidden", api.post("/v1/reload", null).problemType());
            Running.Reply wrong = api.post("/v1/reload", null, "Authorization", "Bearer " + TOKEN + "x");
            assertEquals(403, wrong.status());
            assertTrue(!wrong.body().contains(TOKEN), "the token is never echoed");

            Running.Reply ok = api.post("/v1/reload", null, "Authorization", "Bearer " + TOKEN);
            assertEquals(200, ok.status(), ok.toString());
            assertEquals(List.of(), OpenApi.get().errors("ReloadResult", ok.json()));
            int rulesBefore = ok.json().get("rules").asInt();

            String open = api.post("/v1/consultations", "{\"problem\": \"impersonate-fails\", \"as_of\": \"2025-02-03\"}")
                    .json().get("id").asText();

            // From the corpus of broken rules: "expect: 11: unknown finding 'badan.last-login-shwn'".
            Path broken = Files.copy(TestRules.projectRoot().resolve("src/test/resources/broken-rules/unknown-finding.drl"),
                    rules.resolve("coretax/zz-broken.drl"));
            Running.Reply refused = api.post("/v1/reload?lang=en", null, "Authorization", "Bearer " + TOKEN);
            assertEquals(422, refused.status(), refused.toString());
            assertEquals("reload-failed", refused.problemType());
            assertEquals(List.of(), OpenApi.get().errors("Problem", refused.json()));
            assertEquals("Rules not reloaded; the last good rules stay in use", refused.json().get("title").asText());
            JsonNode first = refused.json().get("problems").get(0);
            assertTrue(first.get("file").asText().endsWith("zz-broken.drl"), refused.toString());
            assertEquals(11, first.get("line").asInt(), first.toString());
            assertTrue(refused.json().get("detail").asText().contains("unknown finding 'badan.last-login-shwn'"),
                    refused.toString());

            assertEquals(rulesBefore, api.get("/healthz").json().get("rules").get("rules").asInt(), "last good rules");
            Running.Reply d = api.post("/v1/diagnose", "{\"as_of\": \"2025-02-03\", \"problem\": \"impersonate-fails\","
                    + " \"findings\": {\"badan.last-login-shown\": \"no\"}}");
            assertEquals(200, d.status(), d.toString());
            assertEquals("confirmed", d.json().get("causes").get(0).get("status").asText());
            assertEquals(200, api.put("/v1/consultations/" + open + "/answers/badan.last-login-shown",
                    "{\"value\": \"no\"}").status(), "open consultations go on");

            Files.delete(broken);
            assertEquals(200, api.post("/v1/reload", null, "Authorization", "bearer " + TOKEN).status());
            assertEquals(200, api.get("/v1/consultations/" + open).status(), "and move to the new rules");
        }
    }
}
