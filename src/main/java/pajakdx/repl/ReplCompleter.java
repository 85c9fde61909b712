package pajakdx.repl;

import java.util.List;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** JLine's side of {@link Completions}: file names through JLine's own completer. */
final class ReplCompleter implements Completer {
    private final Completions completions;
    private final Completer files = new Completers.FileNameCompleter();

    ReplCompleter(Completions completions) {
        this.completions = completions;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        Completions.Result r = completions.complete(line.words(), line.wordIndex());
        if (r.files()) {
            files.complete(reader, line, candidates);
            return;
        }
        for (String w : r.words()) {
            candidates.add(new Candidate(w));
        }
    }
}
