package pajakdx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pajakdx.TestRules;
import pajakdx.base.Problem;
import pajakdx.knowledge.Condition;
import pajakdx.knowledge.FactType;
import pajakdx.knowledge.Location;
import pajakdx.knowledge.Rule;
import pajakdx.knowledge.RuleFile;

/**
 * A compile error that the checks of the model let through is reported against the file that
 * caused it, once, and not again against every file compiled after it (before, Drools' errors
 * stayed in the builder and each later file was reported with them: 17 to 51 errors against
 * innocent files). The broken models are built directly, since the reader refuses them now.
 */
class CompileErrorPlaceTest {
    private static final String BAD = "coretax/a-broken.drl";

    private static RuleFile bundled(String file) throws IOException {
        DrlReader.Result r = DrlReader.read(file, Files.readAllBytes(TestRules.rulesDir().resolve(file)));
        assertEquals(List.of(), r.problems(), file);
        return r.file();
    }

    /** A copy of {@code good}'s first rule, moved to {@link #BAD}, with {@code condition} instead of its own. */
    private static Rule broken(RuleFile good, Condition condition) {
        Rule r = good.rules().get(0);
        return new Rule("Broken copy", r.topic(), new Location(BAD, 3), r.relations(), r.sources(), r.metadata(),
                r.conclusions(), condition, null, r.metadataAt());
    }

    private static List<RuleFile> folder(RuleFile broken) throws IOException {
        List<RuleFile> files = new ArrayList<>();
        files.add(broken);
        // after it: a file of the same package, then files of another one
        files.add(bundled("coretax/impersonate.drl"));
        files.add(bundled("efaktur/catalog-connection.drl"));
        files.add(bundled("efaktur/upload.drl"));
        return files;
    }

    @Test
    void aRuleDroolsRefuses_isReportedOnce_atItsOwnFile() throws IOException {
        RuleFile good = bundled("coretax/impersonate.drl");
        Location at = new Location(BAD, 5, 5);
        Condition twice = new Condition.All(List.of(new Condition.Pattern(FactType.AS_OF, "$a", List.of(), at),
                new Condition.Pattern(FactType.AS_OF, "$a", List.of(), at)));
        RuleFile broken = new RuleFile(BAD, "rules.coretax", List.of(broken(good, twice)));

        List<Problem> problems = RuleCompiler.compile(folder(broken)).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(BAD, problems.get(0).file());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("'$a'"), problems.toString());
    }

    @Test
    void aFileThatBreaksDroolsBuilder_doesNotFailTheFilesAfterIt() throws IOException {
        RuleFile good = bundled("coretax/impersonate.drl");
        // Drools cannot define classes in java.lang; its builder then failed every later package.
        RuleFile broken = new RuleFile(BAD, "java.lang", List.of(broken(good, good.rules().get(0).condition())));

        List<Problem> problems = RuleCompiler.compile(folder(broken)).problems();
        assertFalse(problems.isEmpty());
        assertEquals(List.of(), problems.stream().filter(p -> !p.file().equals(BAD)).toList());
    }
}
