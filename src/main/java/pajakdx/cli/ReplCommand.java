package pajakdx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import pajakdx.Case;
import pajakdx.LiveRuleBase;
import pajakdx.base.PajakDxException;
import pajakdx.RuleBase;
import pajakdx.repl.Home;
import pajakdx.repl.Repl;
import pajakdx.repl.ReplIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pajakdx repl}: an interactive consultation (or a scripted one, with piped input). */
@Command(name = "repl", mixinStandardHelpOptions = true,
        description = {"Interactive consultation: answer the questions PajakDx asks; ask why, how, why not.",
                "With piped input it reads one command per line and prints the same transcript.",
                "Unsaved work is kept in the PajakDx home folder ($PAJAKDX_HOME, else ~/.pajakdx)",
                "and offered on the next start (`resume`)."})
public final class ReplCommand implements Callable<Integer> {
    @Mixin
    RulesOption rules = new RulesOption();
    @Mixin
    LangOption lang = new LangOption();
    @Option(names = "--reveal-identifiers", description = "Show NPWP/NIK in full (masked by default).")
    boolean reveal;
    @Option(names = "--home", paramLabel = "DIR",
            description = "PajakDx home folder for history and recovery (default: $PAJAKDX_HOME, else ~/.pajakdx).")
    Path home;
    @Parameters(arity = "0..1", paramLabel = "CASE", description = "A case file to start from.")
    Path caseFile;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Standard input; tests and embedders may give another stream (then no terminal is used). */
    InputStream in = System.in;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LiveRuleBase live;
        Case start = null;
        try {
            live = rules.dir == null ? LiveRuleBase.of(RuleBase::bundled) : LiveRuleBase.load(rules.dir);
            if (caseFile != null) {
                start = Case.read(caseFile);
            }
        } catch (PajakDxException e) {
            return Errors.report(e, err, lang.lang);
        }
        Path homeDir = Home.resolve(home);
        String homeProblem = Home.prepare(homeDir);
        Repl.Settings settings = new Repl.Settings(lang.lang, reveal, homeProblem == null ? homeDir : null, homeProblem);
        boolean terminal = in == System.in && ReplIo.interactive();
        Terminal term = null;
        if (terminal) {
            try {
                term = ReplIo.systemTerminal();
            } catch (IOException | RuntimeException e) {
                term = null; // plain lines still work
            }
        }
        PrintWriter replOut = term != null ? term.writer() : out;
        Repl repl;
        try {
            repl = new Repl(live, start, caseFile, settings, replOut);
        } catch (PajakDxException e) {
            closeQuietly(term);
            return Errors.report(e, err, lang.lang);
        }
        Thread onSignal = in == System.in ? new Thread(repl::onSignal, "pajakdx-repl-signal") : null;
        if (onSignal != null) {
            Runtime.getRuntime().addShutdownHook(onSignal);
        }
        try (var source = term != null ? ReplIo.terminalSource(term, settings.home(), repl)
                : ReplIo.plainSource(in, replOut)) {
            return repl.run(source);
        } finally {
            if (onSignal != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs or ran already
                }
            }
        }
    }

    private static void closeQuietly(Terminal t) {
        if (t != null) {
            try {
                t.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
