package pajakdx.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import pajakdx.Problem;

/**
 * Reads, compiles and lints a rules folder: the one pipeline behind both {@code RuleBase.load}
 * (which refuses any error) and {@code pajakdx check} (which also shows the warnings), so the
 * two can never disagree about a rule base.
 */
public final class Checker {
    private static final Comparator<Problem> BY_PLACE = Comparator
            .comparing((Problem p) -> p.file() == null ? "" : p.file())
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column);

    private Checker() {
    }

    /** By file and line, each problem once (Drools repeats some messages for every pass it makes). */
    private static List<Problem> ordered(List<Problem> problems) {
        return problems.stream().distinct().sorted(BY_PLACE).toList();
    }

    /** Checks {@code folder}; never throws for problems in the rules (see {@link CheckReport#errors()}). */
    public static CheckReport check(RuleFolder folder) {
        return check(folder, null);
    }

    /** Like {@link #check(RuleFolder)}, taking the compiled rules from {@code cache} when it has them. */
    public static CheckReport check(RuleFolder folder, RuleCache cache) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<String> yaml = folder.files(".yaml");
        Catalog catalog = CatalogReader.read(folder.root(), yaml, errors);
        List<String> drl = folder.files(".drl");
        if (drl.isEmpty()) {
            errors.add(Problem.at(folder.name(), 0, 0, "no .drl files in the rules folder"));
        }
        RuleCompiler.Result compiled = cache == null || drl.isEmpty() ? RuleCompiler.compile(folder.root(), drl)
                : cache.compile(folder, drl);
        errors.addAll(compiled.errors());
        if (compiled.kieBase() != null) {
            Lint.run(catalog, compiled.rules(), new DrlText(folder.root()), errors, warnings);
        }
        return new CheckReport(folder.name(), catalog, errors.isEmpty() ? compiled.kieBase() : null,
                compiled.rules(), ordered(errors), ordered(warnings), drl.size(), yaml.size(), compiled.drlTexts());
    }
}
