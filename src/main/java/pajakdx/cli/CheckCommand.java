package pajakdx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import pajakdx.base.Lang;
import pajakdx.base.PajakDxException;
import pajakdx.engine.CheckReport;
import pajakdx.engine.Checker;
import pajakdx.knowledge.RuleFolder;
import pajakdx.report.Labels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pajakdx check}: compiles and lints a rules folder, one line per problem. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compile every DRL of a rules folder and lint it against its catalog (the .yaml files).",
                "Each problem is printed as 'error|warning: file:line:column: message'.",
                "Errors stop the rule base from loading anywhere (diagnose, repl, the library); warnings"
                        + " (unused causes, remedies or findings ...) do not."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean", "1:warnings only", "2:errors (the rule base does not load)", "3:internal error"},
        footerHeading = "%nWhat a rule file may contain (anything else is refused with its file and line):%n",
        footer = {
            "  package rules.NAME;  import pajakdx.facts.*;  and rules.",
            "  Rule metadata: @relations(\"ID, ...\") @source(\"key\") @sources(\"a, b\") @derive(\"suspected, ruledOut\");"
                    + " attribute: salience N.",
            "  Conditions: patterns Finding(...), AsOf(...), Cause(...), Remedy(...), optionally bound ($a : AsOf()),"
                    + " joined with and, or, not, exists.",
            "  Tests in a pattern: id, value, format == != \"text\", in (\"a\", \"b\"), not in (...); number == != < <= > >= N;"
                    + " known, !known (== null, != null);",
            "    before(\"2025-01-11\"), onOrAfter(...) (a date finding or the AsOf), between(from, to) (AsOf, WIB),"
                    + " timeGiven;",
            "    this.yearsBefore($a), daysBefore($a), workingDaysBefore($a) compared with N; value matches \"pattern\";",
            "    confirmed, suspected, ruledOut (Cause); any of these joined with && and ||, with ! before a test.",
            "  Right-hand side: insertLogical(Cause.confirmed|suspected|ruledOut(\"id\")); insertLogical(Remedy.offer(\"id\"));",
            "  Refused: eval, from, accumulate, collect, forall, functions, globals, queries, declare, windows, entry points,"
                    + " other imports and attributes, Java code anywhere.",
            "  More: docs/ANALYST-GUIDE.md, 'What a rule may contain'."})
final class CheckCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    LangOption lang = new LangOption();
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder to check (default: the bundled rules).")
    Path dir;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CheckReport report;
        try {
            report = Checker.check(dir == null ? RuleFolder.bundled() : RuleFolder.of(dir));
        } catch (PajakDxException e) {
            return Errors.report(e, err, lang.lang);
        }
        report.errors().forEach(p -> Errors.problem(out, "error", p, lang.lang));
        report.warnings().forEach(p -> Errors.problem(out, "warning", p, lang.lang));
        out.println(summary(report, lang.lang));
        out.flush();
        if (!report.errors().isEmpty()) {
            return Main.BAD_INPUT;
        }
        return report.warnings().isEmpty() ? Main.OK : Main.FAILED;
    }

    /** {@code check DIR: 3 rule files, ...: 0 errors, 1 warning}; Indonesian has no plural. */
    static String summary(CheckReport r, Lang lang) {
        String origin = Labels.origin(r.origin(), lang);
        if (lang == Lang.ID) {
            return "check " + origin + ": " + r.drlFiles() + " berkas aturan, " + r.yamlFiles() + " berkas katalog, "
                    + r.rules().size() + " aturan: " + r.errors().size() + " galat, " + r.warnings().size()
                    + " peringatan";
        }
        return "check " + origin + ": " + r.drlFiles() + " rule files, " + r.yamlFiles() + " catalog files, "
                + r.rules().size() + " rules: " + count(r.errors().size(), "error") + ", "
                + count(r.warnings().size(), "warning");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
