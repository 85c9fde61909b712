package pajakdx.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import pajakdx.Case;
import pajakdx.Diagnosis;
import pajakdx.TestRules;
import pajakdx.verify.ExpectationCheck;

/** Every case in facts/ is a golden test: its diagnosis must match its expect block. */
class GoldenCasesTest {

    static List<Path> caseFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(TestRules.factsDir())) {
            return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesItsExpectation() throws IOException {
        return caseFiles().stream().map(file -> DynamicTest.dynamicTest(
                TestRules.factsDir().relativize(file).toString(), () -> {
                    Case c = Case.read(file);
                    assertNotNull(c.expect(), file + " has no expect block");
                    Diagnosis d = TestRules.rules().diagnose(c);
                    List<String> problems = ExpectationCheck.mismatches(c.expect(), d);
                    assertTrue(problems.isEmpty(), file + ":\n  " + String.join("\n  ", problems));
                }));
    }

    @Test
    void factsFolderHoldsCases() throws IOException {
        assertFalse(caseFiles().isEmpty());
    }
}
