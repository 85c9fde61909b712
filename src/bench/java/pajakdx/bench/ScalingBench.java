package pajakdx.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import pajakdx.Case;
import pajakdx.Diagnosis;
import pajakdx.RuleBase;
import pajakdx.engine.RuleCache;
import pajakdx.knowledge.RuleFolder;

/**
 * (f) scaling: rule bases generated at {@code factor} times the size of rules/ (see
 * {@link ScaledRules}). {@code diagnose}: per-case latency of the typical cases, explained;
 * {@code build}: compiling and loading the whole rule base (single shot; see ScalingMemory for
 * the heap it keeps); {@code loadCached}: loading it from the compiled-rule cache instead.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScalingBench {

    /** The generated rules folder. */
    @State(Scope.Benchmark)
    public static class Scaled {
        @Param({"1", "10", "100"})
        int factor;

        Path folder;

        @Setup(Level.Trial)
        public void setUp() {
            folder = ScaledRules.generate(BenchData.rulesDir(), factor, Path.of(System.getProperty("java.io.tmpdir"),
                    "pajakdx-bench-x" + factor + "-" + ProcessHandle.current().pid()));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws java.io.IOException {
            ScaledRules.deleteTree(folder);
        }
    }

    /** The generated rules, loaded, and the typical cases. */
    @State(Scope.Benchmark)
    public static class Loaded {
        RuleBase rules;
        List<Case> cases;

        @Setup(Level.Trial)
        public void setUp(Scaled scaled) {
            rules = RuleBase.load(scaled.folder);
            cases = BenchData.typicalCases();
            BenchData.settle(rules, cases, BenchData.OPTIONS);
        }
    }

    /** A compiled-rule cache holding the generated rules (as the CLI's cache would after one start). */
    @State(Scope.Benchmark)
    public static class Primed {
        RuleCache cache;
        Path dir;

        @Setup(Level.Trial)
        public void setUp(Scaled scaled) throws java.io.IOException {
            dir = java.nio.file.Files.createTempDirectory("pajakdx-bench-cache");
            cache = RuleCache.at(dir);
            pajakdx.internal.RuleBases.load(RuleBase.class, RuleFolder.of(scaled.folder), cache);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws java.io.IOException {
            ScaledRules.deleteTree(dir);
        }
    }

    /** The generated rules compiled by Drools alone, and the typical cases' facts (the floor at each scale). */
    @State(Scope.Benchmark)
    public static class Bare {
        org.kie.api.KieBase kieBase;
        List<pajakdx.collect.CollectedFacts> facts;

        @Setup(Level.Trial)
        public void setUp(Scaled scaled) throws java.io.IOException {
            kieBase = DiagnoseBench.compileBare(scaled.folder);
            facts = DiagnoseBench.typicalFacts();
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public Diagnosis diagnose(Loaded s, Cursor cursor) {
        Case c = s.cases.get(cursor.next);
        cursor.next = cursor.next + 1 == s.cases.size() ? 0 : cursor.next + 1;
        return s.rules.diagnose(c, BenchData.OPTIONS);
    }

    /** The floor at this scale: the same generated rules and the same facts through bare Drools. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public long bareDrools(Bare s, Cursor cursor) {
        pajakdx.collect.CollectedFacts f = s.facts.get(cursor.next);
        cursor.next = cursor.next + 1 == s.facts.size() ? 0 : cursor.next + 1;
        return DiagnoseBench.fireBare(s.kieBase, f);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RuleBase build(Scaled s) {
        return RuleBase.load(s.folder);
    }

    /** The same rule base loaded from the compiled-rule cache (what a second CLI start does). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RuleBase loadCached(Scaled s, Primed p) {
        RuleBase rules = pajakdx.internal.RuleBases.load(RuleBase.class, RuleFolder.of(s.folder), p.cache);
        if (p.cache.hits() == 0) {
            throw new IllegalStateException("the cache was not used");
        }
        return rules;
    }
}
