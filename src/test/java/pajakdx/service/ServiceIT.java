package pajakdx.service;

import pajakdx.internal.RuleBases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.DiagnoseOptions;
import pajakdx.LiveRuleBase;
import pajakdx.TestRules;
import pajakdx.cli.Main;

/**
 * The service as a client sees it, on a real server on a free loopback port: diagnosis, batch,
 * vocabulary, contracts, and bad input answered with problem details while the server goes on.
 * Every JSON answer is validated against the schemas of docs/openapi.yaml.
 */
class ServiceIT {
    private static Running api;

    @BeforeAll
    static void start() {
        api = new Running(LiveRuleBase.of(TestRules::rules), ServiceConfig.defaults());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static void assertValid(String schema, JsonNode node) {
        assertEquals(List.of(), OpenApi.get().errors(schema, node), schema + ": " + node);
    }

    /** A problem-details answer of {@code status} and {@code type}, valid, and the server still serving. */
    private static JsonNode assertProblem(Running.Reply r, int status, String type) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
        assertEquals(type, r.problemType(), r.toString());
        assertValid("Problem", r.json());
        assertFalse(r.body().contains("\tat ") || r.body().contains("Exception"), "no stack trace: " + r.body());
        assertEquals(200, api.get("/healthz").status(), "still serving");
        return r.json();
    }

    private static String caseJson(String findings) {
        return "{\"id\": \"t\", \"as_of\": \"2025-02-03\", \"problem\": \"upload-fails\", \"findings\": {" + findings + "}}";
    }

    @Test
    void health_problems_findings_matchTheirSchemas() {
        Running.Reply health = api.get("/healthz");
        assertValid("Health", health.json());
        assertEquals(RuleBases.of(TestRules.rules()).rules().size(), health.json().get("rules").get("rules").asInt());
        assertFalse(health.json().get("reload").asBoolean(), "no token given");

        JsonNode problems = api.get("/v1/problems").json();
        assertValid("ProblemList", problems);
        assertTrue(problems.get("problems").findValuesAsText("id").contains("impersonate-fails"));

        JsonNode findings = api.get("/v1/findings").json();
        assertValid("FindingList", findings);
        JsonNode lastLogin = null;
        for (JsonNode f : findings.get("findings")) {
            if (f.get("id").asText().equals("badan.last-login-shown")) {
                lastLogin = f;
            }
        }
        assertEquals("yes-no", lastLogin.get("type").asText());
        assertEquals("ya", lastLogin.get("values").get(0).get("text").get("id").asText());
        assertTrue(lastLogin.get("question").get("en").asText().contains("last-login"), lastLogin.toString());
        assertEquals("look", lastLogin.get("cost").asText());
    }

