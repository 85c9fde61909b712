package pajakdx.regex;

/** A pattern that {@link LinearRegex} does not accept; {@link #index()} is where the trouble starts. */
public final class RegexSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int index;

    public RegexSyntaxException(String message, int index) {
        super(message);
        this.index = index;
    }

    /** 0-based position in the pattern. */
    public int index() {
        return index;
    }
}
