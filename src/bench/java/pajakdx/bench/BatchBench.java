package pajakdx.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import pajakdx.Case;
import pajakdx.RuleBase;
import pajakdx.batch.BatchRunner;

/**
 * (e) batch throughput: {@value #LINES} JSONL cases (the typical cases in turn) through the
 * batch runner, JSON parsing and writing included, with 1 and 2 worker threads. Scores are
 * cases per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class BatchBench {
    static final int LINES = 4000;

    @Param({"1", "2"})
    int threads;

    /** explained: batch as it runs by default (HOW, trace); why-not: with --why-not; brief: --no-explain. */
    @Param({"explained", "why-not", "brief"})
    String output;

    RuleBase rules;
    String input;

    @Setup(Level.Trial)
    public void setUp() {
        rules = RuleBase.load(BenchData.rulesDir());
        List<Case> cases = BenchData.typicalCases();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            s.append(BenchData.jsonLine(cases.get(i % cases.size()), "case-" + i)).append('\n');
        }
        input = s.toString();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long batch() throws IOException {
        CountingWriter out = new CountingWriter();
        BatchRunner.Summary summary = new BatchRunner(rules,
                BenchData.OPTIONS.withExplain(!output.equals("brief")), threads, output.equals("why-not"))
                .run(new StringReader(input), out, "bench", null);
        if (summary.diagnosed() != LINES) {
            throw new IllegalStateException("diagnosed " + summary.diagnosed() + " of " + LINES);
        }
        return out.chars;
    }

    /** Counts what would be written, so output costs formatting but no I/O. */
    static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] cbuf, int off, int len) {
            chars += len;
        }

        @Override
        public void write(String str) {
            chars += str.length();
        }

        @Override
        public void write(int c) {
            chars++;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
