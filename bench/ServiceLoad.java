import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A bounded load test of `pajakdx serve` on loopback (docs/PERFORMANCE.md, "The service"):
 * concurrent clients post the cases of facts/ to /v1/diagnose, and a few post them as JSON-lines
 * batches to /v1/batch, for a fixed time after a warm-up; it reports throughput and latency
 * percentiles and counts every error, and every batch line lost or out of order.
 *
 * Run by bench/service-load.sh as a single-file program on the fat jar's class path:
 *   java -cp target/pajakdx.jar bench/ServiceLoad.java --base http://127.0.0.1:18480/ [options]
 * Options: --clients N (32, batch clients included), --batch-clients N (4), --batch-lines N (100),
 *          --seconds N (60), --warmup N (15), --facts DIR (facts).
 */
public final class ServiceLoad {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The id of each case, in the order of the cases. */
    private static List<String> IDS;

    record Options(URI base, int clients, int batchClients, int batchLines, int seconds, int warmup, Path facts) {
    }

    /** What one kind of client measured. */
    static final class Tally {
        final List<long[]> latencies = new ArrayList<>(); // per client, nanoseconds
        final AtomicLong requests = new AtomicLong();
        final AtomicLong lines = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong lostOrReordered = new AtomicLong();
        final List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());

