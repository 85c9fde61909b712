package pajakdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pajakdx.base.Text;
import pajakdx.json.Json;
import pajakdx.json.Omitted;

/**
 * The Diagnosis JSON written by hand (DiagnosisJson) is, byte for byte, what Jackson's reflective
 * serialiser writes from the records with PajakDx's mapper: on every golden case, with WHY NOT,
 * without it (left out), without explanations, identifiers revealed, and nested in another object
 * as the service does. A mapper of an embedding program is left alone: it still serialises a
 * Diagnosis by reflection, with its own settings.
 */
class DiagnosisJsonTest {
    private static final ObjectMapper REFLECTIVE = Json.mapper();

    @Test
    void onEveryGoldenCase_theWrittenJson_isTheReflectiveOne() throws Exception {
        RuleBase rules = TestRules.rules();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TestRules.factsDir())) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList();
        }
        int compared = 0;
        boolean sawNull = false;
        for (Path file : files) {
            Case c = Case.read(file);
            for (DiagnoseOptions options : List.of(DiagnoseOptions.DEFAULT, DiagnoseOptions.DEFAULT.withExplain(false),
                    DiagnoseOptions.DEFAULT.withReveal(true))) {
                Diagnosis d = rules.diagnose(c, options);
                for (Diagnosis variant : List.of(d, d.withoutWhyNot())) {
                    String written = variant.toJson();
                    assertEquals(REFLECTIVE.writeValueAsString(variant), written, file.toString());
                    // Nested, as the service answers (by reflection): the same bytes inside.
                    assertEquals("{\"diagnosis\":" + written + "}", Json.write(Map.of("diagnosis", variant)),
                            file.toString());
                    sawNull |= written.contains(":null");
                    compared++;
                }
            }
        }
        assertTrue(files.size() > 500, "cases: " + files.size());
        assertEquals(files.size() * 6, compared);
        assertTrue(sawNull, "some diagnosis has a null field (a cause without detail, a condition without fact)");
    }

    @Test
    void anEmbeddersOwnMapper_keepsItsSettings() throws Exception {
        Diagnosis d = TestRules.rules().diagnose(Case.read(TestRules.factsDir().resolve(
                "coretax/impersonate-badan-never-logged-in.yaml")));
        ObjectMapper snake = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        assertTrue(snake.writeValueAsString(d).contains("\"as_of_assumed\":"), "its naming applies");
        ObjectMapper typed = new ObjectMapper().activateDefaultTyping(LaissezFaireSubTypeValidator.instance,
                ObjectMapper.DefaultTyping.NON_FINAL, com.fasterxml.jackson.annotation.JsonTypeInfo.As.PROPERTY);
        assertTrue(typed.writeValueAsString(Map.<String, Object>of("cached", d)).contains("\"@class\":\"pajakdx.Diagnosis\""),
                "its polymorphic typing works");
    }

    @Test
    void omittedAndNullLists_areWrittenAsBefore() throws Exception {
        Diagnosis.CauseResult cause = new Diagnosis.CauseResult("c", "cause", "suspected", 1, List.of("R-1"),
                List.of(), new Text("sebab \"kutip\"", "cause\n"), null, List.of(), Omitted.list(), null);
        Diagnosis d = new Diagnosis(Diagnosis.SCHEMA_VERSION, "id", null, "2025-01-01", true, List.of(cause),
                Omitted.list(), java.util.Arrays.asList((Diagnosis.RemedyStep) null), List.of(), List.of(), List.of());
        assertEquals(REFLECTIVE.writeValueAsString(d), d.toJson());
        assertTrue(!d.toJson().contains("notConcluded") && !d.toJson().contains("whyNot"), d.toJson());
    }
}
