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

    record Row(String name, Map<String, String> params, String mode, double score, double p50, double p99,
               String unit, long samples) {
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
                if (m.has("rawDataHistogram")) {
                    for (JsonNode fork : m.get("rawDataHistogram")) {
                        for (JsonNode iter : fork) {
                            for (JsonNode bin : iter) {
                                n += bin.get(1).asLong();
                            }
                        }
                    }
                }
                rows.add(new Row(name, params, b.get("mode").asText(), m.get("score").asDouble(),
                        pct.get("50.0").asDouble(), pct.get("99.0").asDouble(), m.get("scoreUnit").asText(), n));
            }
        }
        System.out.println("| benchmark | params | mode | median | p99 | mean / score | unit |");
        System.out.println("|---|---|---|---:|---:|---:|---|");
        for (Row r : rows) {
            boolean thrpt = r.mode().equals("thrpt");
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.name(), r.params().isEmpty() ? ""
                    : r.params().toString().replaceAll("[{}]", ""), r.mode(), thrpt ? "" : fmt(r.p50()),
                    thrpt ? "" : fmt(r.p99()), fmt(r.score()), r.unit());
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
        ratio(rows, "with WHY NOT read / explained, median", "DiagnoseBench.publicApi{output=why-not}",
                "DiagnoseBench.publicApi{output=explained}", true, "(for information)");
        ratio(rows, "impersonate: PajakDx explained / hand-written Java, median",
                "ImpersonateBench.pajakdxExplained{}", "ImpersonateBench.handWritten{}", true, "(the limit)");
        ratio(rows, "impersonate: PajakDx no explanation / hand-written Java, median",
                "ImpersonateBench.pajakdxNoExplain{}", "ImpersonateBench.handWritten{}", true, "(the limit)");
        ratio(rows, "x10 / x1 per-case median", "ScalingBench.diagnose{factor=10}", "ScalingBench.diagnose{factor=1}",
                true, "≤ 3");
        ratio(rows, "x100 / x1 per-case median", "ScalingBench.diagnose{factor=100}",
                "ScalingBench.diagnose{factor=1}", true, "≤ 3");
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
        System.out.printf(Locale.ROOT, "| %s | %.2f | %s |%n", label, x, target);
    }

    private static Row find(List<Row> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
