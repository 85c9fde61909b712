package pajakdx.cli;

import java.io.PrintWriter;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.text.Masking;
import picocli.CommandLine;

/** Prints errors as users need them: one line per problem, no stack trace. */
final class Errors {
    private Errors() {
    }

    /**
     * A usage error (unknown option, bad value): picocli's message, which quotes what was typed,
     * with identifiers masked and without Java class names, then the usage; exit 2.
     */
    static int usage(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = ex.getMessage() == null ? "bad usage" : ex.getMessage().replaceAll("\\s+", " ")
                .replaceAll("\\((?:[a-z]\\w*\\.)+\\w*(?:Exception|Error): ", "(");
        err.println("error: " + Masking.maskText(message));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        cl.usage(err, cl.getColorScheme());
        err.flush();
        return Main.BAD_INPUT;
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
                : ": " + Masking.maskText(ex.getMessage().replaceAll("\\s+", " "))));
        err.println("(this is a bug in PajakDx; set PAJAKDX_DEBUG=1 to see the stack trace)");
        if (System.getenv("PAJAKDX_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return Main.INTERNAL;
    }
}
