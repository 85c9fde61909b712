package pajakdx.cli;

import pajakdx.internal.RuleBases;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import pajakdx.Case;
import pajakdx.DiagnoseOptions;
import pajakdx.Diagnosis;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.RuleBase;
import pajakdx.json.Json;
import pajakdx.report.DiagnosisText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pajakdx diagnose}: diagnoses case files, as text for people or as JSON lines. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Diagnose case files (YAML or JSON). A folder stands for every case file in it.",
                "A bad case is reported (file, field, problem) and the others are still diagnosed."})
final class DiagnoseCommand implements Callable<Integer> {
    @Mixin
    RulesOption rules = new RulesOption();
    @Mixin
    LangOption lang = new LangOption();
    @Option(names = "--json", description = "One JSON object per case, one per line.")
    boolean json;
    @Option(names = "--reveal-identifiers", description = "Show NPWP/NIK in full (masked by default).")
    boolean reveal;
    @Option(names = "--no-explain", description = "Leave out HOW, WHY NOT and the firing trace.")
    boolean noExplain;
    @Option(names = "--why-not", description = "With --json: include WHY NOT (notConcluded and each cause's"
            + " whyNot), computed for it; the text report always shows it.")
    boolean whyNot;
    @Parameters(arity = "1..*", paramLabel = "CASE", description = "Case files or folders of case files.")
    List<Path> cases;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleBase base;
        // One case file: its partition, when the cache holds it, is all this process needs.
        boolean oneCase = cases.size() == 1 && java.nio.file.Files.isRegularFile(cases.get(0));
        // One case file is read before the rules: the rule cache is being read on other threads.
        ReadFirst readFirst = oneCase ? ReadFirst.of(cases.get(0)) : null;
        try {
            base = oneCase ? rules.loadForOneCase() : rules.load();
        } catch (PajakDxException e) {
            return Errors.report(e, err);
        }
        DiagnoseOptions options = DiagnoseOptions.DEFAULT.withReveal(reveal).withExplain(!noExplain);
        DiagnosisText text = new DiagnosisText(RuleBases.of(base).catalog(), RuleBases.of(base).rules(), lang.lang);
        boolean failed = false;
        boolean first = true;
        for (Path file : CaseFiles.expand(cases)) {
            try {
                Diagnosis d = base.diagnose(readFirst != null ? readFirst.get() : Case.read(file), options);
                if (json) {
                    out.println((whyNot ? d : d.withoutWhyNot()).toJson());
                } else {
                    if (!first) {
                        out.println("\n" + "─".repeat(72) + "\n");
                    }
                    out.print(text.render(d));
                }
                first = false;
            } catch (PajakDxException e) {
                failed = true;
                PajakDxException located = inCase(e, file);
                Errors.report(located, err);
                if (json) {
                    out.println(errorLine(file, located));
                }
            }
            out.flush();
        }
        if (oneCase) {
            // The answer is out; keep the case's partition in the rule cache before exiting, so
            // that the next start on this problem loads a few rules instead of the whole network.
            RuleBases.settle(base);
        }
        return failed ? Main.BAD_INPUT : Main.OK;
    }

    /** A case file read before the rules were loaded, or why it could not be. */
    private record ReadFirst(Case read, PajakDxException error) {
        static ReadFirst of(Path file) {
            try {
                return new ReadFirst(Case.read(file), null);
            } catch (PajakDxException e) {
                return new ReadFirst(null, e);
            }
        }

        Case get() {
            if (error != null) {
                throw error;
            }
            return read;
        }
    }

    /** A rule failure names the rule, not the case it happened on: add the case file. */
    static PajakDxException inCase(PajakDxException e, Path file) {
        if (e.problems().stream().allMatch(p -> p.file() != null)) {
            return e;
        }
        return new PajakDxException(e.problems().stream().map(p -> p.inFile(file.toString())).toList());
    }

    /** A JSON line standing for a case that could not be diagnosed, so no line of output goes missing. */
    static String errorLine(Path file, PajakDxException e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("case", pajakdx.text.Masking.maskFileName(file.toString())); // as in the error messages
        line.put("error", e.problems().stream().map(Problem::toString).toList());
        return Json.write(line);
    }
}
