package pajakdx.engine;

/**
 * A Java heap too small for the work is a condition of the machine, not a fault of the rules, the
 * case or the rule cache: wherever it surfaces (on the thread that compiles, wrapped by Drools'
 * parallel compile, or reported by its Java compiler as a compile error), it must reach the
 * command line as itself, which says so and how to give Java more.
 */
public final class OutOfMemory {
    private OutOfMemory() {
    }

    /** The first one caught in this process where it was not let through (see {@link #note}). */
    private static volatile OutOfMemoryError noted;

    /** The {@link OutOfMemoryError} that {@code t} is or was caused by; null when none. */
    public static OutOfMemoryError in(Throwable t) {
        for (int depth = 0; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /**
     * Records {@code t} when it is or was caused by an {@link OutOfMemoryError}: called where a
     * failure is caught and left behind (a background read, write or compile). A class whose
     * initialisation ran out of memory there fails later on any thread with a
     * {@code NoClassDefFoundError} that no longer names the cause (see {@link #behind}).
     */
    public static void note(Throwable t) {
        OutOfMemoryError oom = in(t);
        if (oom != null && noted == null) {
            noted = oom;
        }
    }

    /**
     * The {@link OutOfMemoryError} behind {@code t}: among its causes, or, when {@code t} is or was
     * caused by a {@link LinkageError} (a class that could not be initialised) and memory ran out
     * earlier in this process, that earlier one. Null when none.
     */
    public static OutOfMemoryError behind(Throwable t) {
        OutOfMemoryError oom = in(t);
        if (oom != null) {
            return oom;
        }
        for (int depth = 0; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof LinkageError) {
                return noted;
            }
        }
        return null;
    }

    /** Throws the {@link OutOfMemoryError} behind {@code t} ({@link #behind}), if there is one. */
    static void rethrow(Throwable t) {
        OutOfMemoryError oom = behind(t);
        if (oom != null) {
            throw oom;
        }
    }
}
