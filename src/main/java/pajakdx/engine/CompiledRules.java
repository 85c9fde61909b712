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
    private final KieBase kieBase;
    private final List<RuleFile> files;

    CompiledRules(KieBase kieBase, List<RuleFile> files) {
        this.kieBase = kieBase;
        this.files = List.copyOf(files);
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** The model these were compiled from. */
    public List<RuleFile> files() {
        return files;
    }

    /** A fresh session with {@code findings} and {@code asOf}, fired once within the limits. */
    public Snapshot runOnce(Map<String, Finding> findings, AsOf asOf, int fireLimit, Duration timeLimit,
                            boolean recordTrace) {
        return LiveSession.runOnce(kieBase, findings, asOf, fireLimit, timeLimit, recordTrace);
    }

    /** A session whose findings can change between firings. */
    public LiveSession open(int fireLimit, Duration timeLimit, boolean recordTrace) {
        return new LiveSession(kieBase, fireLimit, timeLimit, recordTrace);
    }

    /**
     * Only the rules named {@code keep}, compiled into a network of their own from the same
     * model (never from the files again); null when they do not compile.
     */
    public CompiledRules subset(Set<String> keep) {
        RuleCompiler.Result r = RuleCompiler.compile(files, keep);
        if (r.kieBase() == null) {
            return null;
        }
        List<RuleFile> kept = files.stream().map(f -> new RuleFile(f.file(), f.packageName(),
                f.rules().stream().filter(rule -> keep.contains(rule.name())).toList())).toList();
        return new CompiledRules(r.kieBase(), kept);
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
