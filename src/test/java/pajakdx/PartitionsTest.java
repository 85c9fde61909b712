package pajakdx;

import pajakdx.knowledge.RuleFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pajakdx.engine.CompiledRules;
import pajakdx.collect.FactCollector;
import pajakdx.facts.Finding;
import pajakdx.facts.FindingType;

/**
 * A problem's own rules compiled apart give the very diagnosis the whole rule base gives, for
 * every case in facts/, explained (HOW, WHY NOT, trace and its order included).
 */
class PartitionsTest {

    @Test
    void everyGoldenCase_diagnosedOnItsPartition_isTheWholeRuleBasesDiagnosis() throws IOException {
        RuleBase whole = TestRules.rules();
        RuleBase parted = whole.withPartitionBudget(0);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TestRules.factsDir())) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            parted.diagnose(Case.read(file), DiagnoseOptions.DEFAULT.withExplain(false)); // makes every set due
        }
        parted.awaitPartitions();
        int onPartition = 0;
        for (Path file : files) {
            Case c = Case.read(file);
            for (DiagnoseOptions options : List.of(DiagnoseOptions.DEFAULT, DiagnoseOptions.DEFAULT.withExplain(false))) {
                assertEquals(whole.diagnose(c, options).toJson(), parted.diagnose(c, options).toJson(),
                        file + " explain=" + options.explain());
            }
            Map<String, Finding> findings = new FactCollector(whole.catalog(), DiagnoseOptions.DEFAULT.clock())
                    .collect(c.input()).findings();
            if (parted.compiledFor(findings) != whole.compiled()) {
                onPartition++;
            }
        }
        assertTrue(files.size() > 100, "cases: " + files.size());
        assertTrue(onPartition > files.size() * 95 / 100, "diagnosed on a partition: " + onPartition + " of " + files.size());
    }

    @Test
    void aRuleBaseLoadedFromTheCache_partitionsFromTheModelItRead(@org.junit.jupiter.api.io.TempDir Path dir) {
        pajakdx.engine.RuleCache cache = pajakdx.engine.RuleCache.at(dir);
        RuleBase.load(RuleFolder.of(TestRules.rulesDir()), cache);
        RuleBase cached = RuleBase.load(RuleFolder.of(TestRules.rulesDir()), cache).withPartitionBudget(0);
        assertEquals(1, cache.hits(), "the second load came from the cache");
        Map<String, Finding> findings = Map.of("problem", Finding.of("problem", FindingType.CHOICE, "impersonate-fails"));
        cached.compiledFor(findings);
        cached.awaitPartitions();
        assertNotSame(cached.compiled(), cached.compiledFor(findings));
    }

    @Test
    void aDueSet_isCompiledInTheBackground_andTheWholeRuleBaseAnswersUntilItIsReady() throws IOException {
        RuleBase whole = TestRules.rules();
        RuleBase rules = whole.withPartitionBudget(1);
        Case c = Case.read(TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml"));
        Map<String, Finding> findings = new FactCollector(whole.catalog(), DiagnoseOptions.DEFAULT.clock())
                .collect(c.input()).findings();
        Partitions partitions = new Partitions(whole.compiled(), whole.rules(), 1);
        Partitions.Choice first = partitions.choose(findings, whole.compiled());
        assertSame(whole.compiled(), first.base());
        long budget = Partitions.COMPILE_NANOS_FIXED + Partitions.COMPILE_NANOS_PER_RULE * first.key().cardinality();
        partitions.spent(first, budget - 1);
        partitions.awaitCompiled();
        assertSame(whole.compiled(), partitions.choose(findings, whole.compiled()).base(),
                "short of the budget: nothing is compiled");
        partitions.spent(first, 1);
        Partitions.Choice due = partitions.choose(findings, whole.compiled());
        assertSame(whole.compiled(), due.base(), "the call that makes a set due does not wait for its compile");
        partitions.awaitCompiled();
        CompiledRules part = partitions.choose(findings, whole.compiled()).base();
        assertNotSame(whole.compiled(), part, "once compiled, the partition answers");
        assertSame(part, partitions.choose(findings, whole.compiled()).base(), "compiled once");
        long kept = part.files().stream().mapToLong(f -> f.rules().size()).sum();
        long all = whole.compiled().files().stream().mapToLong(f -> f.rules().size()).sum();
        assertTrue(kept > 0 && kept < all / 4, kept + " of " + all);
        assertEquals(whole.diagnose(c).toJson(), rules.diagnose(c).toJson());
        RuleBase atOnce = whole.withPartitionBudget(0);
        assertSame(whole.compiled(), atOnce.compiledFor(Map.of()), "nothing known: every rule may fire");
        assertSame(whole.compiled(), atOnce.compiledFor(Map.of("problem", Finding.unknown("problem", FindingType.CHOICE))));
    }
}
