package pajakdx.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import pajakdx.base.Lang;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pajakdx}: the command line. Exit codes: 0 done; 1 checks or expectations failed;
 * 2 bad input (case file, rules folder, usage, a rule that fails or loops); 3 internal error.
 */
@Command(name = "pajakdx", mixinStandardHelpOptions = true, version = "PajakDx 0.2.0",
        description = {"Diagnoses failures in Indonesia's tax systems (Coretax DJP, e-Faktur,",
                "e-Registration) with Drools rules, and says what to do about them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:checks or expectations failed", "2:bad input (case, rules, usage)",
                "3:internal error"})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    /** Said when memory runs out again while a shortage is being said: fixed, in both languages. */
    static final String OUT_OF_MEMORY = "internal error: memori Java habis / the Java heap is too small;"
            + " PAJAKDX_JAVA_OPTS=-Xmx512m ./pajakdx ...";
    /** That line, encoded before it is needed, and a stream to write it that needs no more memory. */
    private static final byte[] OUT_OF_MEMORY_LINE = (OUT_OF_MEMORY + "\n").getBytes(StandardCharsets.UTF_8);
    private static final FileOutputStream RAW_ERR = new FileOutputStream(FileDescriptor.err);
    /**
     * Memory set aside by {@link #main} and let go when the heap runs out, so that saying so does
     * not run out too (on a heap just too small it did, and the JVM exited 1 in silence).
     */
    private static volatile byte[] reserve;

    /** The commands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("diagnose", DiagnoseCommand::new);
        COMMANDS.put("batch", BatchCommand::new);
        COMMANDS.put("repl", ReplCommand::new);
        COMMANDS.put("serve", ServeCommand::new);
        COMMANDS.put("check", CheckCommand::new);
        COMMANDS.put("test", TestCommand::new);
        COMMANDS.put("rules", RulesCommand::new);
        COMMANDS.put("copycheck", CopyCheckCommand::new);
        COMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    /** Here only for {@code pajakdx --lang en --help}; before a command it is moved after it. */
    @CommandLine.Mixin
    LangOption lang = new LangOption();

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        reserve = new byte[1 << 20];
        Thread.setDefaultUncaughtExceptionHandler(new QuietOutOfMemory());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        int code;
        try {
            code = run(args, out, err);
        } catch (OutOfMemoryError again) {
            // Memory ran out once more while the first shortage was being said (reading the asked
            // language, translating): a fixed line, in both languages, that needs next to nothing.
            sayOutOfMemory();
            code = INTERNAL;
        }
        out.flush();
        err.flush();
        // The output is out. A rule-cache file still being written (a partition; a network that could
        // not be read, compiled again to be written anew on a thread of its own) is finished, not cut
        // off by the exit, so that the next start does not compile it again. Bounded: a compile on a
        // loaded machine that takes longer is done by a later run.
        pajakdx.engine.RuleCache.awaitWrites(java.time.Duration.ofSeconds(30));
        System.exit(code);
    }

    /** Runs the command line with the given streams; returns the exit code (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.in, out, err);
    }

    /** Same, reading standard input from {@code in} (the REPL's lines; a stream other than System.in never gets a terminal). */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        String[] ordered = langAfterCommand(args);
        try {
            return runCommand(ordered, in, out, err);
        } catch (Error e) {
            // Too small a heap surfaces here from wherever it struck (the rules' compile on this
            // thread, a network loaded on another, picocli lets errors through): a message that
            // says how to give Java more, exit 3, no stack trace. Other errors are bugs, as before.
            if (pajakdx.engine.OutOfMemory.behind(e) == null) {
                throw e;
            }
            reserve = null; // room to say it
            Lang lang;
            try {
                lang = RequestedLang.of(ordered); // reads @files: may run out again
            } catch (OutOfMemoryError again) {
                lang = Lang.ID;
            }
            return Errors.report(e, err, lang);
        }
    }

    private static int runCommand(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        EarlyRules early = EarlyRules.start(args); // first: the entry is read while the rest starts
        DiagnoseCommand direct = DiagnoseCommand.direct(args);
        if (direct != null) { // the most common command line, read without picocli
            direct.rules.early = early;
            return direct.runDirect(out, err);
        }
        String unreadable = RequestedLang.notARegularArgumentFile(args);
        if (unreadable != null) {
            return Errors.report(new pajakdx.base.PajakDxException(pajakdx.base.Problem.at(unreadable, 0, 0,
                    "is not a regular file (a folder, a device or a pipe?); an argument file (@FILE) must be a text"
                            + " file")), err, RequestedLang.of(args));
        }
        CommandLine cl = commandLine(args, in, early);
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * {@code pajakdx --lang en diagnose x} read as {@code pajakdx diagnose --lang en x}: the
     * language is an option of each command, and users put it first as often as last.
     */
    static String[] langAfterCommand(String[] args) {
        int n = args.length > 0 && args[0].startsWith("--lang=") ? 1
                : args.length > 1 && args[0].equals("--lang") ? 2 : 0;
        if (n == 0 || args.length <= n || !COMMANDS.containsKey(args[n]) || args[n].equals("help")) {
            return args;
        }
        String[] out = new String[args.length];
        out[0] = args[n];
        System.arraycopy(args, 0, out, 1, n);
        System.arraycopy(args, n + 1, out, n + 1, args.length - n - 1);
        return out;
    }

    /** The command line for {@code args}, its commands given the REPL's input and the rules read early. */
    static CommandLine commandLine(String[] args, InputStream in, EarlyRules early) {
        CommandLine cl = new CommandLine(new Main());
        // picocli reads every registered command's annotations up front (a fifth of a cold start
        // when all are registered): a run names its command first, so only that one is built.
        String first = args.length > 0 ? args[0] : "";
        boolean one = COMMANDS.containsKey(first) && !first.equals("help");
        for (Map.Entry<String, Supplier<Object>> c : COMMANDS.entrySet()) {
            if (!one || c.getKey().equals(first)) {
                Object command = c.getValue().get();
                if (command instanceof ReplCommand repl) {
                    repl.in = in;
                }
                cl.addSubcommand(c.getKey(), command);
                // The command that loads rules has a RulesOption mixin: it takes the early read.
                cl.getSubcommands().get(c.getKey()).getCommandSpec().mixins().values().stream()
                        .map(CommandLine.Model.CommandSpec::userObject)
                        .filter(RulesOption.class::isInstance)
                        .forEach(rules -> ((RulesOption) rules).early = early);
            }
        }
        Lang lang = RequestedLang.of(args); // read once: picocli has set no option when help or an error needs it
        // After the commands: it reaches them all. The bundle is read only when help is shown.
        cl.setHelpFactory(new HelpText.Factory(lang == Lang.ID));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        Handlers handlers = new Handlers(lang);
        cl.setExecutionExceptionHandler(handlers);
        cl.setParameterExceptionHandler(handlers);
        return cl;
    }

    /** The fixed out-of-memory line, written with memory set aside for it. */
    private static void sayOutOfMemory() {
        reserve = null;
        try {
            RAW_ERR.write(OUT_OF_MEMORY_LINE);
        } catch (Throwable ignored) { // nothing left to say it with
        }
    }

    /**
     * What a thread that no code of PajakDx waits on does with an error nothing caught: as the JVM
     * would (its name and the stack trace), except for running out of memory, which is noted and
     * left to the command to say once, in its own words (see {@link Errors#report}), if it fails
     * for it: no stack trace for a heap that is too small.
     */
    private static final class QuietOutOfMemory implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            boolean outOfMemory = true;
            try {
                outOfMemory = pajakdx.engine.OutOfMemory.in(e) != null;
                if (!outOfMemory) {
                    System.err.print("Exception in thread \"" + t.getName() + "\" ");
                    e.printStackTrace(System.err);
                    return;
                }
                pajakdx.engine.OutOfMemory.note(e);
            } catch (Throwable again) { // this handler ran out of memory itself
                outOfMemory = true;
            }
            if (outOfMemory && t.getName().equals("main")) {
                sayOutOfMemory(); // main's own guard ran out too: never exit 1 in silence
                Runtime.getRuntime().halt(INTERNAL);
            }
        }
    }

    /**
     * picocli's error handlers as a class, not lambdas: JDK 17 sometimes crashes while recording
     * the launcher's class-data archive when a lambda implements an interface of a class file as
     * old as picocli's (JDK-8274944, fixed in JDK 18), and the archive then goes missing.
     */
    private static final class Handlers implements CommandLine.IExecutionExceptionHandler,
            CommandLine.IParameterExceptionHandler {
        private final Lang lang;

        Handlers(Lang lang) {
            this.lang = lang;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parsed) {
            return Errors.report(ex, commandLine.getErr(), lang);
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            return Errors.usage(ex, lang);
        }
    }
}
