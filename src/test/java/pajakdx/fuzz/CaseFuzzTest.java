package pajakdx.fuzz;

import pajakdx.internal.RuleBases;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.base.CaseException;
import pajakdx.DiagnoseOptions;
import pajakdx.Diagnosis;
import pajakdx.IdentityRules;
import pajakdx.base.Lang;
import pajakdx.base.Problem;
import pajakdx.RuleBase;
import pajakdx.TestRules;
import pajakdx.text.TextCheck;
import pajakdx.text.Masking;
import pajakdx.json.Json;
import pajakdx.report.DiagnosisText;

/**
 * Hostile case input, generated: every input must end in a diagnosis (that also renders as
 * JSON and text) or in a {@link CaseException} whose problems name the file and say what is
 * wrong in one clean line. Anything else (another exception, an error, a hang past the time
 * limit) fails the test with the seed and the input's index, which replay it alone.
 *
 * <p>Properties: {@code pajakdx.fuzz.seed} (a number, or {@code random}), {@code pajakdx.fuzz.count}
 * (default 10,000), {@code pajakdx.fuzz.only} (replay one index), {@code pajakdx.fuzz.verbose}
 * (print the first problem of every refused input).
 */
class CaseFuzzTest {
    static final long DEFAULT_SEED = 20250203L;
    static final int DEFAULT_COUNT = 10_000;
    /** Longest any single input may take, parse and diagnosis together. */
    static final long TIME_LIMIT_SECONDS = 20;

    /** A fully qualified exception class or a stack frame: internals, not a message for people. */
    private static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile(
            "\\b[a-z]\\w*(\\.\\w+)*\\.[A-Z]\\w*(Exception|Error)\\b|\\bat [a-z]\\w*(\\.\\w+)+\\(");

    private static final DiagnoseOptions OPTIONS = DiagnoseOptions.DEFAULT
            .withClock(Clock.fixed(Instant.parse("2025-02-03T03:00:00Z"), ZoneOffset.UTC));

    @TempDir
    static Path tmp;
    private static RuleBase rules;
    private static List<String> seeds;

