package pajakdx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.RuleBase;
import pajakdx.report.KnowledgeTable;
import pajakdx.report.RuleListing;
import pajakdx.verify.CaseResult;
import pajakdx.verify.CaseRunner;
import pajakdx.verify.Coverage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pajakdx rules}: lists every rule; {@code --markdown} writes the knowledge table. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List every rule with its topic, relations and sources.",
                "--markdown writes the knowledge table (relation -> rules -> cases -> source, with totals)"
                        + " that docs/KNOWLEDGE.md holds; the cases come from diagnosing the facts folder.",
                "Regenerate docs/KNOWLEDGE.md with: " + KnowledgeTable.COMMAND})
final class RulesCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    LangOption lang = new LangOption();
    @Mixin
    RulesOption rules = new RulesOption();
    @ArgGroup(exclusive = true)
    Format format = new Format();
    @Option(names = "--facts", paramLabel = "DIR",
            description = "Folder of case files for the cases column (default: ./facts when it exists).")
    Path facts;
    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of the standard output.")
    Path output;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final class Format {
        @Option(names = "--markdown", description = "The knowledge table in Markdown (docs/KNOWLEDGE.md).")
        boolean markdown;
        @Option(names = "--json", description = "Rules and relations as one JSON document.")
        boolean json;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            RuleBase base = rules.load();
            if (format.markdown || format.json) {
                List<CaseResult> cases = cases(base, err);
                Coverage coverage = cases == null ? null : Coverage.of(base, cases);
                if (format.markdown) {
                    Coverage c = coverage != null ? coverage : Coverage.of(base, List.of());
                    text = KnowledgeTable.markdown(base, c, cases == null ? 0 : cases.size(), lang.lang);
                } else {
                    text = RuleListing.json(base, coverage);
                }
            } else {
                text = RuleListing.text(base, lang.lang);
            }
        } catch (PajakDxException e) {
            return Errors.report(e, err, lang.lang);
        }
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Errors.report(new PajakDxException(Problem.at(output.toString(), 0, 0, "cannot write: "
                    + e.getMessage())), err, lang.lang);
        }
        return Main.OK;
    }

    /** The diagnosed cases, or null when there is no facts folder to read. */
    private List<CaseResult> cases(RuleBase base, PrintWriter err) {
        Path dir = facts != null ? facts : Path.of("facts");
        if (facts == null && !Files.isDirectory(dir)) {
            err.println("note: " + Errors.say("no ./facts folder; the cases column stays empty (give --facts DIR)",
                    lang.lang));
            return null;
        }
        List<CaseResult> results = CaseRunner.run(base, dir);
        for (CaseResult r : results) {
            r.errors().forEach(p -> err.println("warning: " + Errors.say("case not counted", lang.lang) + ": "
                    + p.toString(lang.lang)));
        }
        return results;
    }
}
