package pajakdx;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A rule base that can be reloaded while other threads keep diagnosing. Each diagnosis uses
 * one whole rule base, old or new, never a mix. A reload that fails keeps the last good rule
 * base and reports the problems.
 *
 * <pre>{@code
 * LiveRuleBase live = LiveRuleBase.load(Path.of("rules"));
 * Diagnosis d = live.diagnose(someCase);        // from any thread
 * List<Problem> problems = live.reload();       // empty: the new rules are in use
 * }</pre>
 */
public final class LiveRuleBase {
    private final Supplier<RuleBase> loader;
    private final AtomicReference<RuleBase> current;

    private LiveRuleBase(Supplier<RuleBase> loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.current = new AtomicReference<>(loader.get());
    }

    /**
     * Loads {@code dir} now and on every {@link #reload()}.
     *
     * @throws RuleBaseException when the first load fails (there is no last good rule base yet)
     */
    public static LiveRuleBase load(Path dir) {
        return new LiveRuleBase(() -> RuleBase.load(dir));
    }

    /** Reloads with any loader, e.g. {@code RuleBase::bundled}. */
    public static LiveRuleBase of(Supplier<RuleBase> loader) {
        return new LiveRuleBase(loader);
    }

    /** The rule base in use now. Keep the reference for a series of calls that must agree. */
    public RuleBase current() {
        return current.get();
    }

    /** Diagnoses with the rule base in use at the moment of the call. */
    public Diagnosis diagnose(Case c) {
        return current.get().diagnose(c);
    }

    /** Diagnoses with the rule base in use at the moment of the call. */
    public Diagnosis diagnose(Case c, DiagnoseOptions options) {
        return current.get().diagnose(c, options);
    }

    /**
     * Loads the rules again and swaps them in atomically.
     *
     * @return the problems found; empty when the new rules are in use, otherwise the last good
     *     rule base stays in use
     */
    public List<Problem> reload() {
        try {
            current.set(loader.get());
            return List.of();
        } catch (PajakDxException e) {
            return e.problems();
        }
    }
}
