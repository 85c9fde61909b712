package pajakdx;

import java.time.Clock;
import java.util.Objects;

/**
 * How to diagnose.
 *
 * @param explain include HOW, WHY NOT and the firing trace (off: causes, remedies, questions only)
 * @param reveal  show NPWP/NIK in full instead of masked
 * @param clock   gives "today" for cases without an as-of (rules never read it)
 */
public record DiagnoseOptions(boolean explain, boolean reveal, Clock clock) {
    /** Explain, mask identifiers, system clock. */
    public static final DiagnoseOptions DEFAULT = new DiagnoseOptions(true, false, Clock.systemUTC());

    public DiagnoseOptions {
        Objects.requireNonNull(clock, "clock");
    }

    public DiagnoseOptions withExplain(boolean value) {
        return new DiagnoseOptions(value, reveal, clock);
    }

    public DiagnoseOptions withReveal(boolean value) {
        return new DiagnoseOptions(explain, value, clock);
    }

    public DiagnoseOptions withClock(Clock value) {
        return new DiagnoseOptions(explain, reveal, value);
    }
}
