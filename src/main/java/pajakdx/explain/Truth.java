package pajakdx.explain;

/** Three-valued truth of a condition against what is known so far. */
public enum Truth {
    MET, FAILED, UNKNOWN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
