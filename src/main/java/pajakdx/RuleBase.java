package pajakdx;

import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.base.CaseException;
import pajakdx.base.RuleBaseException;
import pajakdx.base.RuleFailureException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import pajakdx.collect.CollectedFacts;
import pajakdx.collect.FactCollector;
import pajakdx.engine.CheckReport;
import pajakdx.engine.Checker;
import pajakdx.engine.CompiledRules;
import pajakdx.engine.LiveSession;
import pajakdx.engine.RuleCache;
import pajakdx.internal.RuleBases;
import pajakdx.engine.Snapshot;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.RuleFolder;
import pajakdx.knowledge.Rule;

/**
 * A loaded rule base: the catalog and the compiled rules of one rules folder. Load it once and
 * share it; it is immutable and {@link #diagnose} is safe to call from many threads at once
 * (each call uses its own Drools session).
 *
 * <pre>{@code
 * RuleBase rules = RuleBase.bundled();                    // or RuleBase.load(Path.of("rules"))
 * Diagnosis d = rules.diagnose(Case.read(Path.of("facts/coretax/impersonate-badan-never-logged-in.yaml")));
 * d.causes().get(0).status();                             // "confirmed"
 * String json = d.toJson();
 * }</pre>
 */
public final class RuleBase {
    static {
        // PajakDx's own tools reach the catalog and rules through this door; embedders do not.
        RuleBases.open(new RuleBases.Door() {
            @Override
            public RuleBases.Parts parts(Object ruleBase) {
                RuleBase r = (RuleBase) ruleBase;
                return new RuleBases.Parts(r.catalog, r.rules);
            }

            @Override
            public Object load(RuleFolder folder, RuleCache cache, boolean manyCases) {
                return RuleBase.load(folder, cache, manyCases);
            }

            @Override
            public void settle(Object ruleBase) {
                ((RuleBase) ruleBase).awaitPartitions();
            }
        });
    }

    /** Default limit of rule firings per diagnosis; past it the rules are taken to loop. */
    public static final int DEFAULT_FIRE_LIMIT = 10_000;
    /** Default time limit per diagnosis, checked before each firing (see {@link LiveSession#fire()}). */
    public static final Duration DEFAULT_TIME_LIMIT = LiveSession.DEFAULT_TIME_LIMIT;

    private final String origin;
    private final Catalog catalog;
    private final CompiledRules compiled;
    private final List<Rule> rules;
    private final DiagnosisBuilder builder;
    private final int fireLimit;
    private final List<Problem> warnings;
    private final Duration timeLimit;
    private final Partitions partitions;

    RuleBase(String origin, Catalog catalog, CompiledRules compiled, List<Rule> rules, List<Problem> warnings,
             int fireLimit) {
        this(origin, catalog, compiled, rules, warnings, fireLimit, DEFAULT_TIME_LIMIT, null);
    }

    /** @param partitions smaller networks per problem (see {@link Partitions}); null: none */
    private RuleBase(String origin, Catalog catalog, CompiledRules compiled, List<Rule> rules, List<Problem> warnings,
                     int fireLimit, Duration timeLimit, Partitions partitions) {
        this.origin = origin;
        this.catalog = catalog;
        this.compiled = compiled;
        this.rules = List.copyOf(rules);
        this.warnings = List.copyOf(warnings);
        this.builder = new DiagnosisBuilder(catalog, this.rules);
        this.fireLimit = fireLimit;
        this.timeLimit = timeLimit;
        this.partitions = partitions != null ? partitions
                : new Partitions(null, this.rules, Partitions.SIGHTINGS);
    }

    /**
     * Loads and compiles the rules folder {@code dir}.
     *
     * @throws RuleBaseException listing every problem as file:line:column: message
     */
    public static RuleBase load(Path dir) {
        return load(RuleFolder.of(dir));
    }

    /** Loads the copy of {@code rules/} bundled with PajakDx. */
    public static RuleBase bundled() {
        return load(RuleFolder.bundled());
    }

    static RuleBase load(RuleFolder folder) {
        return load(folder, null, true);
    }

    /**
     * Strict: a rule base that loads is consistent. Every error {@code pajakdx check} reports
     * (compile errors, unsafe right-hand sides, unknown findings, values, relations or sources,
     * missing texts, rules that can never fire) refuses the load, with the same messages.
     */
    static RuleBase load(RuleFolder folder, RuleCache cache) {
        return load(folder, cache, true);
    }

