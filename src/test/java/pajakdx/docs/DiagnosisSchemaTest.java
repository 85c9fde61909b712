package pajakdx.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pajakdx.Case;
import pajakdx.RuleBase;
import pajakdx.TestRules;
import pajakdx.cli.Main;
import pajakdx.json.Json;

/** docs/diagnosis.schema.json describes the JSON PajakDx really writes, and nothing looser. */
class DiagnosisSchemaTest {
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = Files.newInputStream(DocBlocks.doc("diagnosis.schema.json"))) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    private static List<String> errors(JsonNode node) {
        return schema.validate(node).stream().map(Error::toString).toList();
    }

    /** What `pajakdx diagnose --json` prints for the given extra arguments over all of facts/. */
    private static List<JsonNode> cliOutput(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("diagnose", "--json", "--rules", TestRules.rulesDir().toString()));
        args.addAll(List.of(options));
        args.add(TestRules.factsDir().toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err)), err.toString());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(Json.mapper().readTree(line));
        }
        return lines;
    }

    @Test
    void everyFactsCaseOutputMatchesTheSchema_withAndWithoutExplanations() throws IOException {
        for (String[] options : new String[][] {{}, {"--no-explain"}, {"--reveal-identifiers", "--lang", "en"}}) {
            List<JsonNode> lines = cliOutput(options);
            assertTrue(lines.size() >= 10, "all facts/ cases diagnosed");
            for (JsonNode line : lines) {
                assertEquals(List.of(), errors(line), line.get("caseId") + " with " + List.of(options));
            }
        }
    }

    @Test
    void notesFromARecognisedMessage_matchTheSchema() throws IOException {
        RuleBase demo = RuleBase.load(TestRules.projectRoot().resolve("src/test/resources/demo-rules"));
        Case c = Case.builder("with-message").asOf("2025-02-03").problem("demo-upload-fails")
                .error("Error: Connection  TIMED OUT after 30s").build();
        JsonNode node = Json.mapper().readTree(demo.diagnose(c).toJson());
        assertFalse(node.get("notes").isEmpty(), node.toString());
        assertEquals(List.of(), errors(node));
    }

    @Test
    void theSchemaRejectsWhatPajakDxNeverWrites() throws IOException {
        JsonNode good = cliOutput().get(0);
        ObjectNode extra = good.deepCopy();
        extra.put("surprise", 1);
        assertFalse(errors(extra).isEmpty(), "unknown top-level field");
        ObjectNode badStatus = good.deepCopy();
        ((ObjectNode) badStatus.get("causes").get(0)).put("status", "probable");
        assertFalse(errors(badStatus).isEmpty(), "status outside confirmed/suspected/ruled-out");
        ObjectNode oneLanguage = good.deepCopy();
        ((ObjectNode) oneLanguage.get("causes").get(0).get("text")).remove("en");
        assertFalse(errors(oneLanguage).isEmpty(), "a text without English");
        ObjectNode missing = good.deepCopy();
        missing.remove("remedies");
        assertFalse(errors(missing).isEmpty(), "required field missing");
    }
}
