package pajakdx;

import pajakdx.base.CaseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.fuzz.CaseGenerator;
import pajakdx.fuzz.Doc;

/**
 * One rule base shared by many threads: 8 threads x 100,000 diagnoses give, case by case, the
 * very JSON a sequential run gives; and while threads diagnose, a {@link LiveRuleBase} reloads
 * again and again between two rule folders (and a broken one), and every diagnosis equals
 * exactly the old or the new rule base's output, never a mix.
 *
 * <p>An integration test (failsafe, part of {@code mvn verify}): it runs for tens of seconds.
 * {@code -Dpajakdx.concurrency.perThread=N} changes the number of diagnoses per thread.
 */
class SharedRuleBaseIT {
    static final int THREADS = 8;
    static final int PER_THREAD = Integer.getInteger("pajakdx.concurrency.perThread", 100_000);
    static final int GENERATED = 150;
    /** Reloads the reload test waits for while its threads diagnose (every third is refused). */
    static final int MIN_RELOADS = 10;
    static final DiagnoseOptions OPTIONS = DiagnoseOptions.DEFAULT
            .withClock(Clock.fixed(Instant.parse("2025-02-03T03:00:00Z"), ZoneOffset.UTC));

    @TempDir
    static Path tmp;
    static Path folderA;
    static Path folderB;
    static Path broken;
    static RuleBase rulesA;
    static List<Case> cases;

    @BeforeAll
    static void setUp() throws IOException {
        folderA = IdentityRules.copy(tmp.resolve("a"));
        folderB = IdentityRules.copy(tmp.resolve("b"));
        changeForB(folderB);
        broken = IdentityRules.copy(tmp.resolve("broken"));
        TempRules.write(broken, "coretax/broken.drl", "package rules.coretax;\nrule \"x\" when\n  Foo(\nthen end\n");
        rulesA = RuleBase.load(folderA);
        cases = mixOfCases(rulesA);
    }

    /**
     * The second rule folder differs in the catalog (a cause's text, a remedy's text) and in the
     * rules (one rule gone), so a diagnosis from a half-swapped rule base matches neither. The
     * changes touch only the test identity topic, which no other work edits.
     */
    static void changeForB(Path rules) throws IOException {
        Path yaml = rules.resolve("zz-test/identity.yaml");
        String y = Files.readString(yaml);
        String y2 = y.replace("Test: the NPWP is still in its 15-digit form", "Test: the NPWP is still in its 15-digit form (B)")
                .replace("Test: register the NPWP at the KPP", "Test: register the NPWP at the KPP (B)");
        assertEquals(y.length() + 8, y2.length(), "both texts changed");
        Files.writeString(yaml, y2);
        Path drl = rules.resolve("zz-test/identity.drl");
        String d = Files.readString(drl);
        int from = d.indexOf("rule \"Test identity: old NPWP form suspected while the NPWP is unknown\"");
        int to = d.indexOf("\nend", from) + 4;
        assertTrue(from > 0, "the rule to drop is in identity.drl");
        Files.writeString(drl, d.substring(0, from) + d.substring(to));
    }

