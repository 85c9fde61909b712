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
import pajakdx.Diagnosis;
import pajakdx.RuleBase;

/**
 * Writing the Diagnosis JSON alone ({@link Diagnosis#toJson()}, as {@code batch}, {@code diagnose
 * --json} and the service write it): the explained diagnoses of the 542 golden cases, without WHY
 * NOT, one per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class JsonBench {
    private List<Diagnosis> diagnoses;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        RuleBase rules = RuleBase.load(BenchData.rulesDir());
        diagnoses = new ArrayList<>();
        for (Case c : BenchData.typicalCases()) {
            diagnoses.add(rules.diagnose(c, BenchData.OPTIONS).withoutWhyNot());
        }
    }

    @Benchmark
    public int write() {
        Diagnosis d = diagnoses.get(next);
        next = next + 1 == diagnoses.size() ? 0 : next + 1;
        return d.toJson().length();
    }
}
