package pajakdx;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pajakdx.explain.RuleGates;
import pajakdx.explain.RuleSet;
import pajakdx.facts.Finding;
import pajakdx.engine.CompiledRules;
import pajakdx.knowledge.Rule;

/**
 * Smaller networks for the cases that recur. Drools propagates every fact into every rule that
 * tests its type — the one AsOf of a case reaches every dated rule of every topic — so a
 * session over the whole rule base costs in proportion to its size. Yet almost every rule starts
 * with a gate, {@code Finding(id == "problem", value == ...)} or another finding tested for
 * listed values, that fails outright for most cases (see {@link RuleGates}); the rules no gate
 * fails are the only ones that can fire, rules never changing findings. Such a set of rules
 * can be compiled into a KieBase of its own and used for its cases: the diagnosis is the same
 * (the rules left out cannot fire), its cost follows the topic instead of the whole knowledge.
 * With the bundled rules every rule is gated on the problem, so a set is the rules of one
 * problem (or of the problems of a case that has several): 8 rules on average, not 760.
 * <p>
 * A set is compiled on its second case ({@link #SIGHTINGS}): a one-off diagnosis never pays for
 * a compile, a batch or a service has every recurring problem's network within seconds. When
 * the rule cache holds the set's network from an earlier run, it is loaded at its first case:
 * in the background, or on the diagnosing thread while the whole network is not loaded yet (a
 * cold start; a one-off diagnosis whose partition is stored never loads the whole network).
 * Nothing is compiled on a diagnosing thread: the work is handed to one background daemon
 * thread of this rule base (it ends when idle), and the whole rule base answers for the set
 * until its partition is ready. A request never waits for a partition's compile. (It waits for
 * the whole network while that is loaded: compiled, when the rule cache's copy of it is missing or
 * damaged; see {@code Network}.)
 */
final class Partitions {
    private static final Logger LOG = LoggerFactory.getLogger(Partitions.class);
    /** Cases of one set seen before it is compiled (when the cache does not hold it already). */
    static final int SIGHTINGS = 2;
    /** Most partitions per rule base; past it, the whole rule base. */
    static final int MAX_PARTITIONS = 256;
    /**
     * Largest partition, as a share of the rules: a set that keeps more would save little and
     * cost much to compile and keep (with few gates, every set would be most of the rule base).
     */
    static final double MAX_SHARE = 0.5;
    /** Most sets counted; bounds memory whatever the input. */
    private static final int MAX_COUNTED = 4096;

    private final CompiledRules whole;
    private final List<Rule> rules;
    private final RuleGates gates;
    private final int sightings;
    private final Map<RuleSet, AtomicInteger> seen = new ConcurrentHashMap<>();
    // Absent: not built yet; empty: unusable (the whole rule base is used).
    private final Map<RuleSet, Optional<CompiledRules>> built = new ConcurrentHashMap<>();
    // Sets handed to the compiler thread, built or not: each is compiled at most once.
    private final Set<RuleSet> queued = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor compiler;

