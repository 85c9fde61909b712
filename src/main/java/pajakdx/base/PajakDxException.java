package pajakdx.base;

import java.util.List;

/**
 * Base of every exception PajakDx throws on purpose. Each carries one or more {@link Problem}s,
 * each naming where (file, line or field) and what is wrong, ready to print as it is.
 */
public class PajakDxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public PajakDxException(List<Problem> problems) {
        super(Problem.describe(problems));
        this.problems = List.copyOf(problems);
    }

    public PajakDxException(Problem problem) {
        this(List.of(problem));
    }

    /** Everything that went wrong, in the order found. */
    public List<Problem> problems() {
        return problems;
    }
}
