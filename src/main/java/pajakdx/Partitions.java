package pajakdx;

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
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.RuleCompiler;
import pajakdx.knowledge.RuleInfo;

/**
 * Smaller networks for cases that state their problem. Almost every rule starts with
 * {@code Finding(id == "problem", value == ...)}, so a case about one problem can only fire the
 * rules admitting that value (and the few not limited by the problem). Drools still propagates
 * every fact into every rule that tests its type — the one AsOf of a case reaches every dated
 * rule of every topic — so a session over the whole rule base costs in proportion to its size.
 * Once one problem value has been diagnosed {@link #threshold} times on a rule base, its rules
 * are compiled into a KieBase of their own and used for that value from then on: the
 * diagnosis is the same (the rules left out cannot fire), its cost follows the topic instead of
 * the whole knowledge. One-off diagnoses (the CLI, a REPL) never pay for the extra compile.
 */
final class Partitions {
    private static final Logger LOG = LoggerFactory.getLogger(Partitions.class);
    /** Diagnoses of one problem value before its partition is compiled. */
    static final int DEFAULT_THRESHOLD = 64;

    private final Map<String, String> drlTexts;
    private final List<RuleInfo> rules;
    private final Map<RuleInfo, Set<String>> admitted = new LinkedHashMap<>();
    private final int threshold;
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    // Absent: not built yet; empty: built and unusable (keep the whole rule base).
    private final Map<String, Optional<KieBase>> built = new ConcurrentHashMap<>();

    /**
     * @param drlTexts the DRL files (path → text) the whole rule base was compiled from, or null
     *                 when they are not known (partitions are then never made)
     */
    Partitions(Map<String, String> drlTexts, List<RuleInfo> rules, int threshold) {
        // In file order, as the whole rule base was compiled: the order of firings depends on it.
        this.drlTexts = drlTexts == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(drlTexts));
        this.rules = rules;
        this.threshold = threshold;
        for (RuleInfo r : rules) {
            admitted.put(r, RuleGates.admittedValuesOf(r.condition(), Catalog.PROBLEM));
        }
    }

    /** The same rules and texts with another threshold (0: partition from the first diagnosis). */
    Partitions withThreshold(int newThreshold) {
        return new Partitions(drlTexts, rules, newThreshold);
    }

    /** The KieBase to diagnose these findings with: a partition when one is due, else {@code whole}. */
    KieBase forFindings(Map<String, Finding> findings, KieBase whole) {
        Finding problem = findings.get(Catalog.PROBLEM);
        if (drlTexts == null || problem == null || !problem.isKnown()) {
            return whole;
        }
        String value = problem.getValue();
        Optional<KieBase> part = built.get(value);
        if (part == null) {
            if (seen.computeIfAbsent(value, v -> new AtomicInteger()).incrementAndGet() <= threshold) {
                return whole;
            }
            part = built.computeIfAbsent(value, this::compile);
        }
        return part.orElse(whole);
    }

    /** The names of the rules a case with problem {@code value} can fire, in rule-base order. */
    Set<String> rulesFor(String value) {
        Set<String> keep = new HashSet<>();
        admitted.forEach((rule, values) -> {
            if (values == null || values.contains(value)) {
                keep.add(rule.name());
            }
        });
        return keep;
    }

    private Optional<KieBase> compile(String value) {
        Set<String> keep = rulesFor(value);
        if (keep.size() == rules.size()) {
            return Optional.empty(); // nothing to leave out
        }
        // Only the files holding those rules are parsed again: the cost follows the partition.
        Set<String> files = new HashSet<>();
        for (RuleInfo r : rules) {
            if (keep.contains(r.name())) {
                files.add(r.at().file());
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        drlTexts.forEach((file, text) -> {
            if (files.contains(file)) {
                texts.put(file, text);
            }
        });
        try {
            KieBase base = RuleCompiler.compileSubset(texts, keep);
            if (base == null) {
                LOG.warn("rules for problem '{}' could not be compiled apart; the whole rule base is used", value);
            }
            return Optional.ofNullable(base);
        } catch (RuntimeException e) {
            LOG.warn("rules for problem '{}' could not be compiled apart ({}); the whole rule base is used", value,
                    e.toString());
            return Optional.empty();
        }
    }
}
