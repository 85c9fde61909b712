package pajakdx.explain;

/** Three-valued truth of a condition against what is known so far. */
public enum Truth {
    MET, FAILED, UNKNOWN;

    // Computed once: labels are written for every cause, remedy and condition in a diagnosis.
    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    public String label() {
        return label;
    }
}
