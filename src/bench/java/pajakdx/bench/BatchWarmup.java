package pajakdx.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import pajakdx.DiagnoseOptions;
import pajakdx.RuleBase;
import pajakdx.batch.BatchRunner;
import pajakdx.engine.RuleCache;
import pajakdx.internal.RuleBases;
import pajakdx.knowledge.RuleFolder;

/**
 * How a batch warms up: runs the batch runner over the same JSONL file ROUNDS times in one JVM,
 * as {@code pajakdx batch --threads 2} does once (bundled rules, the user's rule cache, output
 * written and discarded), and prints each round's throughput. The first rounds show what a
 * short batch pays for warm-up (loading partitions, the JIT); the last, the steady state.
 * Usage: {@code java -cp pajakdx-benchmarks.jar pajakdx.bench.BatchWarmup FILE ROUNDS}
 */
public final class BatchWarmup {
    private BatchWarmup() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        RuleBase rules = RuleBases.load(RuleBase.class, RuleFolder.bundled(), RuleCache.inHome());
        System.out.printf("| load | %.2f s | |%n", (System.nanoTime() - start) / 1e9);
        long total = 0;
        for (int r = 1; r <= rounds; r++) {
            long t = System.nanoTime();
            BatchRunner.Summary s;
            try (Reader in = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16);
                 Writer out = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(),
                         StandardCharsets.UTF_8), 1 << 16)) {
                s = new BatchRunner(rules, DiagnoseOptions.DEFAULT, 2, false).run(in, out, file.toString(), null);
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            total += s.diagnosed();
            System.out.printf("| round %d (cases %,d to %,d) | %.2f s | %,.0f/s |%n", r, total - s.diagnosed() + 1,
                    total, seconds, s.diagnosed() / seconds);
        }
    }
}
