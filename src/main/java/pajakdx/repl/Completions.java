package pajakdx.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.CauseDef;
import pajakdx.knowledge.FindingDef;

/**
 * What TAB offers, from the words typed so far: command names first; then finding ids, cause
 * or relation ids, problem ids, languages; then the allowed values of the finding named. On
 * the first word, while a question is asked, the allowed answers too. Pure logic, no JLine.
 */
final class Completions {
    /** What completion needs to know about the REPL now. */
    record State(Catalog catalog, String pendingFinding, java.util.Set<String> answered) {
    }

    /** Candidate words, or {@code files} when file names should be offered. */
    record Result(List<String> words, boolean files) {
        static Result of(List<String> words) {
            return new Result(words, false);
        }
    }

    private final Supplier<State> state;

    Completions(Supplier<State> state) {
        this.state = state;
    }

    Result complete(List<String> words, int index) {
        State s = state.get();
        if (index == 0) {
            List<String> out = new ArrayList<>(Command.allNames());
            if (s.pendingFinding() != null) {
                out.addAll(0, values(s.catalog(), s.pendingFinding()));
            }
            return Result.of(out);
        }
        Command c = words.isEmpty() ? null : Command.named(words.get(0));
        if (c == null) {
            return Result.of(List.of());
        }
        if (index == 1) {
            return switch (c) {
                case ANSWER, WHATIF -> Result.of(new ArrayList<>(s.catalog().findings().keySet()));
                case UNSET -> Result.of(new ArrayList<>(s.answered()));
                case PROBLEM -> Result.of(s.catalog().findings().get(Catalog.PROBLEM).valueIds());
                case HOW, WHYNOT -> Result.of(causeNames(s.catalog()));
                case LANG -> Result.of(List.of("id", "en"));
                case DIAGNOSIS -> Result.of(List.of("json"));
                case HELP -> Result.of(Command.allNames());
                case LOAD, SAVE -> new Result(List.of(), true);
                default -> Result.of(List.of());
            };
        }
        if (index == 2 && (c == Command.ANSWER || c == Command.WHATIF) && words.size() > 1) {
            return Result.of(values(s.catalog(), words.get(1)));
        }
        return Result.of(List.of());
    }

    private static List<String> values(Catalog catalog, String findingId) {
        FindingDef def = catalog.findings().get(findingId);
        List<String> out = new ArrayList<>();
        if (def != null) {
            out.addAll(def.valueIds());
            if (def.type() == pajakdx.facts.FindingType.YES_NO) {
                out.addAll(List.of("ya", "tidak"));
            }
        }
        out.add("unknown");
        return out;
    }

    private static List<String> causeNames(Catalog catalog) {
        List<String> out = new ArrayList<>();
        for (CauseDef c : catalog.causes().values()) {
            for (String r : c.relations()) {
                if (!out.contains(r)) {
                    out.add(r);
                }
            }
        }
        out.addAll(catalog.causes().keySet());
        return out;
    }
}
