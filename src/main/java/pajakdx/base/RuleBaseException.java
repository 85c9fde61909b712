package pajakdx.base;

import java.util.List;

/** The rules folder cannot be loaded: a DRL or catalog file has errors (each with file:line). */
public class RuleBaseException extends PajakDxException {
    private static final long serialVersionUID = 1L;

    public RuleBaseException(List<Problem> problems) {
        super(problems);
    }

    public RuleBaseException(Problem problem) {
        super(problem);
    }
}
