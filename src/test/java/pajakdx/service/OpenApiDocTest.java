package pajakdx.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import pajakdx.Case;
import pajakdx.TestRules;

/** docs/openapi.yaml embeds the published schemas as they are, and its schemas accept and refuse what they should. */
class OpenApiDocTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void embeddedSchemas_equalTheSchemaFilesBesideIt() throws IOException {
        JsonNode schemas = OpenApi.get().doc().get("components").get("schemas");
        for (String[] pair : new String[][] {{"Diagnosis", "diagnosis.schema.json"}, {"Case", "case.schema.json"}}) {
            JsonNode file = JSON.readTree(Files.readString(TestRules.projectRoot().resolve("docs").resolve(pair[1])));
            assertEquals(file, schemas.get(pair[0]), "components.schemas." + pair[0] + " of docs/openapi.yaml must be"
                    + " docs/" + pair[1] + " as it is (paste the JSON: JSON is YAML)");
        }
    }

    @Test
    void isOpenApi31_withAnOperationIdOnEveryOperation() {
        JsonNode doc = OpenApi.get().doc();
        assertEquals("3.1.0", doc.get("openapi").asText());
        for (JsonNode item : (Iterable<JsonNode>) doc.get("paths")::elements) {
            for (String method : List.of("get", "post", "put", "delete")) {
                if (item.has(method)) {
                    assertTrue(item.get(method).hasNonNull("operationId"), item.toString());
                }
            }
        }
    }

    @Test
    void diagnosisSchema_acceptsTheLibrarysOutput_andRefusesAnUnknownStatus() throws IOException {
        Case c = Case.builder("t").asOf("2025-02-03").problem("impersonate-fails").answer("badan.last-login-shown", "no")
                .build();
        JsonNode d = JSON.readTree(TestRules.rules().diagnose(c).toJson());
        assertEquals(List.of(), OpenApi.get().errors("Diagnosis", d));
        ObjectNode bad = d.deepCopy();
        ((ObjectNode) bad.get("causes").get(0)).put("status", "probable");
        assertFalse(OpenApi.get().errors("Diagnosis", bad).isEmpty());
    }

    @Test
    void references_intoTheEmbeddedDiagnosisSchema_resolve() throws IOException {
        JsonNode how = JSON.readTree("""
                {"causes": [{"id": "x", "kind": "cause", "relations": [], "status": null, "text": {"id": "a", "en": "b"},
                 "how": [{"rule": "r", "file": "f.drl:1", "relations": [], "sources": [], "facts": []}], "sources": []}]}""");
        assertEquals(List.of(), OpenApi.get().errors("HowList", how));
        ((ObjectNode) how.get("causes").get(0).get("how").get(0)).remove("facts");
        assertFalse(OpenApi.get().errors("HowList", how).isEmpty(), "a support without facts");
    }

    @Test
    void problemSchema_needsTheProblemsArray() throws IOException {
        JsonNode p = JSON.readTree("""
                {"type": "https://pajakdx.example/errors/not-found", "title": "t", "status": 404, "detail": "d",
                 "instance": "/x", "problems": []}""");
        assertEquals(List.of(), OpenApi.get().errors("Problem", p));
        ((ObjectNode) p).remove("problems");
        assertFalse(OpenApi.get().errors("Problem", p).isEmpty());
    }
}
