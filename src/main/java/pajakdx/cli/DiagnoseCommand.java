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
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The boolean options {@link #direct} reads itself, as picocli would set them. */
    private static final List<String> FLAGS = List.of("--json", "--reveal-identifiers", "--no-explain", "--why-not");

    /**
     * {@code diagnose} with only the options above, {@code --lang} and case files, read without
     * picocli: building picocli's model of a command by reflection is a tenth of a cold start
     * (docs/PERFORMANCE.md, sixth run). Null when picocli must read {@code args}: help, version,
     * {@code --rules}, an option given twice, {@code --}, an argument file, anything it does not
     * know, a value it cannot take, or a {@code picocli.*} system property set; picocli then also
     * gives every error message.
     * {@code DirectDiagnoseTest} checks that both read every form this accepts alike.
     */
    static DiagnoseCommand direct(String[] args) {
        if (args.length < 2 || !args[0].equals("diagnose")
                || System.getProperties().stringPropertyNames().stream().anyMatch(p -> p.startsWith("picocli."))) {
            return null; // picocli's own settings (picocli.trimQuotes...) change how it reads arguments
        }
        DiagnoseCommand d = new DiagnoseCommand();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Path> files = new java.util.ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                String option = a.startsWith("--lang=") ? "--lang" : a;
                if (!a.startsWith("-")) {
                    if (a.startsWith("@") || a.isEmpty()) {
                        return null; // an argument file, or nothing: picocli's to read
                    }
                    files.add(Path.of(a));
                } else if (!seen.add(option)) {
                    return null; // given twice: picocli refuses that
                } else if (FLAGS.contains(a)) {
                    d.json |= a.equals("--json");
                    d.reveal |= a.equals("--reveal-identifiers");
                    d.noExplain |= a.equals("--no-explain");
                    d.whyNot |= a.equals("--why-not");
                } else if (option.equals("--lang")) {
                    String value = a.equals("--lang") ? (++i < args.length ? args[i] : null) : a.substring(7);
                    if (value == null || value.startsWith("-") || value.startsWith("@")) {
                        return null;
                    }
                    d.lang.lang = pajakdx.base.Lang.parse(value);
                } else {
                    return null; // help, version, --rules, --no-cache, --, or unknown
                }
            }
        } catch (IllegalArgumentException e) { // an unknown language, a path that cannot be (InvalidPathException)
            return null;
        }
        if (files.isEmpty()) {
            return null;
        }
        d.cases = List.copyOf(files);
        return d;
    }

    /** Diagnoses the cases, as picocli's {@code execute} would run the command: an exception reported, not thrown. */
    int runDirect(PrintWriter out, PrintWriter err) {
        try {
            return run(out, err);
        } catch (Exception e) {
            return Errors.report(e, err, lang.lang);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) {
        RuleBase base;
        // One case file: its partition, when the cache holds it, is all this process needs.
        boolean oneCase = cases.size() == 1 && java.nio.file.Files.isRegularFile(cases.get(0));
        // One case file is read before the rules: the rule cache is being read on other threads.
        ReadFirst readFirst = oneCase ? ReadFirst.of(cases.get(0)) : null;
        try {
            base = oneCase ? rules.loadForOneCase() : rules.load();
        } catch (PajakDxException e) {
            return Errors.report(e, err, lang.lang);
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
                Errors.report(located, err, lang.lang);
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
