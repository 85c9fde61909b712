package pajakdx;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pajakdx.explain.RuleGates;
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
 * Compiling costs tens of milliseconds, so it is done like renting skis before buying them:
 * once the sessions spent on the whole rule base for one set add up to what compiling that set
 * is expected to cost. A one-off or small run (the CLI, a REPL) never pays for a compile; a
 * batch or a service does when its cases recur, sooner the larger the rule base.
 * <p>
 * Nothing is compiled on a diagnosing thread: a set that is due is handed to one background
 * daemon thread of this rule base (it ends when idle), and the whole rule base answers for the
 * set until its partition is ready. A request never waits for a compile.
 */
final class Partitions {
    private static final Logger LOG = LoggerFactory.getLogger(Partitions.class);
    /**
     * Expected cost of compiling a partition, a model: a fixed part and a part per rule (the 38
     * partitions of the bundled rules took 1 to 74 ms to compile, 46 ms on average).
     */
    static final long COMPILE_NANOS_FIXED = 20_000_000;
    static final long COMPILE_NANOS_PER_RULE = 1_500_000;
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
    private final double budgetFactor;
    private final Map<BitSet, AtomicLong> spent = new ConcurrentHashMap<>();
    // Absent: not built yet; empty: unusable (the whole rule base is used).
    private final Map<BitSet, Optional<CompiledRules>> built = new ConcurrentHashMap<>();
    // Sets handed to the compiler thread, built or not: each is compiled at most once.
    private final Set<BitSet> queued = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor compiler;

    /** What a diagnosis runs on; {@code key} is null when no partition could ever serve it. */
    record Choice(CompiledRules base, BitSet key) {
    }

    /**
     * @param whole        the whole rule base compiled, whose model partitions are compiled from;
     *                     null when partitions are not wanted
     * @param budgetFactor how much whole-rule-base session time, as a multiple of the expected
     *                     compile cost, a set must use before it is compiled (1; 0: at once)
     */
    Partitions(CompiledRules whole, List<Rule> rules, double budgetFactor) {
        this.whole = whole;
        this.rules = rules;
        this.gates = new RuleGates(rules);
        this.budgetFactor = budgetFactor;
        // One thread at most, gone after a minute idle: a rule base holds no thread while unused,
        // and compiles never compete with each other for the cores diagnoses need.
        this.compiler = new ThreadPoolExecutor(0, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "pajakdx-partitions");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** The same rules and texts with another budget factor (0: compile at the first diagnosis). */
    Partitions withBudgetFactor(double factor) {
        return new Partitions(whole, rules, factor);
    }

    /** The KieBase to diagnose these findings with: their partition when it is built or due, else {@code whole}. */
    Choice choose(Map<String, Finding> findings, CompiledRules whole) {
        if (this.whole == null) {
            return new Choice(whole, null);
        }
        BitSet possible = gates.candidateSet(findings);
        if (possible.cardinality() > rules.size() * MAX_SHARE) {
            return new Choice(whole, null);
        }
        Optional<CompiledRules> part = built.get(possible);
        if (part == null) {
            AtomicLong used = spent.get(possible);
            long usedNanos = used == null ? 0 : used.get();
            double budget = budgetFactor * (COMPILE_NANOS_FIXED + COMPILE_NANOS_PER_RULE * (double) possible.cardinality());
            if (usedNanos >= budget && queued.size() < MAX_PARTITIONS && queued.add(possible)) {
                compiler.execute(() -> built.put(possible, compile(possible)));
            }
            return new Choice(whole, possible);
        }
        return new Choice(part.orElse(whole), part.isPresent() ? null : possible);
    }

    /** Waits until every partition handed to the compiler is built (for tests and benchmarks). */
    void awaitCompiled() {
        try {
            compiler.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Counts a session's time against its set's budget (only sessions run on the whole rule base). */
    void spent(Choice choice, long nanos) {
        if (choice.key() == null || queued.contains(choice.key())) {
            return;
        }
        AtomicLong used = spent.get(choice.key());
        if (used == null) {
            if (spent.size() >= MAX_COUNTED) {
                return;
            }
            used = spent.computeIfAbsent(choice.key(), k -> new AtomicLong());
        }
        used.addAndGet(nanos);
    }

    private Optional<CompiledRules> compile(BitSet possible) {
        Set<String> keep = new HashSet<>();
        for (int i = possible.nextSetBit(0); i >= 0; i = possible.nextSetBit(i + 1)) {
            keep.add(rules.get(i).name());
        }
        try {
            // From the model the whole rule base was compiled from: no file is read again.
            CompiledRules part = whole.subset(keep);
            if (part == null) {
                LOG.warn("{} rules could not be compiled apart; the whole rule base is used for them", keep.size());
            }
            return Optional.ofNullable(part);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("{} rules could not be compiled apart ({}); the whole rule base is used for them", keep.size(),
                    e.toString());
            return Optional.empty();
        }
    }
}