    /** The golden cases, the identity cases that diagnose, and generated valid cases. */
    static List<Case> mixOfCases(RuleBase base) throws IOException {
        List<Case> out = new ArrayList<>();
        for (Path dir : List.of(TestRules.factsDir(), IdentityRules.casesDir())) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    addIfDiagnosable(base, Case.read(p), out);
                }
            }
        }
        CaseGenerator generator = new CaseGenerator(base.catalog());
        Random r = new Random(42);
        while (out.size() < GENERATED + 10) {
            Doc.Mapping doc = generator.generate(r, 0);
            try {
                addIfDiagnosable(base, Case.parse("generated-" + out.size() + ".yaml", Doc.yaml(doc, r)), out);
            } catch (CaseException e) {
                // generated texts that do not parse are the fuzz test's business
            }
        }
        return List.copyOf(out);
    }

    private static void addIfDiagnosable(RuleBase base, Case c, List<Case> out) {
        try {
            base.diagnose(c, OPTIONS);
            out.add(c);
        } catch (CaseException e) {
            // refused cases say nothing about concurrency
        }
    }

    static List<String> sequential(RuleBase base) {
        return sequential(base, OPTIONS);
    }

    /** The reference: each case diagnosed once, on this thread, before any concurrency. */
    static List<String> sequential(RuleBase base, DiagnoseOptions options) {
        List<String> out = new ArrayList<>();
        for (Case c : cases) {
            out.add(base.diagnose(c, options).toJson());
        }
        return out;
    }

    @Test
    void eightThreadsOnOneRuleBase_giveTheSequentialResults() throws Exception {
        // Explanations (HOW, WHY NOT, trace) on for one diagnosis in four: they are the costly
        // part, and a quarter of 800,000 still exercises them under contention at length.
        List<String> expected = sequential(rulesA, OPTIONS);
        List<String> expectedBrief = sequential(rulesA, OPTIONS.withExplain(false));
        AtomicLong done = new AtomicLong();
        List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        runThreads(t -> {
            Random r = new Random(t);
            for (int k = 0; k < PER_THREAD; k++) {
                int i = r.nextInt(cases.size());
                boolean explain = r.nextInt(4) == 0;
                try {
                    String json = rulesA.diagnose(cases.get(i), OPTIONS.withExplain(explain)).toJson();
                    String want = explain ? expected.get(i) : expectedBrief.get(i);
                    if (!json.equals(want) && mismatches.size() < 10) {
                        mismatches.add("thread " + t + ", case " + cases.get(i).id() + ": " + json);
                    }
                } catch (RuntimeException e) {
                    mismatches.add("thread " + t + ", case " + cases.get(i).id() + ": " + e);
                }
                done.incrementAndGet();
            }
        });
        System.out.printf("concurrency: %d threads x %d diagnoses = %d over %d distinct cases in %d s, %d mismatches%n",
                THREADS, PER_THREAD, done.get(), cases.size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                mismatches.size());
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        assertEquals((long) THREADS * PER_THREAD, done.get());
    }

    @Test
    void aHalfSwappedRuleBase_wouldBeCaught() {
        // The reload test below can only tell "old or new" from "a mix" if a mix looks different:
        // build the two mixes by hand and check that some case tells each from both whole bases.
        RuleBase b = RuleBase.load(folderB);
        RuleBase catalogAWithRulesB = new RuleBase("mix", rulesA.catalog(), b.compiled(), b.rules(), List.of(), b.fireLimit());
        RuleBase catalogBWithRulesA = new RuleBase("mix", b.catalog(), rulesA.compiled(), rulesA.rules(), List.of(), b.fireLimit());
        List<String> a = sequential(rulesA);
        List<String> bJson = sequential(b);
        for (RuleBase mix : List.of(catalogAWithRulesB, catalogBWithRulesA)) {
            List<String> m = sequential(mix);
            boolean told = false;
            for (int i = 0; i < cases.size(); i++) {
                told |= !m.get(i).equals(a.get(i)) && !m.get(i).equals(bJson.get(i));
            }
            assertTrue(told, "some case tells this mix from both rule bases");
        }
        assertNotEquals(a, bJson);
    }

    @Test
    void reloadingWhileEightThreadsDiagnose_eachDiagnosisSeesOneWholeRuleBase() throws Exception {
        RuleBase rulesB = RuleBase.load(folderB);
        List<String> expectedA = sequential(rulesA);
        List<String> expectedB = sequential(rulesB);
        AtomicInteger loads = new AtomicInteger();
        // Cycle: A (first load), B, broken (refused: the last good stays), A, B, broken ...
        LiveRuleBase live = LiveRuleBase.of(() -> RuleBase.load(switch (loads.getAndIncrement() % 3) {
            case 0 -> folderA;
            case 1 -> folderB;
            default -> broken;
        }));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reloads = new AtomicInteger();
        AtomicInteger refusedReloads = new AtomicInteger();
        Thread reloader = new Thread(() -> {
            while (!stop.get()) {
                if (!live.reload().isEmpty()) {
                    refusedReloads.incrementAndGet();
                }
                reloads.incrementAndGet();
            }
        }, "reloader");
        AtomicLong sawA = new AtomicLong();
        AtomicLong sawB = new AtomicLong();
        AtomicLong done = new AtomicLong();
        List<String> mixes = Collections.synchronizedList(new ArrayList<>());
        int minimum = Math.max(1, PER_THREAD / 20);
        reloader.start();
        long started = System.nanoTime();
        runThreads(t -> {
            Random r = new Random(100 + t);
            // At least `minimum` each, and on until the rule base has been swapped several times.
            for (int k = 0; k < minimum || reloads.get() < MIN_RELOADS; k++) {
                int i = r.nextInt(cases.size());
                String json = live.diagnose(cases.get(i), OPTIONS).toJson();
                boolean a = json.equals(expectedA.get(i));
                boolean b = json.equals(expectedB.get(i));
                if (a && !b) {
                    sawA.incrementAndGet();
                } else if (b && !a) {
                    sawB.incrementAndGet();
                }
                if (!json.equals(expectedA.get(i)) && !json.equals(expectedB.get(i)) && mixes.size() < 10) {
                    mixes.add("thread " + t + ", case " + cases.get(i).id() + ": " + json);
                }
                done.incrementAndGet();
            }
        });
        stop.set(true);
        reloader.join(60_000);
        System.out.printf("reload: %d threads, %d diagnoses in %d s during %d reloads (%d refused, last good kept);"
                        + " %d told A, %d told B (the rest: cases both give alike), %d neither%n", THREADS, done.get(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), reloads.get(), refusedReloads.get(),
                sawA.get(), sawB.get(), mixes.size());
        assertTrue(mixes.isEmpty(), "diagnoses from neither rule base:\n" + String.join("\n", mixes));
        assertTrue(reloads.get() >= MIN_RELOADS && refusedReloads.get() >= MIN_RELOADS / 3 - 1,
                reloads + " reloads, " + refusedReloads + " refused");
        assertTrue(sawA.get() > 0 && sawB.get() > 0, "both rule bases served diagnoses");
        assertFalse(reloader.isAlive());
    }

    interface Worker {
        void run(int thread) throws Exception;
    }

    /** Runs {@code worker} on {@link #THREADS} threads released together; rethrows the first failure. */
    static void runThreads(Worker worker) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    worker.run(id);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "diagnose-" + t);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(10));
            assertFalse(thread.isAlive(), thread.getName() + " is still running after 10 minutes");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("a worker thread failed", failures.get(0));
        }
    }
}
