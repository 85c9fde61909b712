package pajakdx;

import pajakdx.base.Problem;
import pajakdx.base.PajakDxException;
import pajakdx.base.RuleBaseException;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A rule base that can be reloaded while other threads keep diagnosing: for a long-running host
 * (a server, the REPL) whose analysts change the rules folder without a restart.
 *
 * <ul>
 *   <li><b>Atomic.</b> The rule base in use is one immutable {@link RuleBase} behind an
 *       {@link AtomicReference}. A diagnosis reads the reference once, so it runs on one whole
 *       rule base, old or new, never a mix; diagnoses never wait for a reload.</li>
 *   <li><b>Last good kept.</b> {@link #reload()} compiles and lints the folder first (as
 *       {@link RuleBase#load} does, with the same messages) and swaps only when that succeeds;
 *       on any error it returns the problems and the previous rule base stays in use.</li>
 *   <li><b>One reload at a time.</b> Reloads are serialised, so a slow reload that read older
 *       files can never overwrite the result of a later one.</li>
 * </ul>
 *
 * <pre>{@code
 * LiveRuleBase live = LiveRuleBase.load(Path.of("rules"));
 * Diagnosis d = live.diagnose(someCase);        // from any thread
 * List<Problem> problems = live.reload();       // empty: the new rules are in use
 * RuleBase pinned = live.current();             // one rule base for a series of calls that must agree
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
    public synchronized List<Problem> reload() {
        try {
            current.set(loader.get());
            return List.of();
        } catch (PajakDxException e) {
            return e.problems();
        } catch (RuntimeException | Error e) {
            // Anything else (an unreadable folder, a failure inside Drools, even a JVM error such
            // as running out of stack) must not cost the host its working rule base either, nor
            // reach it as a throw it did not expect.
            return List.of(Problem.of("reload failed (" + e.getClass().getSimpleName() + "); the last good rules"
                    + " stay in use" + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
    }
}