    /**
     * @param whole     the whole rule base compiled, whose model partitions are compiled from;
     *                  null when partitions are not wanted
     * @param sightings cases of a set seen before it is compiled ({@link #SIGHTINGS}; 1: at its first)
     */
    Partitions(CompiledRules whole, List<Rule> rules, int sightings) {
        this.whole = whole;
        this.rules = rules;
        this.gates = new RuleGates(rules);
        this.sightings = sightings;
        // One thread at most, gone after a minute idle: a rule base holds no thread while unused,
        // and compiles never compete with each other for the cores diagnoses need.
        this.compiler = new ThreadPoolExecutor(0, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "pajakdx-partitions");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** The same rules with another number of sightings (1: compile at a set's first case). */
    Partitions withSightings(int n) {
        return new Partitions(whole, rules, n);
    }

    /** The KieBase to diagnose these findings with: their partition when it is built, else {@code whole}. */
    CompiledRules choose(Map<String, Finding> findings, CompiledRules whole) {
        if (this.whole == null) {
            return whole;
        }
        RuleSet possible = gates.candidateSet(findings);
        if (possible.size() > rules.size() * MAX_SHARE) {
            return whole;
        }
        Optional<CompiledRules> part = built.get(possible);
        boolean coldStart = part == null && !this.whole.ready();
        if (coldStart) {
            part = loadNow(possible);
        }
        if (part != null) {
            return part.orElse(whole);
        }
        // A stored set is loaded at its first case (a cold start has just found it is not stored).
        if (!queued.contains(possible) && queued.size() < MAX_PARTITIONS
                && (seenAgain(possible) || !coldStart && this.whole.stored(names(possible))) && queued.add(possible)) {
            compiler.execute(() -> {
                try {
                    built.put(possible, compile(possible));
                } catch (OutOfMemoryError e) { // not even room to record it: the whole rule base answers for the set
                    pajakdx.engine.OutOfMemory.note(e);
                }
            });
        }
        return whole;
    }

    /**
     * A cold start: the whole network is not loaded (or still loading), and loading this set's own
     * network from the cache (a few dozen rules, no compile) is the shorter wait. Loaded outside
     * the map, so no lock is held during I/O; two threads may both load it, and one wins. Null
     * when the cache does not hold it.
     */
    private Optional<CompiledRules> loadNow(RuleSet possible) {
        if (built.size() >= MAX_PARTITIONS) {
            return null;
        }
        CompiledRules stored = this.whole.loadStored(names(possible));
        if (stored == null) {
            return null;
        }
        Optional<CompiledRules> loaded = Optional.of(stored);
        Optional<CompiledRules> earlier = built.putIfAbsent(possible, loaded);
        return earlier != null ? earlier : loaded;
    }

    /** Counts a case of {@code set}; true once it has been seen {@link #sightings} times. */
    private boolean seenAgain(RuleSet set) {
        AtomicInteger n = seen.get(set);
        if (n == null) {
            if (seen.size() >= MAX_COUNTED) {
                return false;
            }
            n = seen.computeIfAbsent(set, k -> new AtomicInteger());
        }
        return n.incrementAndGet() >= sightings;
    }

    /** Waits until every partition handed to the compiler is built (for tests and benchmarks). */
    void awaitCompiled() {
        if (queued.isEmpty()) {
            return; // nothing was handed over (starting the idle executor's thread alone costs a one-off run ~60 ms)
        }
        try {
            compiler.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private Set<String> names(RuleSet set) {
        Set<String> keep = new HashSet<>();
        for (int i = 0; i < set.size(); i++) {
            keep.add(rules.get(set.get(i)).name());
        }
        return keep;
    }

    private Optional<CompiledRules> compile(RuleSet possible) {
        Set<String> keep = names(possible);
        try {
            // From the model the whole rule base was compiled from: no file is read again.
            CompiledRules part = whole.subset(keep);
            if (part == null) {
                LOG.warn("{} rules could not be compiled apart; the whole rule base is used for them", keep.size());
            }
            return Optional.ofNullable(part);
        } catch (RuntimeException | Error e) { // never leave a set queued but unbuilt
            pajakdx.engine.OutOfMemory.note(e);
            try {
                if (warns(e)) {
                    LOG.warn("{} rules could not be compiled apart ({}); the whole rule base is used for them",
                            keep.size(), e.toString());
                } else {
                    LOG.debug("{} rules could not be compiled apart ({})", keep.size(), e.toString());
                }
            } catch (OutOfMemoryError warningToo) {
                // no memory left even to say so: the command that runs out says it
            }
            return Optional.empty();
        }
    }

    /**
     * Whether a set that failed to compile with {@code e} is worth a warning: not when the heap ran
     * out. Then the command that runs out says so in its user's language, with what to do; an
     * English log line before it would only repeat it, less clearly (and the whole rule base
     * answers for the set meanwhile, giving the same diagnosis).
     */
    static boolean warns(Throwable e) {
        return pajakdx.engine.OutOfMemory.behind(e) == null;
    }
}
