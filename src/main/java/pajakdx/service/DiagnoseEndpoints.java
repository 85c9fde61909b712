package pajakdx.service;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pajakdx.Case;
import pajakdx.DiagnoseOptions;
import pajakdx.Diagnosis;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.RuleBase;

/** Diagnosis without a consultation (one case, or a stream of them), the vocabulary and reload. */
final class DiagnoseEndpoints {
    private final ServiceRules rules;
    private final ServiceConfig config;

    DiagnoseEndpoints(ServiceRules rules, ServiceConfig config) {
        this.rules = rules;
        this.config = config;
    }

    /** {@code ?explain=false} leaves out HOW and the trace, as {@code --no-explain} does. */
    private static DiagnoseOptions options(Context ctx) {
        return DiagnoseOptions.DEFAULT.withExplain(Http.flag(ctx, "explain", true));
    }

    void diagnose(Context ctx) {
        boolean whyNot = Http.flag(ctx, "whyNot", false);
        DiagnoseOptions options = options(ctx);
        Case c = Cases.parse(Http.body(ctx, config.maxBodyBytes()));
        Diagnosis d = Cases.diagnosing(() -> rules.current().diagnose(c, options));
        ctx.status(200).contentType(Http.JSON).result(WhyNot.apply(d, whyNot).toJson());
    }

    /**
     * JSON lines in, JSON lines out as they are diagnosed, in the order of the input; a bad line
     * gets {@code {"line": N, "error": [...]}}. Past the line limit or the request time limit the
     * rest is not read, and one error line for the first line not read says why.
     */
    void batch(Context ctx) throws IOException {
        boolean whyNot = Http.flag(ctx, "whyNot", false);
        DiagnoseOptions options = options(ctx);
        RuleBase base = rules.current();
        java.io.InputStream body = ctx.req().getInputStream();
        long declared = ctx.req().getContentLengthLong();
        if (declared >= 0 && declared <= config.maxBodyBytes()) {
            // A body of known, modest length is read whole before any line is diagnosed: Jetty's
            // minimum data rate counts from the body's first byte to each read, so a few bytes read
            // again after a slow diagnosis would fail as a dripping client (the slow-client guard
            // still applies to this read). Longer and chunked bodies stream, line by line.
            try {
                body = new java.io.ByteArrayInputStream(body.readNBytes((int) declared));
            } catch (IOException clientGone) {
                return; // it stopped sending, or sent too slowly: nobody is left to answer
            }
        }
        Reader decoded = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        BoundedLines in = new BoundedLines(decoded, config.maxBatchLines(),
                System.nanoTime() + config.requestTimeout().toNanos(), System::nanoTime);
        ctx.status(200).contentType(Http.NDJSON);
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
        try {
            Internals.batch(base, options, config.batchThreads(), whyNot, in, out, Cases.NAME);
            if (in.stop() != BoundedLines.Stop.NONE) {
                out.write(Http.write(stopRecord(in)));
                out.write('\n');
            }
            out.flush();
        } catch (IOException clientGone) {
            // the client stopped reading or sending: nobody is left to answer
        }
    }

    /** The error record for the first line not read, saying why it was not. */
    private Map<String, Object> stopRecord(BoundedLines in) {
        long line = in.lines() + 1;
        String why = in.stop() == BoundedLines.Stop.LINES
                ? "not diagnosed: a batch request holds at most " + config.maxBatchLines()
                + " lines; send the rest in another request"
                : "not diagnosed: the request time limit of " + config.requestTimeout().toSeconds()
                + " s ran out; send the rest in another request";
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("line", line);
        record.put("error", List.of(Problem.at(Cases.NAME, (int) Math.min(line, Integer.MAX_VALUE), 0, why).toString()));
        return record;
    }

    void problems(Context ctx) {
        Http.json(ctx, 200, Map.of("problems", Internals.problems(rules.current())));
    }

    void findings(Context ctx) {
        Http.json(ctx, 200, Map.of("findings", Internals.findings(rules.current())));
    }

    /** Reloads the rules when the request carries the token given at start; the last good rules stay on error. */
    void reload(Context ctx) {
        if (config.reloadToken() == null) {
            throw ApiError.of(ApiError.Kind.RELOAD_OFF,
                    "layanan dijalankan tanpa token muat ulang (PAJAKDX_RELOAD_TOKEN atau --reload-token-file)",
                    "the service was started without a reload token (PAJAKDX_RELOAD_TOKEN or --reload-token-file)");
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                config.reloadToken().getBytes(StandardCharsets.UTF_8))) {
            throw ApiError.of(ApiError.Kind.RELOAD_FORBIDDEN, "berikan token dengan 'Authorization: Bearer TOKEN'",
                    "give the token as 'Authorization: Bearer TOKEN'");
        }
        List<Problem> problems = rules.reload();
        if (!problems.isEmpty()) {
            throw ApiError.from(ApiError.Kind.RELOAD_FAILED, new PajakDxException(problems));
        }
        int[] size = Internals.size(rules.current());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reloaded", true);
        body.put("rules", size[0]);
        body.put("topics", size[1]);
        body.put("loadedAt", rules.loadedAt().toString());
        Http.json(ctx, 200, body);
    }
}
