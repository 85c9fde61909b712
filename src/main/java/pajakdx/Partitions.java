package pajakdx;

import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pajakdx.explain.RuleGates;
import pajakdx.facts.Finding;
import pajakdx.knowledge.RuleCompiler;
import pajakdx.knowledge.RuleInfo;

/**
 * Smaller networks for the cases that recur. Drools propagates every fact into every rule that
 * tests its type — the one AsOf of a case reaches every dated rule of every topic — so a
 * session over the whole rule base costs in proportion to its size. Yet almost every rule starts
 * with a gate, {@code Finding(id == "problem", value == ...)} or another finding tested for
 * listed values, that fails outright for most cases (see {@link RuleGates}); the rules no gate
 * fails are the only ones that can fire, rules never changing findings. Once the same set of
 * such rules has come up {@link #threshold} times on a rule base, those rules are compiled into
 * a KieBase of their own and used for it from then on: the diagnosis is the same (the rules
 * left out cannot fire), its cost follows the topic instead of the whole knowledge. One-off
 * diagnoses (the CLI, a REPL) never pay for the extra compile.
 */
final class Partitions {
    private static final Logger LOG = LoggerFactory.getLogger(Partitions.class);
    /** Diagnoses with one set of possible rules before that set is compiled apart. */
    static final int DEFAULT_THRESHOLD = 8;
    /** Most partitions per rule base (each is a small KieBase); past it, the whole rule base. */
    static final int MAX_PARTITIONS = 256;
    /** Most sets counted; bounds memory whatever the input. */
    private static final int MAX_COUNTED = 4096;

    private final Map<String, String> drlTexts;
    private final List<RuleInfo> rules;
    private final RuleGates gates;
    private final int threshold;
    private final Map<BitSet, AtomicInteger> seen = new ConcurrentHashMap<>();
    // Absent: not built yet; empty: unusable (the whole rule base is used).
    private final Map<BitSet, Optional<KieBase>> built = new ConcurrentHashMap<>();

    /**
     * @param drlTexts the DRL files (path → text, in compile order) the whole rule base was
     *                 compiled from, or null when they are not known (no partitions are made)
     */
    Partitions(Map<String, String> drlTexts, List<RuleInfo> rules, int threshold) {
        // In file order, as the whole rule base was compiled: the order of firings depends on it.
        this.drlTexts = drlTexts == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(drlTexts));
        this.rules = rules;
        this.gates = new RuleGates(rules);
        this.threshold = threshold;
    }

    /** The same rules and texts with another threshold (0: partition from the first diagnosis). */
    Partitions withThreshold(int newThreshold) {
        return new Partitions(drlTexts, rules, newThreshold);
    }

    /** The KieBase to diagnose these findings with: a partition when one is due, else {@code whole}. */
    KieBase forFindings(Map<String, Finding> findings, KieBase whole) {
        if (drlTexts == null) {
            return whole;
        }
        BitSet possible = gates.candidateSet(findings);
        if (possible.cardinality() >= rules.size()) {
            return whole;
        }
        Optional<KieBase> part = built.get(possible);
        if (part == null) {
            AtomicInteger count = seen.get(possible);
            if (count == null) {
                if (seen.size() >= MAX_COUNTED) {
                    return whole;
                }
                count = seen.computeIfAbsent(possible, k -> new AtomicInteger());
            }
            if (count.incrementAndGet() <= threshold || built.size() >= MAX_PARTITIONS) {
                return whole;
            }
            part = built.computeIfAbsent(possible, this::compile);
        }
        return part.orElse(whole);
    }

    private Optional<KieBase> compile(BitSet possible) {
        Set<String> keep = new HashSet<>();
        Set<String> files = new HashSet<>();
        for (int i = possible.nextSetBit(0); i >= 0; i = possible.nextSetBit(i + 1)) {
            keep.add(rules.get(i).name());
            files.add(rules.get(i).at().file());
        }
        // Only the files holding those rules are parsed again: the cost follows the partition.
        Map<String, String> texts = new LinkedHashMap<>();
        drlTexts.forEach((file, text) -> {
            if (files.contains(file)) {
                texts.put(file, text);
            }
        });
        try {
            KieBase base = RuleCompiler.compileSubset(texts, keep);
            if (base == null) {
                LOG.warn("{} rules could not be compiled apart; the whole rule base is used for them", keep.size());
            }
            return Optional.ofNullable(base);
        } catch (RuntimeException e) {
            LOG.warn("{} rules could not be compiled apart ({}); the whole rule base is used for them", keep.size(),
                    e.toString());
            return Optional.empty();
        }
    }
}
