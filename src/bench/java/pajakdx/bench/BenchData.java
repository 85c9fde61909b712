package pajakdx.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import pajakdx.Case;
import pajakdx.DiagnoseOptions;
import pajakdx.RuleBase;
import pajakdx.json.Json;

/**
 * What every benchmark works on: the project's rules/ and its typical cases (every case file in
 * facts/). The project folder is the system property {@code pajakdx.project} (set by
 * bench/run.sh), else the working folder.
 */
final class BenchData {
    /** A fixed "today" so cases without an as-of give the same work in every run. */
    static final DiagnoseOptions OPTIONS = DiagnoseOptions.DEFAULT
            .withClock(Clock.fixed(Instant.parse("2025-02-03T03:00:00Z"), ZoneOffset.UTC));

    private BenchData() {
    }

    static Path project() {
        Path p = Path.of(System.getProperty("pajakdx.project", "")).toAbsolutePath();
        if (!Files.isDirectory(p.resolve("rules")) || !Files.isDirectory(p.resolve("facts"))) {
            throw new IllegalStateException("no rules/ and facts/ under " + p + " (set -Dpajakdx.project)");
        }
        return p;
    }

    static Path rulesDir() {
        return project().resolve("rules");
    }

    /** Every case file of facts/, sorted. */
    static List<Case> typicalCases() {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(project().resolve("facts"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json"))
                    .sorted().toList()) {
                out.add(Case.read(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no cases in facts/");
        }
        return out;
    }

    /**
     * Every case diagnosed before it is timed; twice, so that every partition is due (see
     * Partitions), and then built: the timed iterations see the settled rule base, not its
     * background compiles, whatever the warm-up's length.
     */
    static void settle(RuleBase rules, List<Case> cases, DiagnoseOptions options) {
        for (int round = 0; round < 2; round++) {
            for (Case c : cases) {
                rules.diagnose(c, options);
            }
        }
        pajakdx.internal.RuleBases.settle(rules);
    }

    /** A case as one JSONL line (what batch reads). */
    static String jsonLine(Case c, String id) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("as_of", c.asOf());
        json.put("findings", c.answers());
        json.put("errors", c.errors());
        return Json.write(json);
    }

    /** Reads every WHY NOT list of {@code d}, which computes them; returns how many rule checks there are. */
    static int readWhyNot(pajakdx.Diagnosis d) {
        int n = 0;
        for (pajakdx.Diagnosis.NotConcluded c : d.notConcluded()) {
            n += c.whyNot().size();
        }
        for (pajakdx.Diagnosis.CauseResult c : d.causes()) {
            n += c.whyNot().size();
        }
        return n;
    }
}