    @Test
    void contracts_areServedAsCheckedIn() throws IOException {
        Path docs = TestRules.projectRoot().resolve("docs");
        Running.Reply openapi = api.get("/v1/openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.contentType().startsWith("application/yaml"), openapi.contentType());
        assertEquals(Files.readString(docs.resolve("openapi.yaml")), openapi.body());
        assertEquals(Running.JSON.readTree(Files.readString(docs.resolve("case.schema.json"))),
                api.get("/v1/schemas/case").json());
        assertEquals(Running.JSON.readTree(Files.readString(docs.resolve("diagnosis.schema.json"))),
                api.get("/v1/schemas/diagnosis").json());
    }

    /** Every operation the document lists is routed (an unknown consultation is a 404 of its own kind). */
    @Test
    void everyDocumentedOperation_isAnswered_andEveryOtherPathIs404() {
        JsonNode paths = OpenApi.get().doc().get("paths");
        int checked = 0;
        for (Map.Entry<String, JsonNode> e : paths.properties()) {
            String path = e.getKey().replace("{id}", "AAAAAAAAAAAAAAAAAAAAAA").replace("{finding}", "problem")
                    .replace("{cause}", "IMP-1");
            for (String method : List.of("get", "post", "put", "delete")) {
                if (e.getValue().has(method)) {
                    Running.Reply r = api.send(method.toUpperCase(java.util.Locale.ROOT), path, "{}");
                    assertNotEquals(405, r.status(), method + " " + path + ": " + r);
                    if (r.status() == 404) {
                        assertNotEquals("not-found", r.problemType(), method + " " + path + " is not routed");
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked >= 20, "operations checked: " + checked);
        assertProblem(api.get("/v1/nothing-here"), 404, "not-found");
        assertProblem(api.send("DELETE", "/v1/problems", null), 405, "method-not-allowed");
    }

    /** The service answers what the library answers: byte for byte with ?whyNot=true, without WHY NOT otherwise. */
    @Test
    void diagnose_everyFactsCase_isTheLibrarysDiagnosis() throws IOException {
        for (Case c : FactsJson.cases()) {
            String json = FactsJson.json(c);
            String expected = TestRules.rules().diagnose(Case.parseJson("request", json)).toJson();
            Running.Reply full = api.post("/v1/diagnose?whyNot=true", json);
            assertEquals(200, full.status(), c.id() + ": " + full);
            assertEquals(expected, full.body(), c.id());
            Running.Reply plain = api.post("/v1/diagnose", json);
            JsonNode node = plain.json();
            assertValid("Diagnosis", node);
            assertFalse(node.has("notConcluded"), "WHY NOT only when asked");
            assertEquals(TestRules.rules().diagnose(Case.parseJson("request", json)).withoutWhyNot().toJson(),
                    plain.body(), c.id());
        }
    }

    @Test
    void diagnose_withoutExplanation_hasNoTraceNorHow() {
        JsonNode d = api.post("/v1/diagnose?explain=false", caseJson("\"sertel.passphrase-remembered\": \"no\"")).json();
        assertValid("Diagnosis", d);
        assertEquals(0, d.get("trace").size());
        assertEquals(0, d.get("causes").get(0).get("how").size());
        assertProblem(api.post("/v1/diagnose?explain=maybe", caseJson("")), 400, "malformed-request");
    }

    @Test
    void malformedJson_is400_locatedAtItsLineAndColumn() {
        JsonNode p = assertProblem(api.post("/v1/diagnose", "{\"problem\": \"upload-fails\",\n \"findings\": {"), 400,
                "malformed-request");
        JsonNode problem = p.get("problems").get(0);
        assertEquals("request", problem.get("file").asText());
        assertEquals(2, problem.get("line").asInt());
        assertTrue(problem.get("message").asText().startsWith("not valid JSON"), p.toString());
        assertProblem(api.post("/v1/diagnose", "[1, 2]"), 400, "malformed-request");
        assertProblem(api.post("/v1/diagnose", "{\"surprise\": 1}"), 400, "malformed-request");
        assertProblem(api.postBytes("/v1/diagnose", new byte[] {'{', (byte) 0xC3, '}'}), 400, "malformed-request");
    }

    /** The same messages as `pajakdx diagnose` on the same case. */
    @Test
    void unknownFinding_and14DigitNpwp_are422_withTheCliMessages(@TempDir Path dir) throws IOException {
        String body = caseJson("\"efaktur.usrname\": \"x\", \"efaktur.username\": \"73918462594736\"");
        JsonNode p = assertProblem(api.post("/v1/diagnose", body), 422, "invalid-case");
        Path file = Files.writeString(dir.resolve("request.json"), body);
        StringWriter err = new StringWriter();
        assertEquals(Main.BAD_INPUT, Main.run(new String[] {"diagnose", "--lang", "en", "--rules",
                TestRules.rulesDir().toString(), file.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        List<String> cli = err.toString().lines().map(l -> l.replace("error: " + file + ": ", "")).toList();
        List<String> service = new ArrayList<>();
        p.get("problems").forEach(x -> service.add(x.get("field").asText() + ": " + x.get("message").asText()));
        assertEquals(cli, service);
        assertTrue(service.get(0).contains("did you mean 'efaktur.username'"), service.toString());
        assertTrue(service.get(1).contains("14 digits is not an identifier"), service.toString());
        assertFalse(p.toString().contains("73918462594736"), "the number itself is never echoed: " + p);
        assertFalse(api.log().contains("73918462594736"));
    }

    @Test
    void oversizeBody_is413_announcedOrNot() {
        byte[] big = ("{\"title\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(api.postBytes("/v1/diagnose", big), 413, "body-too-large");
        assertProblem(api.post("/v1/consultations", new String(big, StandardCharsets.UTF_8)), 413, "body-too-large");
    }

    @Test
    void problemDetails_areIndonesianByDefault_EnglishOnRequest() {
        String body = caseJson("\"nope\": 1");
        Running.Reply id = api.post("/v1/diagnose", body);
        assertEquals("Kasus tidak sesuai dengan kosakata aturan", id.json().get("title").asText());
        assertEquals("id", id.raw().headers().firstValue("Content-Language").orElse(""));
        Running.Reply en = api.post("/v1/diagnose", body, "Accept-Language", "en-US,en;q=0.9,id;q=0.5");
        assertEquals("The case does not fit the rules' vocabulary", en.json().get("title").asText());
        assertEquals("en", en.raw().headers().firstValue("Content-Language").orElse(""));
        assertEquals("Not found", api.get("/nowhere?lang=en", "Accept-Language", "id").json().get("title").asText());
        assertEquals("Tidak ditemukan", api.get("/nowhere", "Accept-Language", "fr, id;q=0.8, en;q=0.1").json()
                .get("title").asText());
    }

    /** Review finding: an unknown ?lang= was ignored without a word; it is refused, in the header's language. */
    @Test
    void anUnknownLangParameter_isRefused_andARegionalOneTaken() {
        Running.Reply typo = api.get("/v1/problems?lang=engl", "Accept-Language", "en");
        assertEquals(400, typo.status(), typo.body());
        assertEquals("The request cannot be read", typo.json().get("title").asText());
        assertEquals("lang: must be id or en, not 'engl'", typo.json().get("detail").asText());
        Running.Reply fr = api.get("/v1/problems?lang=fr");
        assertEquals(400, fr.status(), fr.body());
        assertEquals("lang: harus id atau en, bukan 'fr'", fr.json().get("detail").asText());
        assertEquals(200, api.get("/v1/problems?lang=en-US").status());
        assertEquals(200, api.get("/v1/problems?lang=").status());
        assertEquals("Not found", api.get("/v1/nowhere?lang=en_GB").json().get("title").asText());
        Running.Reply number = api.get("/v1/problems?lang=en-3171234567890123");
        assertEquals(400, number.status(), number.body());
        assertFalse(number.body().contains("3171234567890123"), number.body());
        assertEquals(400, api.get("/v1/problems?lang=en-").status());
        assertEquals(200, api.get("/healthz?lang=xx").status(), "only the API's paths check it");
    }

    /** JSON lines in order; a bad line gets the same record as `pajakdx batch` gives it. */
    @Test
    void batch_keepsOrder_andABadLineGetsTheCliErrorRecord(@TempDir Path dir) throws IOException {
        List<Case> cases = FactsJson.cases();
        StringBuilder in = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            in.append(FactsJson.json(cases.get(i))).append('\n');
            ids.add(cases.get(i).id());
            if (i == 10) {
                in.append("{\"problem\": \"upload-fails\", \"findings\": {\"efaktur.username\": \"73918462594736\"}}\n");
                ids.add("error");
                in.append("not json\n\n");
                ids.add("error");
            }
        }
        Running.Reply r = api.post("/v1/batch", in.toString());
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/x-ndjson"), r.contentType());
        List<JsonNode> lines = r.lines();
        assertEquals(ids.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertValid("BatchLine", line);
            assertEquals(ids.get(i), line.has("error") ? "error" : line.get("caseId").asText(), "line " + (i + 1));
            if (!line.has("error")) {
                assertFalse(line.has("notConcluded") || line.get("causes").toString().contains("\"whyNot\""));
            }
        }
        Path file = Files.writeString(dir.resolve("cases.jsonl"), in.toString());
        StringWriter out = new StringWriter();
        Main.run(new String[] {"batch", "--rules", TestRules.rulesDir().toString(), file.toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        List<String> cliErrors = out.toString().lines().filter(l -> l.startsWith("{\"line\""))
                .map(l -> l.replace(file.toString(), "request")).toList();
        List<String> serviceErrors = r.body().lines().filter(l -> l.startsWith("{\"line\"")).toList();
        assertEquals(2, serviceErrors.size());
        assertEquals(cliErrors, serviceErrors);

        List<JsonNode> full = api.post("/v1/batch?whyNot=true", in.toString()).lines();
        assertTrue(full.stream().anyMatch(l -> l.has("notConcluded") && l.get("notConcluded").size() > 0));
    }

    @Test
    void batchPastItsLineLimit_endsWithAnErrorForTheFirstLineNotRead() {
        try (Running small = new Running(LiveRuleBase.of(TestRules::rules), ServiceConfig.defaults().withMaxBatchLines(3))) {
            String line = "{\"as_of\": \"2025-02-03\", \"problem\": \"impersonate-fails\"}\n";
            List<JsonNode> lines = small.post("/v1/batch", line.repeat(5)).lines();
            assertEquals(4, lines.size());
            assertEquals(4, lines.get(3).get("line").asInt());
            assertTrue(lines.get(3).get("error").get(0).asText().contains("at most 3 lines"), lines.get(3).toString());
            assertEquals(3, small.post("/v1/batch", line.repeat(3) + "\n\n").lines().size(), "exactly the limit");
        }
    }

    /** NPWP and NIK never reach the log whole, whatever the client sends where. */
    @Test
    void theLog_masksIdentifiers_inPathsAndBodies() {
        api.get("/v1/consultations/739184625947361");
        api.post("/v1/diagnose", caseJson("\"efaktur.username\": \"3174051234567890\""));
        api.get("/v1/nope/01.234.567.8-901.234");
        String log = api.log();
        assertTrue(log.contains("POST /v1/diagnose"), log);
        Matcher m = Pattern.compile("\\d{12,}|\\d{2}\\.\\d{3}\\.\\d{3}\\.\\d").matcher(log);
        assertFalse(m.find(), "unmasked identifier in the log: " + (m.find(0) ? m.group() : ""));
    }

    /** The Python client of docs/SERVICE.md prints what the guide says it prints. */
    @Test
    void thePythonClientOfTheGuide_printsWhatTheGuideShows(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(hasPython(), "python3 is not installed");
        List<pajakdx.docs.DocBlocks.Block> blocks = pajakdx.docs.DocBlocks.of("SERVICE.md");
        String client = blocks.stream().filter(b -> b.info().equals("python client")).findFirst().orElseThrow().body();
        String expected = blocks.stream().filter(b -> "client".equals(b.attr("output-of"))).findFirst().orElseThrow()
                .body();
        Path script = Files.writeString(dir.resolve("client.py"), client);
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true);
        String base = api.base.toString();
        pb.environment().put("PAJAKDX_URL", base.substring(0, base.length() - 1));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(expected, out);
    }

    private static boolean hasPython() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aCaseWithoutAsOf_isDiagnosedAsOfToday() {
        JsonNode d = api.post("/v1/diagnose", "{\"problem\": \"impersonate-fails\"}").json();
        assertTrue(d.get("asOfAssumed").asBoolean());
        assertEquals(TestRules.rules().diagnose(Case.builder("x").problem("impersonate-fails").build(),
                DiagnoseOptions.DEFAULT).asOf(), d.get("asOf").asText());
    }
}
