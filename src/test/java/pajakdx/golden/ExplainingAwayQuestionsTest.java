package pajakdx.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pajakdx.Case;
import pajakdx.DiagnoseOptions;
import pajakdx.Diagnosis;
import pajakdx.TestRules;

/**
 * Explaining away asks fewer questions: for every golden case with a confirmed cause, the
 * questions still offered are counted with explaining away off (every suspected cause keeps its
 * questions, as before) and on. The sum over all cases drops, and no case is asked more. The
 * counts are written to target/explaining-away-questions.txt for the closing note.
 */
class ExplainingAwayQuestionsTest {

    record Count(String file, int before, int after) {
    }

    @Test
    void onceACauseIsConfirmed_fewerQuestionsInSum_andNeverMoreInAnyCase() throws IOException {
        List<Count> counts = new ArrayList<>();
        for (Path file : GoldenCasesTest.caseFiles()) {
            Case c = Case.read(file);
            Diagnosis after = TestRules.rules().diagnose(c, DiagnoseOptions.DEFAULT.withExplain(false));
            Diagnosis before = TestRules.rules().diagnose(c,
                    DiagnoseOptions.DEFAULT.withExplain(false).withExplainAway(false));
            boolean confirmed = before.causes().stream().anyMatch(k -> k.status().equals("confirmed"));
            if (confirmed) {
                counts.add(new Count(TestRules.factsDir().relativize(file).toString(), before.questions().size(),
                        after.questions().size()));
            }
        }
        int sumBefore = counts.stream().mapToInt(Count::before).sum();
        int sumAfter = counts.stream().mapToInt(Count::after).sum();
        List<String> risen = counts.stream().filter(k -> k.after() > k.before())
                .map(k -> k.file() + ": " + k.before() + " -> " + k.after()).toList();
        StringBuilder report = new StringBuilder("# questions offered once a cause is confirmed: explaining away off -> on\n");
        report.append(String.format("cases with a confirmed cause: %d; sum %d -> %d; cases with fewer: %d%n",
                counts.size(), sumBefore, sumAfter, counts.stream().filter(k -> k.after() < k.before()).count()));
        counts.stream().filter(k -> k.after() != k.before())
                .forEach(k -> report.append(k.file()).append(": ").append(k.before()).append(" -> ")
                        .append(k.after()).append('\n'));
        Files.createDirectories(TestRules.projectRoot().resolve("target"));
        Files.writeString(TestRules.projectRoot().resolve("target/explaining-away-questions.txt"), report);
        assertTrue(risen.isEmpty(), "cases asked more with explaining away:\n" + String.join("\n", risen));
        assertTrue(sumAfter < sumBefore, "explaining away should drop questions: " + sumBefore + " -> " + sumAfter);
    }
}
