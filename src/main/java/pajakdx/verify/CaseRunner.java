package pajakdx.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import pajakdx.Case;
import pajakdx.base.CaseException;
import pajakdx.Diagnosis;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.RuleBase;

/** Runs every case of a facts folder against a rule base and checks each against its {@code expect} block. */
public final class CaseRunner {
    private CaseRunner() {
    }

    /** The case files under {@code dir} (.yaml, .yml, .json), sorted. */
    public static List<Path> caseFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CaseException(Problem.at(dir.toString(), 0, 0, Files.exists(dir) ? "is not a folder"
                    : "no such facts folder"));
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(CaseRunner::isCaseFile).sorted().toList();
        } catch (IOException e) {
            throw new CaseException(Problem.at(dir.toString(), 0, 0, "cannot list: " + e.getMessage()));
        }
    }

    private static boolean isCaseFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /** Runs every case under {@code factsDir}; a case that cannot be read is reported, the others still run. */
    public static List<CaseResult> run(RuleBase rules, Path factsDir) {
        List<CaseResult> out = new ArrayList<>();
        for (Path file : caseFiles(factsDir)) {
            out.add(runOne(rules, file, factsDir.relativize(file).toString().replace('\\', '/')));
        }
        return out;
    }

    /** Runs one case file; {@code name} is how reports name it. */
    public static CaseResult runOne(RuleBase rules, Path file, String name) {
        Case c;
        try {
            c = Case.read(file);
        } catch (PajakDxException e) {
            return new CaseResult(name, null, null, List.of(), e.problems());
        }
        Diagnosis d;
        try {
            d = rules.diagnose(c);
        } catch (PajakDxException e) {
            return new CaseResult(name, c, null, List.of(), e.problems());
        }
        if (c.expect() == null) {
            return new CaseResult(name, c, d, List.of("the case has no 'expect:' block, so nothing is checked"),
                    List.of());
        }
        return new CaseResult(name, c, d, ExpectationCheck.mismatches(c.expect(), d), List.of());
    }
}
