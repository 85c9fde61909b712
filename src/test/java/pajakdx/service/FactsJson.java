package pajakdx.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import pajakdx.Case;
import pajakdx.TestRules;

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

    static String json(Case c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        if (c.asOf() != null) {
            m.put("as_of", c.asOf());
        }
        Map<String, String> findings = new LinkedHashMap<>(c.answers());
        String problem = findings.remove("problem");
        if (problem != null) {
            m.put("problem", problem);
        }
        m.put("findings", findings);
        m.put("errors", c.messages());
        try {
            return Running.JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
