package pajakdx;

import pajakdx.knowledge.RuleFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * Review finding: a set that failed to compile apart for want of memory was warned about in
     * English just before the command's own out-of-memory message; any other failure still is.
     */
    @Test
    void aSetThatCannotBeCompiledApart_isWarnedAbout_unlessMemoryRanOut() {
        assertTrue(Partitions.warns(new IllegalStateException("Unable to compile")));
        assertTrue(Partitions.warns(new StackOverflowError()));
        assertFalse(Partitions.warns(new OutOfMemoryError("Java heap space")));
        assertFalse(Partitions.warns(new RuntimeException("wrapped by Drools", new OutOfMemoryError())));
    }

    @Test
    void everyGoldenCase_diagnosedOnItsPartition_isTheWholeRuleBasesDiagnosis() throws IOException {
        RuleBase whole = TestRules.rules();
        RuleBase parted = whole.withPartitionSightings(1);
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
    void aRuleBaseLoadedFromTheCache_partitionsFromTheModelItRead_andKeepsThemForTheNextStart(
            @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        pajakdx.engine.RuleCache cache = pajakdx.engine.RuleCache.at(dir);
        RuleBase.load(RuleFolder.of(TestRules.rulesDir()), cache);
        RuleBase cached = RuleBase.load(RuleFolder.of(TestRules.rulesDir()), cache).withPartitionSightings(1);
        assertEquals(1, cache.hits(), "the second load came from the cache");
        Map<String, Finding> findings = Map.of("problem", Finding.of("problem", FindingType.CHOICE, "impersonate-fails"));
        cached.compiledFor(findings);
        cached.awaitPartitions();
        CompiledRules part = cached.compiledFor(findings);
        assertNotSame(cached.compiled(), part);
        List<Path> shelved;
        try (Stream<Path> list = Files.list(dir)) {
            shelved = list.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
        assertEquals(1, shelved.size(), "the partition is kept beside its entry: " + shelved);

        // The next start loads it at the first case (no second sighting needed), and it answers alike.
        RuleBase next = RuleBase.load(RuleFolder.of(TestRules.rulesDir()), cache);
        next.compiledFor(findings);
        next.awaitPartitions();
        CompiledRules loaded = next.compiledFor(findings);
        assertNotSame(next.compiled(), loaded, "loaded from the cache after one case");
        assertEquals(part.canonicalDrl(), loaded.canonicalDrl());
        Case c = Case.read(TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml"));
        assertEquals(TestRules.rules().diagnose(c).toJson(), next.diagnose(c).toJson());

        // A damaged partition file is dropped and the partition compiled again.
        Files.writeString(shelved.get(0), "not a partition");
        RuleBase again = RuleBase.load(RuleFolder.of(TestRules.rulesDir()), cache);
        again.compiledFor(findings);
        again.compiledFor(findings); // a second case: the file is gone, so the set is compiled
        again.awaitPartitions();
        assertNotSame(again.compiled(), again.compiledFor(findings), "compiled again when the file is damaged");
        assertEquals(TestRules.rules().diagnose(c).toJson(), again.diagnose(c).toJson());
    }

    @Test
    void aSet_isCompiledInTheBackgroundAtItsSecondCase_andTheWholeRuleBaseAnswersUntilItIsReady() throws IOException {
        RuleBase whole = TestRules.rules();
        Case c = Case.read(TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml"));
        Map<String, Finding> findings = new FactCollector(whole.catalog(), DiagnoseOptions.DEFAULT.clock())
                .collect(c.input()).findings();
        Partitions partitions = new Partitions(whole.compiled(), whole.rules(), Partitions.SIGHTINGS);
        assertSame(whole.compiled(), partitions.choose(findings, whole.compiled()));
        partitions.awaitCompiled();
        assertSame(whole.compiled(), partitions.choose(findings, whole.compiled()),
                "one case: nothing is compiled (this call is the second case)");
        partitions.awaitCompiled();
        CompiledRules part = partitions.choose(findings, whole.compiled());
        assertNotSame(whole.compiled(), part, "once compiled, the partition answers");
        assertSame(part, partitions.choose(findings, whole.compiled()), "compiled once");
        long kept = part.files().stream().mapToLong(f -> f.rules().size()).sum();
        long all = whole.compiled().files().stream().mapToLong(f -> f.rules().size()).sum();
        assertTrue(kept > 0 && kept < all / 4, kept + " of " + all);

        RuleBase rules = whole.withPartitionSightings(Partitions.SIGHTINGS);
        assertEquals(whole.diagnose(c).toJson(), rules.diagnose(c).toJson());
        RuleBase atOnce = whole.withPartitionSightings(1);
        assertSame(whole.compiled(), atOnce.compiledFor(Map.of()), "nothing known: every rule may fire");
        assertSame(whole.compiled(), atOnce.compiledFor(Map.of("problem", Finding.unknown("problem", FindingType.CHOICE))));
    }

    @Test
    void aColdStart_loadsAStoredPartitionOnTheDiagnosingThread_andNeverWaitsForTheWholeNetwork(
            @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        pajakdx.engine.RuleCache cache = pajakdx.engine.RuleCache.at(dir);
        RuleBase first = RuleBase.load(RuleFolder.of(TestRules.rulesDir()), cache).withPartitionSightings(1);
        Map<String, Finding> stored = Map.of("problem", Finding.of("problem", FindingType.CHOICE, "impersonate-fails"));
        first.compiledFor(stored);
        first.awaitPartitions();

        RuleBase cached = RuleBase.load(RuleFolder.of(TestRules.rulesDir()), cache);
        CompiledRules loading = cached.compiled().stillLoading();
        Partitions partitions = new Partitions(loading, cached.rules(), Partitions.SIGHTINGS);
        CompiledRules part = partitions.choose(stored, loading);
        assertNotSame(loading, part, "the stored partition answers at the first case");
        assertEquals(first.compiledFor(stored).canonicalDrl(), part.canonicalDrl());
        assertSame(part, partitions.choose(stored, loading), "loaded once");

        Map<String, Finding> notStored = Map.of("problem", Finding.of("problem", FindingType.CHOICE, "reset-email-missing"));
        assertSame(loading, partitions.choose(notStored, loading),
                "a set the cache does not hold is answered by the whole network once it is loaded");
    }
}
