package pajakdx.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import pajakdx.Case;

/**
 * Writes a JSONL file of {@code N} cases for {@code pajakdx batch}: every case of facts/ in turn,
 * each line with its own id. Usage: {@code java -cp pajakdx-benchmarks.jar pajakdx.bench.MakeJsonl N FILE}
 */
public final class MakeJsonl {
    private MakeJsonl() {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        List<Case> cases = BenchData.typicalCases();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                out.write(BenchData.jsonLine(cases.get(i % cases.size()), "case-" + i));
                out.write('\n');
            }
        }
    }
}