    @BeforeAll
    static void load() throws IOException {
        rules = RuleBase.load(IdentityRules.copy(tmp.resolve("rules-copy")));
        seeds = new ArrayList<>();
        for (Path dir : List.of(TestRules.factsDir(), IdentityRules.casesDir())) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    seeds.add(Files.readString(p));
                }
            }
        }
    }

    enum Outcome { DIAGNOSED, REFUSED }

    @Test
    void everyHostileInputEndsInADiagnosisOrAClearCaseError() throws Exception {
        String seedProperty = System.getProperty("pajakdx.fuzz.seed", String.valueOf(DEFAULT_SEED));
        long seed = seedProperty.equals("random") ? new java.security.SecureRandom().nextLong() : Long.parseLong(seedProperty);
        int count = Integer.getInteger("pajakdx.fuzz.count", DEFAULT_COUNT);
        Integer only = Integer.getInteger("pajakdx.fuzz.only");
        FuzzInputs inputs = new FuzzInputs(new CaseGenerator(RuleBases.of(rules).catalog()), seeds, seed);
        Path files = Files.createDirectories(tmp.resolve("cases"));

        Map<String, int[]> tally = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int ran = 0;
        long largest = 0;
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true); // a hung input must not keep the test JVM alive
            return t;
        });
        long started = System.nanoTime();
        try {
            for (int i = only != null ? only : 0; i < (only != null ? only + 1 : count); i++) {
                FuzzInputs.Input in = inputs.get(i);
                largest = Math.max(largest, in.size());
                Future<Outcome> result = worker.submit(() -> run(in, files));
                long t0 = System.nanoTime();
                try {
                    Outcome o = result.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
                    int[] t = tally.computeIfAbsent(in.kind(), k -> new int[3]);
                    t[o.ordinal()]++;
                    t[2] += (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                } catch (TimeoutException e) {
                    failures.add(describe(in, "did not finish within " + TIME_LIMIT_SECONDS + " s (a hang)"));
                    break; // the worker is stuck; nothing after this would be measured fairly
                } catch (ExecutionException e) {
                    failures.add(describe(in, String.valueOf(e.getCause())));
                }
                ran++;
                if (failures.size() >= 20) {
                    break;
                }
            }
        } finally {
            worker.shutdownNow();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        int diagnosed = tally.values().stream().mapToInt(t -> t[0]).sum();
        int refused = tally.values().stream().mapToInt(t -> t[1]).sum();
        StringBuilder summary = new StringBuilder(String.format("case fuzz: seed %d, %d inputs in %d s, %d diagnosed,"
                + " %d refused with a case error, largest input %d characters/bytes%n", seed, ran, seconds, diagnosed,
                refused, largest));
        tally.forEach((kind, t) -> summary.append(String.format("  %-22s %6d diagnosed %6d refused %7d ms%n", kind, t[0],
                t[1], t[2])));
        System.out.print(summary);
        if (!failures.isEmpty()) {
            fail(failures.size() + " input(s) misbehaved (seed " + seed + "; replay one with -Dpajakdx.fuzz.seed="
                    + seed + " -Dpajakdx.fuzz.only=INDEX):\n" + String.join("\n", failures) + "\n" + summary);
        }
        if (only == null) {
            assertTrue(ran >= count, "ran " + ran + " of " + count);
            // A generator that only produced garbage, or only valid cases, would prove little.
            assertTrue(diagnosed >= count / 10, "too few inputs reached a diagnosis: " + summary);
            assertTrue(refused >= count / 10, "too few inputs were refused: " + summary);
        }
    }

    private static Outcome run(FuzzInputs.Input in, Path dir) throws IOException {
        Path file = dir.resolve(in.name());
        String where = in.viaFile() ? file.toString() : in.name();
        try {
            Case c;
            if (in.viaFile()) {
                if (in.folder()) {
                    Files.createDirectories(file);
                } else if (in.fileBytes() != null) {
                    Files.write(file, in.fileBytes());
                }
                c = Case.read(file);
            } else {
                c = Case.parse(in.name(), in.text());
            }
            Diagnosis d = rules.diagnose(c, OPTIONS);
            Json.mapper().readTree(d.toJson()); // the JSON must be well-formed, e.g. no broken surrogates
            new DiagnosisText(RuleBases.of(rules).catalog(), Lang.ID).render(d);
            new DiagnosisText(RuleBases.of(rules).catalog(), Lang.EN).render(d);
            return Outcome.DIAGNOSED;
        } catch (CaseException e) {
            checkClear(e, where);
            if (Boolean.getBoolean("pajakdx.fuzz.verbose")) {
                System.out.println("#" + in.index() + " [" + in.kind() + "] " + e.problems().get(0));
            }
            return Outcome.REFUSED;
        } finally {
            if (Files.isDirectory(file)) {
                Files.delete(file);
            } else {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A clear case error: names the file, says what in one printable line, leaks no internals. */
    static void checkClear(CaseException e, String where) {
        List<Problem> problems = e.problems();
        if (problems.isEmpty()) {
            throw new AssertionError("a CaseException without problems");
        }
        for (Problem p : problems) {
            String m = p.message();
            String whole = p.toString();
            if (p.file() == null || !p.file().equals(Masking.maskFileName(where))) {
                throw new AssertionError("problem does not name the input '" + where + "': " + whole);
            }
            if (m == null || m.isBlank() || m.contains("\n") || m.contains("\r")) {
                throw new AssertionError("message is empty or not one line: " + whole);
            }
            if (whole.length() > 600) {
                throw new AssertionError("message too long (" + whole.length() + " characters): "
                        + whole.substring(0, 200));
            }
            if (TextCheck.problem(whole) != null) {
                throw new AssertionError("message carries unprintable text (" + TextCheck.problem(whole) + "): "
                        + TextCheck.preview(whole));
            }
            if (INTERNALS.matcher(whole).find()) {
                throw new AssertionError("message leaks internals: " + whole);
            }
            if (p.line() < 0 || p.column() < 0) {
                throw new AssertionError("negative position: " + whole);
            }
        }
    }

    private static String describe(FuzzInputs.Input in, String what) {
        String text = in.text() != null ? in.text() : in.fileBytes() != null
                ? new String(in.fileBytes(), 0, Math.min(in.fileBytes().length, 300), java.nio.charset.StandardCharsets.ISO_8859_1)
                : in.folder() ? "(a folder)" : "(no file)";
        return "  #" + in.index() + " [" + in.kind() + "] " + in.name() + " (" + in.size() + " chars/bytes): " + what
                + "\n      input starts: " + TextCheck.preview(text.length() > 300 ? text.substring(0, 300) : text);
    }
}
