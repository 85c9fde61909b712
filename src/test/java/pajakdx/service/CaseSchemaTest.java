package pajakdx.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pajakdx.Case;
import pajakdx.TestRules;

/** docs/case.schema.json describes the case files PajakDx reads, and what it accepts is what PajakDx accepts. */
class CaseSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> errors(JsonNode node) {
        return OpenApi.get().errors("Case", node);
    }

    @Test
    void everyCaseFileOfFacts_fitsTheSchema() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TestRules.factsDir())) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 100, "facts/ read");
        for (Path f : files) {
            assertEquals(List.of(), errors(OpenApi.parseYaml(Files.readString(f))), f.toString());
        }
    }

    @Test
    void aCaseTheSchemaAccepts_PajakDxReads() throws IOException {
        String text = """
                {"id": "t-1", "title": "x", "as_of": "2025-02-03T10:15 WIB", "problem": "upload-fails",
                 "findings": {"sertel.passphrase-remembered": true, "efaktur.username": null},
                 "errors": "ETAX-40005", "note": "n", "expect": {"confirmed": "UPL-1", "first_remedy": "r"}}""";
        assertEquals(List.of(), errors(JSON.readTree(text)));
        Case c = assertDoesNotThrow(() -> Case.parseJson("t", text));
        assertDoesNotThrow(() -> TestRules.rules().diagnose(c));
    }

    @Test
    void theSchemaRefuses_whatPajakDxRefuses() throws IOException {
        for (String bad : List.of(
                "{\"surprise\": 1}",
                "{\"findings\": {\"a\": {\"nested\": 1}}}",
                "{\"findings\": {\"a\": [1, 2]}}",
                "{\"problem\": [[\"a\"]]}",
                "{\"as_of\": \"2025-2\"}",
                "{\"as_of\": \"3 Feb 2025\"}",
                "{\"errors\": [{\"text\": \"x\"}]}",
                "{\"expect\": {\"maybe\": [\"IMP-1\"]}}",
                "[]")) {
            assertFalse(errors(JSON.readTree(bad)).isEmpty(), bad);
            String name = "bad";
            boolean pajakdxRefuses;
            try {
                TestRules.rules().diagnose(Case.parseJson(name, bad));
                pajakdxRefuses = false;
            } catch (pajakdx.base.CaseException e) {
                pajakdxRefuses = true;
            }
            assertTrue(pajakdxRefuses, "PajakDx refuses " + bad);
        }
    }
}
