package pajakdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
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
 * serialiser writes from the records: on every golden case, with WHY NOT, without it (left out),
 * without explanations, identifiers revealed, and nested in another object as the service does.
 */
class DiagnosisJsonTest {
    /** The serialiser Jackson would use without the annotation: reads every record by reflection. */
    @JsonSerialize(using = JsonSerializer.None.class)
    private abstract static class Reflective {
    }

    private static final ObjectMapper REFLECTIVE = Json.mapper().copy().addMixIn(Diagnosis.class, Reflective.class);

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
                    // Nested, as the service answers: the same bytes inside.
                    assertEquals(REFLECTIVE.writeValueAsString(Map.of("diagnosis", variant)),
                            Json.write(Map.of("diagnosis", variant)), file.toString());
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
    void omittedAndNullLists_areWrittenAsBefore() throws Exception {
        Diagnosis.CauseResult cause = new Diagnosis.CauseResult("c", "cause", "suspected", 1, List.of("R-1"),
                List.of(), new Text("sebab \"kutip\"", "cause\n"), null, List.of(), Omitted.list(), null);
        Diagnosis d = new Diagnosis(Diagnosis.SCHEMA_VERSION, "id", null, "2025-01-01", true, List.of(cause),
                Omitted.list(), java.util.Arrays.asList((Diagnosis.RemedyStep) null), List.of(), List.of(), List.of());
        assertEquals(REFLECTIVE.writeValueAsString(d), d.toJson());
        assertTrue(!d.toJson().contains("notConcluded") && !d.toJson().contains("whyNot"), d.toJson());
    }
}
