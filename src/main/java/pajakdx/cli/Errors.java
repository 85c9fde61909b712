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
 * for. The leading {@code error:}, {@code internal error:}, {@code warning:} or {@code note:} stays the same in every
 * language, as a compiler's does: scripts, editors and CI logs look for it; what follows it is
 * said in Indonesian unless {@code --lang en}.
 */
final class Errors {
    private Errors() {
    }

    /**
     * A usage error (unknown option, bad value): picocli's message, which quotes what was typed,
     * with identifiers masked and without Java class names, then the usage; exit 2. picocli has
     * not set any option yet, so the language is read from {@code args} as picocli would read it.
     */
    static int usage(CommandLine.ParameterException ex, String[] args) {
        Lang lang = requested(args);
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
        if (ex instanceof PajakDxException p) {
            for (Problem problem : p.problems()) {
                err.println("error: " + say(problem, lang));
            }
            err.flush();
            return Main.BAD_INPUT;
        }
        String message = ex.getMessage() == null ? "" : ": " + Masking.maskText(ex.getMessage().replaceAll("\\s+", " "));
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
        out.println(marker + ": " + say(problem, lang));
    }

    /** A problem with its message in {@code lang}; where it is stays as it is. */
    static String say(Problem problem, Lang lang) {
        return problem.toString(lang);
    }

    /** An English message of {@link Messages} in {@code lang}. */
    static String say(String message, Lang lang) {
        return lang == Lang.EN ? message : Messages.indonesian(message);
    }

    /**
     * The language {@code args} ask for with {@code --lang}, as picocli reads that option (the last
     * one given, before a {@code --}); Indonesian when none is given or its value is not a language.
     */
    static Lang requested(String[] args) {
        args = withArgumentFiles(args);
        Lang lang = Lang.ID;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            String value = a.equals("--lang") && i + 1 < args.length ? args[++i]
                    : a.startsWith("--lang=") ? a.substring("--lang=".length()) : null;
            if (value != null) {
                try {
                    lang = Lang.parse(value);
                } catch (IllegalArgumentException e) {
                    // picocli reports the bad value itself
                }
            }
        }
        return lang;
    }

    /**
     * {@code args} with each {@code @file} replaced by the words of that file, as picocli reads an
     * argument file (words split at blanks, quotes around a word removed, from {@code #} to the end
     * of a line left out, {@code @file}s in it read too), so that a {@code --lang} given there
     * counts; a file that cannot be read stays as it is, and picocli then says why.
     */
    static String[] withArgumentFiles(String[] args) {
        java.util.List<String> out = new java.util.ArrayList<>();
        expand(java.util.Arrays.asList(args), out, new java.util.HashSet<>(), 0);
        return out.toArray(String[]::new);
    }

    private static void expand(java.util.List<String> args, java.util.List<String> out,
            java.util.Set<java.nio.file.Path> reading, int depth) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                out.addAll(args.subList(i, args.size()));
                return;
            }
            java.nio.file.Path file = a.length() > 1 && a.startsWith("@") && !a.startsWith("@@") && depth < 8
                    ? pathOrNull(a.substring(1)) : null;
            java.util.List<String> words = file == null ? null : words(file, reading);
            if (words == null) {
                out.add(a);
            } else {
                expand(words, out, reading, depth + 1);
                reading.remove(file.toAbsolutePath().normalize());
            }
        }
    }

    /** The words of an argument file, or null when it is not one that can be read (or is being read). */
    private static java.util.List<String> words(java.nio.file.Path file, java.util.Set<java.nio.file.Path> reading) {
        try {
            if (!java.nio.file.Files.isRegularFile(file) || java.nio.file.Files.size(file) > MAX_ARGUMENT_FILE
                    || !reading.add(file.toAbsolutePath().normalize())) {
                return null;
            }
            java.util.List<String> words = new java.util.ArrayList<>();
            String text = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.Charset.defaultCharset());
            for (String line : text.split("\\R")) {
                java.util.regex.Matcher word = ARGUMENT_FILE_WORD.matcher(line);
                while (word.find() && !word.group().startsWith("#")) {
                    words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2)
                            : word.group(3));
                }
            }
            return words;
        } catch (java.io.IOException | RuntimeException e) {
            return null; // picocli says why it cannot read it
        }
    }

    private static java.nio.file.Path pathOrNull(String path) {
        try {
            return java.nio.file.Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** Larger argument files are left to picocli alone: a command line is never that long. */
    private static final long MAX_ARGUMENT_FILE = 1 << 16;

    private static final java.util.regex.Pattern ARGUMENT_FILE_WORD =
            java.util.regex.Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)");
}
