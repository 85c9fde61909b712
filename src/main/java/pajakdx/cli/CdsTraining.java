package pajakdx.cli;

import pajakdx.knowledge.RuleFolder;

import pajakdx.internal.RuleBases;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import pajakdx.RuleBase;
import pajakdx.knowledge.FindingDef;
import pajakdx.engine.RuleCache;

/**
 * A short run that touches every class a CLI start needs, for the launcher to record a
 * class-data sharing archive (the classes it loads, {@code -XX:DumpLoadedClassList}, then a
 * static archive of them, {@code -Xshare:dump}): the next starts map those classes instead of
 * loading and verifying them. It compiles the bundled rules, stores and reads
 * them back through a throw-away cache, and runs diagnose (text and JSON) and batch on a case
 * made from the bundled vocabulary. Those commands run as a user's would, through the rule cache
 * of the PajakDx home ({@code PAJAKDX_HOME}, else {@code ~/.pajakdx}): the entry they store there
 * is the one the user's first command would have stored, and that command then starts from it.
 * Not a user command; its output is discarded.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path tmp = Files.createTempDirectory("pajakdx-cds");
        try {
            RuleCache cache = RuleCache.at(tmp.resolve("cache"));
            RuleBases.load(RuleBase.class, RuleFolder.bundled(), cache);                 // compile and store
            RuleBase rules = RuleBases.load(RuleBase.class, RuleFolder.bundled(), cache); // read back
            Path yaml = Files.writeString(tmp.resolve("case.yaml"), trainingCase(rules, false));
            Path jsonl = Files.writeString(tmp.resolve("cases.jsonl"), trainingCase(rules, true) + "\nnot json\n");
            PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
            for (List<String> run : List.of(List.of("diagnose", yaml.toString()),
                    List.of("diagnose", "--lang", "en", "--json", yaml.toString()),
                    List.of("batch", "--threads", "2", jsonl.toString()),
                    List.of("--help"))) {
                Main.run(run.toArray(String[]::new), nowhere, nowhere);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** A case on the first problem of the rules with every other finding unknown. */
    private static String trainingCase(RuleBase rules, boolean json) {
        FindingDef problem = RuleBases.of(rules).catalog().findings().get(pajakdx.knowledge.Catalog.PROBLEM);
        String value = problem == null || problem.valueIds().isEmpty() ? "unknown" : problem.valueIds().get(0);
        return json ? "{\"id\": \"training\", \"as_of\": \"2025-02-03T10:00\", \"problem\": \"" + value + "\"}"
                : "id: training\nas_of: 2025-02-03T10:00\nproblem: " + value + "\nerrors: [\"gagal\"]\n";
    }
}
