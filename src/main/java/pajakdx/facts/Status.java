package pajakdx.facts;

/** How strongly the evidence supports a cause. */
public enum Status {
    /** Every condition of a concluding rule holds. */
    CONFIRMED("confirmed"),
    /** The problem fits, but a deciding finding is still unknown. */
    SUSPECTED("suspected"),
    /** A known finding contradicts the cause. */
    RULED_OUT("ruled-out");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** The lower-case label used in JSON and case files ({@code ruled-out}). */
    public String label() {
        return label;
    }

    /** Parses {@code confirmed}, {@code suspected}, {@code ruled-out} (or {@code ruled_out}). */
    public static Status parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        for (Status s : values()) {
            if (s.label.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "' (confirmed, suspected, ruled-out)");
    }
}
