package pajakdx.cli;

import java.io.PrintWriter;
import pajakdx.base.Lang;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.text.Masking;
import pajakdx.text.Messages;
import picocli.CommandLine;

/**
 * Prints errors as users need them: one line per problem, no stack trace, in the language asked
 * for. The leading {@code error:}, {@code internal error:}, {@code warning:} or {@code note:}
 * stays the same in every language, as a compiler's does: scripts, editors and CI logs look for
 * it; what follows it is said in Indonesian unless {@code --lang en}.
 */
final class Errors {
    private Errors() {
    }

    /**
     * A usage error (unknown option, bad value): picocli's message, which quotes what was typed,
     * with identifiers masked and without Java class names, then the usage; exit 2. picocli has
     * not set any option yet, so {@code lang} is the one {@link RequestedLang} read.
     */
    static int usage(CommandLine.ParameterException ex, Lang lang) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = ex.getMessage() == null ? "bad usage" : ex.getMessage().replaceAll("\\s+", " ")
                .replaceAll("\\((?:[a-z]\\w*\\.)+\\w*(?:Exception|Error): ", "(");
        err.println("error: " + say(Masking.maskText(message), lang));
        java.io.StringWriter suggestions = new java.io.StringWriter();
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, new PrintWriter(suggestions, true));
        suggestions.toString().lines().map(line -> say(line, lang)).forEach(err::println);
        cl.usage(err, cl.getColorScheme());
        err.flush();
        return Main.BAD_INPUT;
    }

    /** Prints {@code ex} in {@code lang} and returns the exit code it deserves. */
    static int report(Throwable ex, PrintWriter err, Lang lang) {
        OutOfMemoryError oom = pajakdx.engine.OutOfMemory.behind(ex);
        if (oom != null) {
            // Not a bug: the machine's condition, said as such, with what to do (no stack trace).
            long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            err.println("internal error: " + say("out of memory (" + (oom.getMessage() == null ? "OutOfMemoryError"
                    : oom.getMessage()) + "): the Java heap, at most " + mb + " MB here, is too small for PajakDx;"
                    + " give it more, e.g. PAJAKDX_JAVA_OPTS=-Xmx512m ./pajakdx ..., or java -Xmx512m -jar"
                    + " target/pajakdx.jar ...", lang));
            if (System.getenv("PAJAKDX_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return Main.INTERNAL;
        }
        if (ex instanceof PajakDxException p) {
            for (Problem problem : p.problems()) {
                err.println("error: " + problem.toString(lang));
            }
            err.flush();
            return Main.BAD_INPUT;
        }
        String message = ex.getMessage() == null ? ""
                : ": " + Masking.maskText(ex.getMessage().replaceAll("\\s+", " "));
        err.println("internal error: " + ex.getClass().getSimpleName() + message); // the marker, as above
        err.println(lang == Lang.EN ? "(this is a bug in PajakDx; set PAJAKDX_DEBUG=1 to see the stack trace)"
                : "(ini bug di PajakDx; setel PAJAKDX_DEBUG=1 untuk melihat stack trace-nya)");
        if (System.getenv("PAJAKDX_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return Main.INTERNAL;
    }

    /** Prints one problem in {@code lang} after {@code marker} ({@code error}, {@code warning}). */
    static void problem(PrintWriter out, String marker, Problem problem, Lang lang) {
        out.println(marker + ": " + problem.toString(lang));
    }

    /** An English message of {@link Messages} in {@code lang}. */
    static String say(String message, Lang lang) {
        return lang == Lang.EN ? message : Messages.indonesian(message);
    }
}
