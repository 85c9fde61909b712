package pajakdx.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import pajakdx.Case;
import pajakdx.TestRules;
import pajakdx.repl.CaseFile;

/** The cases of facts/ as the JSON a client sends: one object per case, in file order. */
final class FactsJson {
    private FactsJson() {
    }

    static List<Case> cases() {
        try (Stream<Path> walk = Files.walk(TestRules.factsDir())) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().map(Case::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case as one line of JSON, as the REPL saves it. */
    static String json(Case c) {
        return CaseFile.toJson(c).strip();
    }
}
