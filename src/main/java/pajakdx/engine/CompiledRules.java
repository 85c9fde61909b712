package pajakdx.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import pajakdx.facts.AsOf;
import pajakdx.facts.Finding;
import pajakdx.knowledge.RuleFile;

/**
 * A rule model compiled by Drools: what sessions run on. Immutable and shareable between
 * threads (Drools' KieBase is); nothing outside this package sees Drools.
 */
public final class CompiledRules {
    // Loaded, or loaded from the rule cache when first needed (see Network).
    private final Network network;
    private final List<RuleFile> files;
    // Where partitions of these rules are kept between runs; null: nowhere.
    private final RuleCache.Shelf shelf;

    CompiledRules(KieBase kieBase, List<RuleFile> files) {
        this(kieBase, files, null);
    }

    CompiledRules(KieBase kieBase, List<RuleFile> files, RuleCache.Shelf shelf) {
        this(Network.of(kieBase), files, shelf);
    }

    /** Rules whose network may still have to be loaded; {@link #kieBase()} loads or waits for it. */
    CompiledRules(Network network, List<RuleFile> files, RuleCache.Shelf shelf) {
        this.network = network;
        this.files = List.copyOf(files);
        this.shelf = shelf;
    }

    KieBase kieBase() {
        return network.get();
    }

    /**
     * Starts loading the whole network in the background, if it is not loaded yet: for a process
     * that will diagnose many cases, so that none waits for it.
     */
    public void prefetch() {
        network.prefetch();
    }

    /** The same rules and cache, as if their network never finished loading (for tests of cold starts). */
    public CompiledRules stillLoading() {
        return new CompiledRules(Network.never(), files, shelf);
    }

    /** False while the whole network is not loaded (not needed yet, or still loading). */
    public boolean ready() {
        return network.ready();
    }

    /** The model these were compiled from. */
    public List<RuleFile> files() {
        return files;
    }

    /** A fresh session with {@code findings} and {@code asOf}, fired once within the limits. */
    public Snapshot runOnce(Map<String, Finding> findings, AsOf asOf, int fireLimit, Duration timeLimit,
                            boolean recordTrace) {
        return LiveSession.runOnce(kieBase(), findings, asOf, fireLimit, timeLimit, recordTrace);
    }

    /** A session whose findings can change between firings. */
    public LiveSession open(int fireLimit, Duration timeLimit, boolean recordTrace) {
        return new LiveSession(kieBase(), fireLimit, timeLimit, recordTrace);
    }

    /**
     * Only the rules named {@code keep}, in a network of their own: loaded from the rule cache
     * when it holds them, else compiled from the same model (never from the files again) and
     * kept there; null when they do not compile.
     */
    public CompiledRules subset(Set<String> keep) {
        CompiledRules stored = loadStored(keep);
        if (stored != null) {
            return stored;
        }
        RuleCompiler.Result r = RuleCompiler.compile(files, keep);
        if (r.kieBase() == null) {
            return null;
        }
        if (shelf != null) {
            shelf.store(keep, r.kieBase());
        }
        return new CompiledRules(r.kieBase(), kept(keep));
    }

    /**
     * The network of the rules {@code keep} as the rule cache holds it, loaded (never compiled)
     * on this thread; null when the cache does not hold it.
     */
    public CompiledRules loadStored(Set<String> keep) {
        KieBase part = shelf == null ? null : shelf.load(keep);
        return part == null ? null : new CompiledRules(part, kept(keep));
    }

    private List<RuleFile> kept(Set<String> keep) {
        return files.stream().map(f -> new RuleFile(f.file(), f.packageName(),
                f.rules().stream().filter(rule -> keep.contains(rule.name())).toList())).toList();
    }

    /**
     * Drops these rules' entry from the rule cache when they were read from it (see
     * {@code RuleCache.Shelf#discardIfRead}): called when a diagnosis on them failed in a way no
     * case or rule explains, so that the next load reads the rules again.
     *
     * @return true when the entry was deleted
     */
    public boolean dropFromCache() {
        return shelf != null && shelf.discardIfRead();
    }

    /** True when the rule cache holds the network of exactly the rules {@code keep}. */
    public boolean stored(Set<String> keep) {
        return shelf != null && shelf.holds(keep);
    }

    /** The canonical DRL Drools compiles for this model (for `rules --drl` and tests). */
    public String canonicalDrl() {
        StringBuilder s = new StringBuilder();
        for (RuleFile f : files) {
            s.append("// ").append(f.file()).append('\n').append(DrlPrinter.print(f, f.rules()).text()).append('\n');
        }
        return s.toString();
    }
}
