package pajakdx.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * (c) the limit: the impersonate cases through PajakDx (full rule base, explanations off and
 * on) against the same topic written by hand in Java ({@link HandWrittenImpersonate}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ImpersonateBench {
    RuleBase rules;
    List<Case> cases;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        rules = RuleBase.load(BenchData.rulesDir());
        cases = BenchData.typicalCases().stream()
                .filter(c -> "impersonate-fails".equals(c.answers().get("problem"))).toList();
        if (cases.isEmpty()) {
            throw new IllegalStateException("no impersonate cases in facts/");
        }
        for (Case c : cases) {
            Diagnosis d = rules.diagnose(c, BenchData.OPTIONS);
            Map<String, String> statuses = new LinkedHashMap<>();
            d.causes().forEach(k -> statuses.put(k.id(), k.status()));
            HandWrittenImpersonate.Result hand = HandWrittenImpersonate.diagnose(c.answers());
            List<String> remedies = d.remedies().stream().map(Diagnosis.RemedyStep::id).toList();
            if (!hand.causes().equals(statuses) || !hand.remedies().equals(remedies)) {
                throw new IllegalStateException("the hand-written version disagrees on " + c.id() + ": " + hand
                        + " vs " + statuses + " " + remedies);
            }
        }
    }

    private Case nextCase() {
        Case c = cases.get(next);
        next = next + 1 == cases.size() ? 0 : next + 1;
        return c;
    }

    @Benchmark
    public Diagnosis pajakdxExplained() {
        return rules.diagnose(nextCase(), BenchData.OPTIONS);
    }

    @Benchmark
    public Diagnosis pajakdxNoExplain() {
        return rules.diagnose(nextCase(), BenchData.OPTIONS.withExplain(false));
    }

    @Benchmark
    public HandWrittenImpersonate.Result handWritten() {
        return HandWrittenImpersonate.diagnose(nextCase().answers());
    }
}