        void error(String what) {
            errors.incrementAndGet();
            if (firstErrors.size() < 5) {
                firstErrors.add(what.length() > 300 ? what.substring(0, 300) + "…" : what);
            }
        }
    }

    /** Latencies of one client, grown as needed. */
    static final class Recorder {
        long[] values = new long[1 << 16];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        List<String> cases = cases(o.facts());
        IDS = cases.stream().map(ServiceLoad::caseIdOf).toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        waitUntilUp(http, o.base());
        System.out.printf(Locale.ROOT, "cases: %d from %s; clients: %d (%d batch, %d lines each); warm-up %d s, measured %d s%n",
                cases.size(), o.facts(), o.clients(), o.batchClients(), o.batchLines(), o.warmup(), o.seconds());

        run(http, o, cases, o.warmup(), new Tally(), new Tally());   // warm-up: JIT, partitions, connections
        Tally single = new Tally();
        Tally batch = new Tally();
        long started = System.nanoTime();
        run(http, o, cases, o.seconds(), single, batch);
        double elapsed = (System.nanoTime() - started) / 1e9;

        report("POST /v1/diagnose", single, elapsed, false);
        report("POST /v1/batch", batch, elapsed, true);
        long problems = single.errors.get() + batch.errors.get() + batch.lostOrReordered.get();
        System.out.println(problems == 0 ? "errors: none; batch lines lost or reordered: none"
                : "FAILED: " + problems + " errors or lost/reordered lines");
        System.exit(problems == 0 ? 0 : 1);
    }

    private static void run(HttpClient http, Options o, List<String> cases, int seconds, Tally single, Tally batch)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(o.clients());
        List<Recorder> singles = new ArrayList<>();
        List<Recorder> batches = new ArrayList<>();
        for (int c = 0; c < o.clients(); c++) {
            boolean isBatch = c < o.batchClients();
            Recorder r = new Recorder();
            (isBatch ? batches : singles).add(r);
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    if (isBatch) {
                        batchClient(http, o, cases, client, deadline, batch, r);
                    } else {
                        singleClient(http, o, cases, client, deadline, single, r);
                    }
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            t.start();
        }
        done.await();
        singles.forEach(r -> single.latencies.add(Arrays.copyOf(r.values, r.size)));
        batches.forEach(r -> batch.latencies.add(Arrays.copyOf(r.values, r.size)));
    }

    private static void singleClient(HttpClient http, Options o, List<String> cases, int client, long deadline,
                                     Tally tally, Recorder latencies) {
        URI uri = o.base().resolve("/v1/diagnose");
        for (int i = client; System.nanoTime() < deadline; i++) {
            String body = cases.get(i % cases.size());
            String id = IDS.get(i % cases.size());
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                latencies.add(System.nanoTime() - t0);
                tally.requests.incrementAndGet();
                if (r.statusCode() != 200 || !id.equals(idOf(r.body()))) {
                    tally.error(r.statusCode() + " " + r.body());
                }
            } catch (IOException e) {
                tally.error(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void batchClient(HttpClient http, Options o, List<String> cases, int client, long deadline,
                                    Tally tally, Recorder latencies) {
        URI uri = o.base().resolve("/v1/batch");
        for (int round = 0; System.nanoTime() < deadline; round++) {
            StringBuilder body = new StringBuilder();
            List<String> ids = new ArrayList<>(o.batchLines());
            for (int k = 0; k < o.batchLines(); k++) {
                String id = "b" + client + "-" + round + "-" + k;
                ids.add(id);
                body.append(withId(cases.get((round * o.batchLines() + k + client) % cases.size()), id)).append('\n');
            }
            long t0 = System.nanoTime();
            try {
                HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofLines());
                List<String> got = new ArrayList<>();
                r.body().forEach(line -> {
                    if (!line.isEmpty()) {
                        got.add(idOf(line));
                    }
                });
                latencies.add(System.nanoTime() - t0);
                tally.requests.incrementAndGet();
                tally.lines.addAndGet(got.size());
                if (r.statusCode() != 200) {
                    tally.error("batch status " + r.statusCode());
                } else if (!got.equals(ids)) {
                    tally.lostOrReordered.incrementAndGet();
                    tally.error("batch of " + ids.size() + " lines answered with " + got.size()
                            + " (first differing: " + firstDifference(ids, got) + ")");
                }
            } catch (IOException e) {
                tally.error(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String firstDifference(List<String> want, List<String> got) {
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            if (!want.get(i).equals(got.get(i))) {
                return "line " + (i + 1) + ": " + got.get(i) + " instead of " + want.get(i);
            }
        }
        return "length";
    }

    /** The case id a line answers for, read from its start ({"caseId":"..." or {"line":N), without parsing it all. */
    private static String idOf(String json) {
        java.util.regex.Matcher m = LINE_START.matcher(json);
        return !m.lookingAt() ? "not a diagnosis" : m.group(1) != null ? m.group(1) : "error line " + m.group(2);
    }

    private static final java.util.regex.Pattern LINE_START =
            java.util.regex.Pattern.compile("\\{\"(?:caseId\":\"([^\"]*)\"|line\":(\\d+))");

    private static String caseIdOf(String caseJson) {
        try {
            return JSON.readTree(caseJson).get("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withId(String caseJson, String id) {
        try {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(caseJson);
            node.put("id", id);
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void report(String what, Tally t, double seconds, boolean batch) {
        long[] all = t.latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            System.out.println(what + ": no requests");
            return;
        }
        System.out.printf(Locale.ROOT, "%s: %d requests in %.1f s = %.0f requests/s%s; latency ms: p50 %.2f, p90 %.2f,"
                        + " p99 %.2f, p99.9 %.2f, max %.2f; errors %d%n",
                what, t.requests.get(), seconds, t.requests.get() / seconds,
                batch ? String.format(Locale.ROOT, " (%d lines = %.0f lines/s)", t.lines.get(), t.lines.get() / seconds) : "",
                pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), pct(all, 0.999), all[all.length - 1] / 1e6,
                t.errors.get());
        t.firstErrors.forEach(e -> System.out.println("  error: " + e));
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** The cases of facts/ as the JSON a client sends (read with PajakDx's public API). */
    private static List<String> cases(Path facts) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(facts)) {
            for (Path p : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".yaml")).sorted()::iterator) {
                pajakdx.Case c = pajakdx.Case.read(p);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                if (c.asOf() != null) {
                    m.put("as_of", c.asOf());
                }
                m.put("findings", c.answers());
                m.put("errors", c.messages());
                out.add(JSON.writeValueAsString(m));
            }
        }
        return out;
    }

    private static void waitUntilUp(HttpClient http, URI base) throws InterruptedException {
        long until = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not come up at " + base);
    }

    private static Options parse(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        return new Options(URI.create(a.getOrDefault("--base", "http://127.0.0.1:18480/")),
                Integer.parseInt(a.getOrDefault("--clients", "32")), Integer.parseInt(a.getOrDefault("--batch-clients", "4")),
                Integer.parseInt(a.getOrDefault("--batch-lines", "100")), Integer.parseInt(a.getOrDefault("--seconds", "60")),
                Integer.parseInt(a.getOrDefault("--warmup", "15")), Path.of(a.getOrDefault("--facts", "facts")));
    }
}
