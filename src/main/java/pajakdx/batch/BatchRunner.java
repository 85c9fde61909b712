package pajakdx.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import pajakdx.Case;
import pajakdx.DiagnoseOptions;
import pajakdx.Diagnosis;
import pajakdx.base.Lang;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.RuleBase;
import pajakdx.doc.DocReader;
import pajakdx.json.Json;

/**
 * Diagnoses a stream of cases, one JSON object per line, into a stream of diagnoses, one JSON
 * object per line, in the order of the input. Worker threads share one {@link RuleBase}; at most
 * a fixed window of lines is in flight, so memory stays bounded however long the input. A line
 * that is not a valid case gets an error record {@code {"line": N, "error": [...]}} in its place
 * and the rest goes on. Blank lines are skipped.
 */
public final class BatchRunner {
    /** Lines handed to a worker at once: one hand-over per line would cost more than a diagnosis. */
    static final int CHUNK = 32;
    /** Chunks in flight per worker thread: enough to keep workers busy while output is written. */
    static final int CHUNKS_PER_THREAD = 4;

    private final RuleBase rules;
    private final DiagnoseOptions options;
    private final int threads;
    private final boolean whyNot;

    /** What a run did. */
    public record Summary(long diagnosed, long failed, boolean internalError) {
    }

    /** @param whyNot include WHY NOT in each diagnosis (computed for it); otherwise left out of the JSON */
    public BatchRunner(RuleBase rules, DiagnoseOptions options, int threads, boolean whyNot) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.rules = rules;
        this.options = options;
        this.threads = threads;
        this.whyNot = whyNot;
    }

    /**
     * Reads cases from {@code in} until its end and writes one line per case to {@code out}.
     *
     * @param source how to name the input in messages ({@code stdin}, a file name)
     * @param err    where each bad line is also reported as {@code error: source:line: message}, in
     *               English; may be null
     */
    public Summary run(Reader in, Writer out, String source, PrintWriter err) throws IOException {
        return run(new BatchInput(in, source), out, err, Lang.EN);
    }

    /**
     * Same, from an input already opened (and perhaps looked at, see {@link BatchInput#endsAtOnce}),
     * with the messages on {@code err} in {@code lang}; the records in {@code out} keep English.
     */
    public Summary run(BatchInput lines, Writer out, PrintWriter err, Lang lang) throws IOException {
        String source = lines.source();
        AtomicInteger workerNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pajakdx-batch-" + workerNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<List<Result>>> inFlight = new ArrayDeque<>();
        int window = threads * CHUNKS_PER_THREAD;
        Counts counts = new Counts();
        try {
            List<LineReader.Line> chunk = new ArrayList<>(CHUNK);
            for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
                chunk.add(line);
                if (line.endless()) {
                    break; // nothing after it can be read; what came before is still diagnosed
                }
                boolean stalled = !lines.ready();
                if (chunk.size() < CHUNK && !stalled) {
                    continue;
                }
                List<LineReader.Line> task = chunk;
                chunk = new ArrayList<>(CHUNK);
                inFlight.add(pool.submit(() -> diagnose(task, lines)));
                // Write what is done; when input stalls (a pipe), write everything so far.
                while (!inFlight.isEmpty() && (stalled || inFlight.size() >= window || inFlight.peek().isDone())) {
                    emit(await(inFlight.poll()), out, err, lang, counts);
                }
                if (stalled) {
                    out.flush();
                }
            }
            if (!chunk.isEmpty()) {
                List<LineReader.Line> task = chunk;
                inFlight.add(pool.submit(() -> diagnose(task, lines)));
            }
            while (!inFlight.isEmpty()) {
                emit(await(inFlight.poll()), out, err, lang, counts);
            }
            out.flush();
        } finally {
            pool.shutdownNow();
        }
        return new Summary(counts.diagnosed, counts.failed, counts.internal);
    }

    private static final class Counts {
        long diagnosed;
        long failed;
        boolean internal;
    }

    private List<Result> diagnose(List<LineReader.Line> chunk, BatchInput input) {
        List<Result> out = new ArrayList<>(chunk.size());
        for (LineReader.Line line : chunk) {
            out.add(line.endless() ? failure(line.number(), List.of(input.endless(line)), false)
                    : diagnose(line, input.source()));
        }
        return out;
    }

    /** The outcome of one line: its JSON, or its problems. */
    private record Result(long line, String json, List<Problem> problems, boolean internal) {
        boolean ok() {
            return json != null;
        }
    }

    private Result diagnose(LineReader.Line line, String source) {
        if (line.tooLong()) {
            return failure(line.number(), List.of(Problem.at(source, (int) line.number(), 0,
                    "line longer than the limit of " + DocReader.MAX_CHARS + " characters")), false);
        }
        String name = "line-" + line.number();
        try {
            Case c = Case.parseJson(name, line.text());
            Diagnosis d = rules.diagnose(c, options);
            return new Result(line.number(), (whyNot ? d : d.withoutWhyNot()).toJson(), null, false);
        } catch (PajakDxException e) {
            return failure(line.number(), e.problems().stream().map(p -> locate(p, name, source, line.number()))
                    .toList(), false);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug must not cost the other lines their diagnoses; it is reported and counted.
            return failure(line.number(), List.of(Problem.at(source, (int) line.number(), 0, "internal error: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))), true);
        }
    }

    /** A problem found in the line's text, placed at the line of the input (its column kept). */
    private static Problem locate(Problem p, String name, String source, long line) {
        if (p.file() != null && !p.file().equals(name)) {
            return p; // about a rule file, not the line
        }
        return new Problem(source, (int) line, p.line() <= 1 ? p.column() : 0, p.field(), p.wholeMessage());
    }

    private static Result failure(long line, List<Problem> problems, boolean internal) {
        return new Result(line, null, problems, internal);
    }

    private static <T> T await(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void emit(List<Result> results, Writer out, PrintWriter err, Lang lang, Counts counts)
            throws IOException {
        for (Result r : results) {
            counts.diagnosed += r.ok() ? 1 : 0;
            counts.failed += r.ok() ? 0 : 1;
            counts.internal |= r.internal();
            if (r.ok()) {
                out.write(r.json());
                out.write('\n');
            } else {
                emitFailure(r.line(), r.problems(), out, err, lang);
            }
        }
    }

    /**
     * The record standing for a line that could not be diagnosed (its messages in English, as all
     * JSON is), and its messages on {@code err} in {@code lang}.
     */
    static void emitFailure(long line, List<Problem> problems, Writer out, PrintWriter err, Lang lang)
            throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("line", line);
        record.put("error", problems.stream().map(Problem::toString).toList());
        out.write(Json.write(record));
        out.write('\n');
        if (err != null) {
            for (Problem p : problems) {
                err.println("error: " + p.toString(lang)); // the marker stays, as in cli/Errors
            }
        }
    }
}
