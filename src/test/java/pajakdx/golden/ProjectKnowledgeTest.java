package pajakdx.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pajakdx.base.Problem;
import pajakdx.TestRules;
import pajakdx.engine.CheckReport;
import pajakdx.engine.Checker;
import pajakdx.knowledge.RuleFolder;
import pajakdx.report.KnowledgeTable;
import pajakdx.report.TestReport;
import pajakdx.verify.CaseResult;
import pajakdx.verify.CaseRunner;
import pajakdx.verify.Coverage;

/**
 * The Maven build runs what an analyst runs: {@code pajakdx check} over rules/ and
 * {@code pajakdx test} over facts/, with the same classes, and keeps docs/KNOWLEDGE.md current.
 */
class ProjectKnowledgeTest {

    private static List<CaseResult> results;

    private static synchronized List<CaseResult> results() {
        if (results == null) {
            results = CaseRunner.run(TestRules.rules(), TestRules.factsDir());
        }
        return results;
    }

    @Test
    void checkOverRules_findsNothing() {
        CheckReport r = Checker.check(RuleFolder.of(TestRules.rulesDir()));
        assertEquals(List.of(), r.errors().stream().map(Problem::toString).toList(),
                "run ./pajakdx check --rules rules");
        assertEquals(List.of(), r.warnings().stream().map(Problem::toString).toList(),
                "run ./pajakdx check --rules rules");
    }

    @Test
    void testOverFacts_everyCasePasses() {
        StringBuilder failures = new StringBuilder();
        results().stream().filter(r -> !r.passed()).forEach(r -> failures.append(TestReport.caseLines(r)));
        assertTrue(failures.isEmpty(), "run ./pajakdx test --rules rules --facts facts\n" + failures);
        assertTrue(results().size() > 0);
    }

    @Test
    void knowledgeDocIsCurrent() throws IOException {
        Path doc = TestRules.projectRoot().resolve("docs/KNOWLEDGE.md");
        String expected = KnowledgeTable.markdown(TestRules.rules(), Coverage.of(TestRules.rules(), results()),
                results().size(), KnowledgeTable.DOC_LANG);
        String actual = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "(missing)";
        assertTrue(expected.equals(actual), "docs/KNOWLEDGE.md is out of date with rules/ and facts/; regenerate it"
                + " with: " + KnowledgeTable.COMMAND);
    }

    /** The doc is written in the language its command asks for, the one the test above compares it in. */
    @Test
    void knowledgeDocCommand_asksForTheDocLanguage() {
        assertTrue(KnowledgeTable.COMMAND.contains(" --lang " + KnowledgeTable.DOC_LANG.code() + " "),
                KnowledgeTable.COMMAND);
    }

    /** Issue 4: every relation of the map has a rule and a case that concludes it. */
    @Test
    void everyRelationHasARuleAndAConcludingCase() {
        Coverage c = Coverage.of(TestRules.rules(), results());
        List<String> missing = c.relations().stream().filter(u -> !u.covered())
                .map(u -> u.relation().id() + (u.rules().isEmpty() ? ": no rule" : ": no case concludes it")).toList();
        assertEquals(List.of(), missing, "see ./pajakdx test --rules rules --facts facts");
    }

    /** Issue 4: every relation of kind cause is also ruled out by a contrary finding in some case. */
    @Test
    void everyCauseRelationIsRuledOutInSomeCase() {
        Coverage c = Coverage.of(TestRules.rules(), results());
        List<String> missing = c.relations().stream()
                .filter(u -> u.relation().kind() == pajakdx.knowledge.Kind.CAUSE && !u.ruledOut())
                .map(u -> u.relation().id()).toList();
        assertEquals(List.of(), missing, "cause relations that no case rules out");
    }
}
