package pajakdx;

import java.time.Clock;
import java.util.Objects;

/**
 * How to diagnose.
 *
 * @param explain include HOW, WHY NOT and the firing trace (off: causes, remedies, questions only)
 * @param reveal  show NPWP/NIK in full instead of masked
 * @param clock   gives "today" for cases without an as-of (rules never read it)
 * @param explainAway once a confirmed cause accounts for a problem, show the problem's other
 *                causes as {@code not-needed} and ask nothing more about them (on by default;
 *                off: they stay suspected and their questions stay, as when an agent goes on)
 */
public record DiagnoseOptions(boolean explain, boolean reveal, Clock clock, boolean explainAway) {
    /** Explain, mask identifiers, system clock, explain away. */
    public static final DiagnoseOptions DEFAULT = new DiagnoseOptions(true, false, Clock.systemUTC(), true);

    public DiagnoseOptions {
        Objects.requireNonNull(clock, "clock");
    }

    /** The options of version 0.2.0, explaining away on. */
    public DiagnoseOptions(boolean explain, boolean reveal, Clock clock) {
        this(explain, reveal, clock, true);
    }

    public DiagnoseOptions withExplain(boolean value) {
        return new DiagnoseOptions(value, reveal, clock, explainAway);
    }

    public DiagnoseOptions withReveal(boolean value) {
        return new DiagnoseOptions(explain, value, clock, explainAway);
    }

    public DiagnoseOptions withClock(Clock value) {
        return new DiagnoseOptions(explain, reveal, value, explainAway);
    }

    /** Explaining away on (the default) or off (every cause keeps the status its rules give it). */
    public DiagnoseOptions withExplainAway(boolean value) {
        return new DiagnoseOptions(explain, reveal, clock, value);
    }
}
