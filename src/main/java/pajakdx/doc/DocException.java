package pajakdx.doc;

import pajakdx.base.Problem;

/** A document could not be parsed, or a node does not have the expected shape. */
public final class DocException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public DocException(String file, int line, int column, String message) {
        this(new Problem(file, line, column, null, message));
    }

    public DocException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    /** Complains about {@code node}: names its file, line and path. */
    public static DocException at(Node node, String message) {
        Node.Where w = node.where();
        return new DocException(new Problem(w.file(), w.line(), w.column(),
                w.path().isEmpty() ? null : w.path(), message));
    }

    public Problem problem() {
        return problem;
    }
}
