package pajakdx.base;

import java.util.List;

/** A case (file, JSON line or API input) cannot be read or does not fit the vocabulary. */
public class CaseException extends PajakDxException {
    private static final long serialVersionUID = 1L;

    public CaseException(List<Problem> problems) {
        super(problems);
    }

    public CaseException(Problem problem) {
        super(problem);
    }
}
