package pajakdx.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import pajakdx.DiagnoseOptions;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.RuleBase;
import pajakdx.batch.BatchInput;
import pajakdx.batch.BatchRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pajakdx batch}: JSONL cases in (stdin or a file), JSONL diagnoses out, in the same order. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Diagnose many cases: one case per line as JSON (the fields of a case file), one diagnosis"
                + " per line as JSON out (as diagnose --json), in the order of the input.",
                "A bad line gets {\"line\": N, \"error\": [...]} in its place and the rest is diagnosed;"
                        + " blank lines are skipped. Exit 2 when any line failed."})
final class BatchCommand implements Callable<Integer> {
    @Mixin
    RulesOption rules = new RulesOption();
    /** Accepted as diagnose accepts it, so scripts can pass the same options to both. */
    @Option(names = "--lang", paramLabel = "id|en", defaultValue = "id", converter = LangOption.LangConverter.class,
            description = "Language of the messages on standard error (id, default, or en); each JSON text"
                    + " carries both languages (\"id\" and \"en\").")
    pajakdx.base.Lang lang;
    /** The same: the help says the output is as diagnose --json gives it, so that option is expected. */
    @Option(names = "--json", description = "Accepted as diagnose accepts it; changes nothing here: the output is"
            + " always JSON.")
    boolean json;
    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Worker threads sharing one rule base (default: 1).")
    int threads;
    @Option(names = "--reveal-identifiers", description = "Show NPWP/NIK in full (masked by default).")
    boolean reveal;
    @Option(names = "--no-explain", description = "Leave out HOW, WHY NOT and the firing trace.")
    boolean noExplain;
    @Option(names = "--why-not", description = "Include WHY NOT (notConcluded and each cause's whyNot);"
            + " left out by default, as it is most of the work and of the output.")
    boolean whyNot;
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSONL file of cases (default or '-': stdin).")
    Path file;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1 || threads > 256) {
            err.println("error: " + Errors.say("--threads: must be between 1 and 256, not " + threads, lang));
            return Main.BAD_INPUT;
        }
        boolean fromStdin = file == null || file.toString().equals("-");
        String source = fromStdin ? "stdin" : file.toString();
        InputStream input;
        try {
            input = fromStdin ? System.in : Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return Errors.report(new pajakdx.base.CaseException(Problem.at(source, 0, 0, "no such file")), err, lang);
        } catch (IOException e) {
            return Errors.report(new pajakdx.base.CaseException(Problem.at(source, 0, 0, "cannot read: "
                    + e.getMessage())), err, lang);
        }
        DiagnoseOptions options = DiagnoseOptions.DEFAULT.withReveal(reveal).withExplain(!noExplain);
        // Bytes that are not UTF-8 become U+FFFD: the line still parses or is reported, never aborts the run.
        Reader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        BatchRunner.Summary summary;
        try (reader) {
            BatchInput lines = new BatchInput(reader, source);
            BufferedWriter written = new BufferedWriter(out, 1 << 16);
            if (lines.endsAtOnce()) { // /dev/zero, a pipe of endless NULs: refused before the rules are loaded
                lines.refuse(written, err, lang);
                return Main.BAD_INPUT;
            }
            RuleBase base;
            try {
                base = rules.load();
            } catch (PajakDxException e) {
                return Errors.report(e, err, lang);
            }
            summary = new BatchRunner(base, options, threads, whyNot).run(lines, written, err, lang);
        }
        err.flush();
        if (summary.internalError()) {
            return Main.INTERNAL;
        }
        return summary.failed() > 0 ? Main.BAD_INPUT : Main.OK;
    }
}
