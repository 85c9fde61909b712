package pajakdx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import pajakdx.collect.CollectedFacts;
import pajakdx.collect.FactCollector;
import pajakdx.engine.LiveSession;
import pajakdx.engine.Snapshot;
import pajakdx.explain.DiagnosisBuilder;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.CatalogReader;
import pajakdx.knowledge.RuleCache;
import pajakdx.knowledge.RuleCompiler;
import pajakdx.knowledge.RuleFolder;
import pajakdx.knowledge.RuleInfo;

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
    /** Default limit of rule firings per diagnosis; past it the rules are taken to loop. */
    public static final int DEFAULT_FIRE_LIMIT = 10_000;

    private final String origin;
    private final Catalog catalog;
    private final KieBase kieBase;
    private final List<RuleInfo> rules;
    private final DiagnosisBuilder builder;
    private final int fireLimit;

    RuleBase(String origin, Catalog catalog, KieBase kieBase, List<RuleInfo> rules, int fireLimit) {
        this.origin = origin;
        this.catalog = catalog;
        this.kieBase = kieBase;
        this.rules = List.copyOf(rules);
        this.builder = new DiagnosisBuilder(catalog, this.rules);
        this.fireLimit = fireLimit;
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

    /**
     * Like {@link #load(Path)}, but takes the compiled rules from {@code cache} when the folder's
     * files are byte for byte those of a previous load (and stores them there otherwise).
     */
    public static RuleBase load(Path dir, RuleCache cache) {
        return load(RuleFolder.of(dir), cache);
    }

    /** Like {@link #bundled()}, through {@code cache}. */
    public static RuleBase bundled(RuleCache cache) {
        return load(RuleFolder.bundled(), cache);
    }

    static RuleBase load(RuleFolder folder) {
        return load(folder, null);
    }

    static RuleBase load(RuleFolder folder, RuleCache cache) {
        List<Problem> problems = new ArrayList<>();
        Catalog catalog = CatalogReader.read(folder.root(), folder.files(".yaml"), problems);
        List<String> drl = folder.files(".drl");
        if (drl.isEmpty()) {
            problems.add(Problem.at(folder.name(), 0, 0, "no .drl files in the rules folder"));
        }
        RuleCompiler.Result compiled = cache == null || drl.isEmpty() ? RuleCompiler.compile(folder.root(), drl)
                : cache.compile(folder, drl);
        problems.addAll(compiled.errors());
        if (compiled.kieBase() != null) {
            problems.addAll(unknownConclusions(catalog, compiled.rules()));
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
        return new RuleBase(folder.name(), catalog, compiled.kieBase(), compiled.rules(), DEFAULT_FIRE_LIMIT);
    }

    /** A rule that concludes a cause or remedy the catalog does not declare has no texts to show. */
    private static List<Problem> unknownConclusions(Catalog catalog, List<RuleInfo> rules) {
        List<Problem> out = new ArrayList<>();
        for (RuleInfo r : rules) {
            for (var k : r.conclusions()) {
                boolean known = k.target() == pajakdx.knowledge.Conclusion.Target.CAUSE
                        ? catalog.causes().containsKey(k.id()) : catalog.remedies().containsKey(k.id());
                if (!known) {
                    out.add(Problem.at(r.at().file(), r.at().line(), 0, "rule '" + r.name() + "' concludes "
                            + k.target().name().toLowerCase(java.util.Locale.ROOT) + " '" + k.id()
                            + "', which no catalog file declares"));
                }
            }
        }
        return out;
    }

    /** A copy with another firing limit per diagnosis. */
    public RuleBase withFireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("fire limit must be positive");
        }
        return new RuleBase(origin, catalog, kieBase, rules, limit);
    }

    /**
     * Diagnoses {@code c} with the default options (explanations on, identifiers masked).
     *
     * @throws CaseException        when the case does not fit the vocabulary (every problem listed)
     * @throws RuleFailureException when a rule throws or loops past the firing limit
     */
    public Diagnosis diagnose(Case c) {
        return diagnose(c, DiagnoseOptions.DEFAULT);
    }

    /** Diagnoses {@code c} with {@code options}. */
    public Diagnosis diagnose(Case c, DiagnoseOptions options) {
        CollectedFacts facts = new FactCollector(catalog, options.clock()).collect(c);
        Snapshot snap = LiveSession.runOnce(kieBase, facts.findings(), facts.asOf(), fireLimit, options.explain());
        return builder.build(c, facts, snap, options.explain(), options.reveal());
    }

    /** Where the rules came from (folder path, or "(bundled rules)"). */
    public String origin() {
        return origin;
    }

    /** The catalog: vocabulary, causes, remedies, sources, relations. */
    public Catalog catalog() {
        return catalog;
    }

    /** Every rule, ordered by file and line. */
    public List<RuleInfo> rules() {
        return rules;
    }

    /** The rule named {@code name}. */
    public Optional<RuleInfo> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The compiled Drools rule base (for embedders that need Drools itself; share, never modify). */
    public KieBase kieBase() {
        return kieBase;
    }

    /** Builder of diagnoses for this rule base (used by the REPL's live sessions). */
    public DiagnosisBuilder diagnosisBuilder() {
        return builder;
    }

    /** The firing limit per diagnosis. */
    public int fireLimit() {
        return fireLimit;
    }

    @Override
    public String toString() {
        Map<String, Long> perTopic = rules.stream().collect(Collectors.groupingBy(RuleInfo::topic,
                Collectors.counting()));
        return "RuleBase[" + origin + ": " + rules.size() + " rules in " + perTopic.size() + " topics]";
    }
}
