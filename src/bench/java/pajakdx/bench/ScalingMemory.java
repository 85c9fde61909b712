package pajakdx.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import pajakdx.RuleBase;

/**
 * Heap kept by a loaded rule base at each scale factor, and the time to build it once in this
 * JVM: generate, load, collect garbage, measure used heap with and without the rule base.
 * Usage: {@code java -cp pajakdx-benchmarks.jar pajakdx.bench.ScalingMemory 1 10 100}.
 */
public final class ScalingMemory {
    private ScalingMemory() {
    }

    public static void main(String[] args) throws Exception {
        // One load first, not measured: Drools' static state and JIT warm-up belong to no factor.
        RuleBase.load(BenchData.rulesDir());
        System.out.println("| factor | rules | build (s) | heap kept (MB) | heap per rule (KB) |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (String a : args.length == 0 ? new String[] {"1", "10", "100"} : args) {
            int factor = Integer.parseInt(a);
            Path folder = ScaledRules.generate(BenchData.rulesDir(), factor,
                    Path.of(System.getProperty("java.io.tmpdir"), "pajakdx-mem-x" + factor + "-" + ProcessHandle.current().pid()));
            try {
                long before = usedAfterGc();
                long t0 = System.nanoTime();
                RuleBase rules = RuleBase.load(folder);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long after = usedAfterGc();
                int n = pajakdx.internal.RuleBases.of(rules).rules().size();
                double mb = (after - before) / 1048576.0;
                System.out.printf("| x%d | %d | %.2f | %.1f | %.1f |%n", factor, n, seconds, mb, mb * 1024 / n);
                rules.toString(); // keep it reachable until measured
            } finally {
                ScaledRules.deleteTree(folder);
            }
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
