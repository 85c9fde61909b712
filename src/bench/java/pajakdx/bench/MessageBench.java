package pajakdx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import pajakdx.Case;
import pajakdx.RuleBase;
import pajakdx.collect.MessageRecognizer;
import pajakdx.internal.RuleBases;
import pajakdx.knowledge.Catalog;

/**
 * Message recognition alone: every error text of the golden cases (387 texts) recognised against
 * the bundled message table, one text per operation, as the fact-collection layer does it
 * (normalised, prepared, then the indexed table).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class MessageBench {
    private Catalog catalog;
    private List<String> texts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        catalog = RuleBases.of(RuleBase.load(BenchData.rulesDir())).catalog();
        texts = new ArrayList<>();
        for (Case c : BenchData.typicalCases()) {
            texts.addAll(c.errors());
        }
    }

    @Benchmark
    public int recognise() {
        String text = texts.get(next);
        next = next + 1 == texts.size() ? 0 : next + 1;
        return MessageRecognizer.recognise(catalog, text).size();
    }
}
