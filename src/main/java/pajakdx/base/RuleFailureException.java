package pajakdx.base;

/**
 * A rule misbehaved while diagnosing: its right-hand side threw, or rules kept firing past the
 * firing limit (a loop). The message names the rule.
 */
public class RuleFailureException extends PajakDxException {
    private static final long serialVersionUID = 1L;
    private final String rule;

    public RuleFailureException(String rule, String message) {
        super(Problem.of(message));
        this.rule = rule;
    }

    /** Name of the rule at fault. */
    public String rule() {
        return rule;
    }
}
