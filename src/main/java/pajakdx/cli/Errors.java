package pajakdx.cli;

import java.io.PrintWriter;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;

/** Prints errors as users need them: one line per problem, no stack trace. */
final class Errors {
    private Errors() {
    }

    /** Prints {@code ex} and returns the exit code it deserves. */
    static int report(Throwable ex, PrintWriter err) {
        if (ex instanceof PajakDxException p) {
            for (Problem problem : p.problems()) {
                err.println("error: " + problem);
            }
            err.flush();
            return Main.BAD_INPUT;
        }
        err.println("internal error: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? ""
                : ": " + ex.getMessage().replaceAll("\\s+", " ")));
        err.println("(this is a bug in PajakDx; set PAJAKDX_DEBUG=1 to see the stack trace)");
        if (System.getenv("PAJAKDX_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return Main.INTERNAL;
    }
}
