package pajakdx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import pajakdx.base.PajakDxException;
import pajakdx.RuleBase;
import pajakdx.report.RuleTitles;
import pajakdx.report.TestReport;
import pajakdx.verify.CaseResult;
import pajakdx.verify.CaseRunner;
import pajakdx.verify.Coverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pajakdx test}: runs every case's expectations and reports relation and rule coverage. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Diagnose every case of a facts folder and compare it with the case's 'expect:' block.",
                "A failing case shows the expected and the actual diagnosis side by side.",
                "Then reports relation coverage (relations of relations.yaml named by a rule and concluded by"
                        + " at least one case) and rule coverage (rules that no case fires)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every case passed (and coverage reached --min-coverage)",
                "1:a case failed, or relation coverage is below --min-coverage",
                "2:the rules do not load, a case cannot be read, or bad usage", "3:internal error"})
final class TestCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    LangOption lang = new LangOption();
    @Mixin
    RulesOption rules = new RulesOption();
    @Option(names = "--facts", paramLabel = "DIR", defaultValue = "facts",
            description = "Folder of case files (default: ${DEFAULT-VALUE}).")
    Path facts;
    @Option(names = "--min-coverage", paramLabel = "N", converter = Percentage.class,
            description = "Fail (exit 1) when relation coverage is below N percent (87.5 or 87,5).")
    Double minCoverage;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (minCoverage != null && (minCoverage < 0 || minCoverage > 100)) {
            err.println("error: " + Errors.say("--min-coverage must be a percentage from 0 to 100, not "
                    + TestReport.number(minCoverage, lang.lang), lang.lang));
            return Main.BAD_INPUT;
        }
        RuleBase base;
        List<CaseResult> results;
        try {
            base = rules.load();
            results = CaseRunner.run(base, facts);
        } catch (PajakDxException e) {
            return Errors.report(e, err, lang.lang);
        }
        for (CaseResult r : results) {
            out.print(TestReport.caseLines(r, lang.lang));
        }
        out.print(TestReport.totals(results, lang.lang));
        Coverage coverage = Coverage.of(base, results);
        out.print(TestReport.coverage(coverage, RuleTitles.of(base), lang.lang));
        boolean belowMinimum = minCoverage != null && coverage.relationPercent() + 1e-9 < minCoverage;
        if (belowMinimum) {
            out.print(TestReport.belowMinimum(coverage.relationPercent(), minCoverage, lang.lang));
        }
        out.flush();
        if (results.stream().anyMatch(r -> !r.errors().isEmpty())) {
            return Main.BAD_INPUT;
        }
        return belowMinimum || results.stream().anyMatch(r -> !r.passed()) ? Main.FAILED : Main.OK;
    }

    /** A number written with a decimal point or, as Indonesian writes it, a decimal comma. */
    static final class Percentage implements picocli.CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String v = value.strip();
            if (v.endsWith("%")) {
                v = v.substring(0, v.length() - 1).strip();
            }
            if (v.indexOf(',') == v.lastIndexOf(',') && !v.contains(".")) {
                v = v.replace(',', '.');
            }
            try {
                if (!v.isEmpty() && Character.isDigit(v.charAt(v.length() - 1))) { // not "1e", "NaN", "70d"
                    double d = Double.parseDouble(v);
                    if (Double.isFinite(d)) { // not 1e400
                        return d;
                    }
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a number");
        }
    }
}
