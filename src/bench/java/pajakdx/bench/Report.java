package pajakdx.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import pajakdx.json.Json;

/**
 * Turns JMH's JSON results into the Markdown tables of docs/PERFORMANCE.md: every benchmark with
 * median and p99 (or throughput), then the ratios the targets are about.
 * Usage: {@code java -cp pajakdx-benchmarks.jar pajakdx.bench.Report results.json...}
 */
public final class Report {
    private Report() {
    }

    /** {@code forks}: each fork's own median (sample mode) or mean score (throughput), to show their spread. */
    record Row(String name, Map<String, String> params, String mode, double score, double p50, double p99,
               double p999, String unit, long samples, List<Double> forks) {
        String key() {
            return name + params;
        }
    }

    public static void main(String[] args) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String file : args) {
            for (JsonNode b : Json.mapper().readTree(Path.of(file).toFile())) {
                String name = b.get("benchmark").asText().replace("pajakdx.bench.", "");
                Map<String, String> params = new TreeMap<>();
                if (b.has("params")) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = b.get("params").fields(); it.hasNext(); ) {
                        var e = it.next();
                        params.put(e.getKey(), e.getValue().asText());
                    }
                }
                JsonNode m = b.get("primaryMetric");
                JsonNode pct = m.get("scorePercentiles");
                long n = 0;
                List<Double> forks = new ArrayList<>();
                if (m.has("rawDataHistogram")) {
                    for (JsonNode fork : m.get("rawDataHistogram")) {
                        TreeMap<Double, Long> bins = new TreeMap<>();
                        for (JsonNode iter : fork) {
                            for (JsonNode bin : iter) {
                                bins.merge(bin.get(0).asDouble(), bin.get(1).asLong(), Long::sum);
                            }
                        }
                        long inFork = bins.values().stream().mapToLong(Long::longValue).sum();
                        n += inFork;
                        forks.add(median(bins, inFork));
                    }
                } else if (m.has("rawData")) {
                    for (JsonNode fork : m.get("rawData")) {
                        double sum = 0;
                        for (JsonNode iter : fork) {
                            sum += iter.asDouble();
                        }
                        forks.add(fork.size() == 0 ? Double.NaN : sum / fork.size());
                    }
                }
                rows.add(new Row(name, params, b.get("mode").asText(), m.get("score").asDouble(),
                        pct.get("50.0").asDouble(), pct.get("99.0").asDouble(), pct.path("99.9").asDouble(Double.NaN),
                        m.get("scoreUnit").asText(), n, forks));
            }
        }
        System.out.println("| benchmark | params | mode | median | p99 | p99.9 | mean / score | unit | each fork |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---|---|");
        for (Row r : rows) {
            boolean sampled = r.mode().equals("sample");
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.name(),
                    r.params().isEmpty() ? "" : r.params().toString().replaceAll("[{}]", ""), r.mode(),
                    sampled ? fmt(r.p50()) : "", sampled ? fmt(r.p99()) : "", sampled ? fmt(r.p999()) : "",
                    fmt(r.score()), r.unit(), r.forks().size() < 2 ? ""
                            : String.join(", ", r.forks().stream().map(Report::fmt).toList()));
        }
        System.out.println();
        System.out.println("| ratio | value | target |");
        System.out.println("|---|---:|---|");
        ratio(rows, "warm diagnosis median (explained) / bare Drools median",
                "DiagnoseBench.publicApi{output=explained}", "DiagnoseBench.bareDrools{}", true, "≤ 1.5");
        ratio(rows, "warm diagnosis p99 (explained) / bare Drools p99",
                "DiagnoseBench.publicApi{output=explained}", "DiagnoseBench.bareDrools{}", false, "(for information)");
        ratio(rows, "explanation on / off, median", "DiagnoseBench.publicApi{output=explained}",
                "DiagnoseBench.publicApi{output=brief}", true, "≤ 1.3");
        Row explained = find(rows, "DiagnoseBench.publicApi{output=explained}");
        if (explained != null) {
            System.out.printf(Locale.ROOT, "| warm diagnosis (explained) p99 / p99.9, %s | %s / %s | ≤ 200 / ≤ 1,000 µs |%n",
                    explained.unit(), fmt(explained.p99()), fmt(explained.p999()));
        }
        ratio(rows, "with WHY NOT read / explained, median", "DiagnoseBench.publicApi{output=why-not}",
                "DiagnoseBench.publicApi{output=explained}", true, "(for information)");
        ratio(rows, "impersonate: PajakDx explained / hand-written Java, median",
                "ImpersonateBench.pajakdxExplained{}", "ImpersonateBench.handWritten{}", true, "(the limit)");
        ratio(rows, "impersonate: PajakDx no explanation / hand-written Java, median",
                "ImpersonateBench.pajakdxNoExplain{}", "ImpersonateBench.handWritten{}", true, "(the limit)");
        ratio(rows, "x10 / x1 per-case median", "ScalingBench.diagnose{factor=10}", "ScalingBench.diagnose{factor=1}",
                true, "(for information)");
        ratio(rows, "x100 / x1 per-case median", "ScalingBench.diagnose{factor=100}",
                "ScalingBench.diagnose{factor=1}", true, "≤ 2 (issue 16)");
        ratio(rows, "bare Drools x100 / x1 per-case median (the floor's own growth)",
                "ScalingBench.bareDrools{factor=100}", "ScalingBench.bareDrools{factor=1}", true, "(for information)");
        ratio(rows, "x100: PajakDx explained / bare Drools, median", "ScalingBench.diagnose{factor=100}",
                "ScalingBench.bareDrools{factor=100}", true, "(for information)");
        ratio(rows, "x100 / x1 build time", "ScalingBench.build{factor=100}", "ScalingBench.build{factor=1}", false,
                "≈ 100 (linear)");
        ratio(rows, "x100 / x10 build time", "ScalingBench.build{factor=100}", "ScalingBench.build{factor=10}", false,
                "≈ 10 (linear)");
        ratio(rows, "x100 build / cached load", "ScalingBench.build{factor=100}", "ScalingBench.loadCached{factor=100}",
                false, "(what the cache saves)");
        for (Row r : rows) {
            if (r.name().equals("BatchBench.batch")) {
                System.out.printf(Locale.ROOT, "| batch, %s threads, output=%s: cases/s | %,.0f | %s |%n",
                        r.params().get("threads"), r.params().get("output"), r.score(),
                        r.params().get("output").equals("explained") && r.params().get("threads").equals("2")
                                ? "≥ 40,000" : "(for information)");
            }
        }
    }

    /** numerator/denominator by median (p50) or, for single-shot and p99 rows, by score/p99. */
    private static void ratio(List<Row> rows, String label, String num, String den, boolean median, String target) {
        Row a = find(rows, num);
        Row b = find(rows, den);
        if (a == null || b == null) {
            return;
        }
        double x;
        if (a.mode().equals("ss")) {
            x = a.score() / b.score();
        } else {
            x = median ? a.p50() / b.p50() : a.p99() / b.p99();
        }
        System.out.printf(Locale.ROOT, x < 0.1 ? "| %s | %.4f | %s |%n" : "| %s | %.2f | %s |%n", label, x, target);
    }

    /** The value at which half of the samples of a histogram (value → count) are reached. */
    static double median(TreeMap<Double, Long> bins, long count) {
        long seen = 0;
        for (Map.Entry<Double, Long> bin : bins.entrySet()) {
            seen += bin.getValue();
            if (seen * 2 >= count) {
                return bin.getKey();
            }
        }
        return Double.NaN;
    }

    private static Row find(List<Row> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