    /**
     * @param manyCases false for a process that diagnoses one case and ends: the whole network is
     *                  then read from the cache only if that case's partition is not stored there,
     *                  and the partition is compiled at once to be stored for the next start;
     *                  otherwise the network is read in the background at once, so that no case
     *                  waits for it
     */
    static RuleBase load(RuleFolder folder, RuleCache cache, boolean manyCases) {
        CheckReport report = Checker.check(folder, cache);
        if (!report.errors().isEmpty()) {
            throw new RuleBaseException(report.errors());
        }
        if (manyCases) {
            report.compiled().prefetch();
        }
        // Partitions are compiled later from the same model that was checked: the files are never read again.
        List<Rule> rules = List.copyOf(report.rules());
        return new RuleBase(folder.name(), report.catalog(), report.compiled(), rules, report.warnings(),
                DEFAULT_FIRE_LIMIT, DEFAULT_TIME_LIMIT,
                // One case: its partition is compiled (in the background) at once, so that the caller
                // can wait for it to be kept in the cache after its answer is out (see RuleBases.settle).
                new Partitions(report.compiled(), rules, manyCases || cache == null ? Partitions.SIGHTINGS : 1));
    }

    /** A copy with another firing limit per diagnosis. */
    public RuleBase withFireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("fire limit must be positive");
        }
        return new RuleBase(origin, catalog, compiled, rules, warnings, limit, timeLimit, partitions);
    }

    /** A copy with another time limit per diagnosis. */
    public RuleBase withTimeLimit(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive");
        }
        return new RuleBase(origin, catalog, compiled, rules, warnings, fireLimit, limit, partitions);
    }

    /**
     * Diagnoses {@code c} with the default options (explanations on, identifiers masked).
     *
     * @throws CaseException        when the case does not fit the vocabulary (every problem listed)
     * @throws RuleFailureException when a rule throws, loops past the firing limit or runs past the time limit
     */
    public Diagnosis diagnose(Case c) {
        return diagnose(c, DiagnoseOptions.DEFAULT);
    }

    /** Diagnoses {@code c} with {@code options}. */
    public Diagnosis diagnose(Case c, DiagnoseOptions options) {
        try {
            CollectedFacts facts = new FactCollector(catalog, options.clock()).collect(c.input());
            CompiledRules on = partitions.choose(facts.findings(), compiled);
            Snapshot snap = on.runOnce(facts.findings(), facts.asOf(), fireLimit, timeLimit, options.explain());
            return builder.build(c, facts, snap, options.explain(), options.reveal(), options.explainAway());
        } catch (PajakDxException e) {
            throw e; // the case's or a rule's: nothing to do with where the rules came from
        } catch (RuntimeException e) {
            if (pajakdx.engine.OutOfMemory.in(e) != null) {
                throw e; // too small a heap: nothing to do with where the rules came from either
            }
            // A failure no case or rule explains. When the rules came from the rule cache, an entry
            // rewritten with other well-formed content is a likely cause, and would fail every run:
            // dropped, the next load reads the rules again. (This rule base keeps what it holds.)
            if (compiled.dropFromCache()) {
                throw new IllegalStateException("the diagnosis failed on rules read from the rule cache, whose entry"
                        + " is now deleted: the next load of the rules reads them again (" + e + ")", e);
            }
            throw e;
        }
    }

    /**
     * A copy that compiles a partition (see {@link Partitions}) once {@code n} cases of its set
     * were seen, 1 meaning at the first; for tests.
     */
    RuleBase withPartitionSightings(int n) {
        return new RuleBase(origin, catalog, compiled, rules, warnings, fireLimit, timeLimit,
                partitions.withSightings(n));
    }

    /** Waits until the partitions that are due are compiled (for tests and benchmarks). */
    void awaitPartitions() {
        partitions.awaitCompiled();
    }

    /** The KieBase a diagnosis of these findings runs on now (for tests of {@link Partitions}). */
    CompiledRules compiledFor(Map<String, pajakdx.facts.Finding> findings) {
        return partitions.choose(findings, compiled);
    }

    /** Where the rules came from (folder path, or "(bundled rules)"). */
    public String origin() {
        return origin;
    }

    /** The catalog: vocabulary, causes, remedies, sources, relations. */
    Catalog catalog() {
        return catalog;
    }

    /** Every rule, ordered by file and line. */
    List<Rule> rules() {
        return rules;
    }

    /** The rule named {@code name}. */
    Optional<Rule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The compiled rules. */
    CompiledRules compiled() {
        return compiled;
    }

    /** Builder of diagnoses for this rule base (used by consultations). */
    DiagnosisBuilder diagnosisBuilder() {
        return builder;
    }

    /** What {@code pajakdx check} would warn about (unused causes, remedies, findings ...); never blocks loading. */
    public List<Problem> warnings() {
        return warnings;
    }

    /** The firing limit per diagnosis. */
    public int fireLimit() {
        return fireLimit;
    }

    /** The time limit per diagnosis. */
    public Duration timeLimit() {
        return timeLimit;
    }

    @Override
    public String toString() {
        Map<String, Long> perTopic = rules.stream().collect(Collectors.groupingBy(Rule::topic,
                Collectors.counting()));
        return "RuleBase[" + origin + ": " + rules.size() + " rules in " + perTopic.size() + " topics]";
    }
}
