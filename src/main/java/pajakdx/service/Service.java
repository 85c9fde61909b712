package pajakdx.service;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.ServerConnector;
import pajakdx.LiveRuleBase;
import pajakdx.text.Masking;

/**
 * The diagnosis service: PajakDx over HTTP and JSON, and the consultation page, in one process.
 * Everything is held in memory; the only file PajakDx writes is the compiled-rule cache, when the
 * rules were loaded through it. Start it with {@link #start()}, end it with {@link #close()}.
 *
 * <pre>{@code
 * try (Service s = new Service(LiveRuleBase.of(RuleBase::bundled), ServiceConfig.defaults().at("127.0.0.1", 0), System.err)) {
 *     s.start();
 *     URI base = s.uri();                // http://127.0.0.1:<port>/
 * }
 * }</pre>
 */
public final class Service implements AutoCloseable {
    /** Slowest request body accepted, in bytes per second (a case is a few KB; any link sends that). */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 256;

    private static final Pattern CONSULTATION_ID = Pattern.compile("(/v1/consultations/[A-Za-z0-9_-]{4})[A-Za-z0-9_-]*");
    /** The page may load its own files and call its own API, nothing else. */
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String WEB = "/pajakdx-web/";
    private static final String CONTRACTS = "/pajakdx-service/";

    private final ServiceConfig config;
    private final ServiceRules rules;
    private final ConsultationStore store;
    private final PrintStream log;
    private final Javalin app;
    private final ScheduledExecutorService sweeper;

    /**
     * @param live   the rules, shared with nobody else that reloads them
     * @param config bind address, port, limits, reload token
     * @param log    where the access log and errors go (lines already masked)
     */
    public Service(LiveRuleBase live, ServiceConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
        this.rules = new ServiceRules(live, config.requestTimeout());
        this.store = new ConsultationStore(config.consultationTtl(), config.maxConsultations(),
                config.consultationsPerClient(), System::nanoTime);
        DiagnoseEndpoints diagnose = new DiagnoseEndpoints(rules, config);
        ConsultationEndpoints consult = new ConsultationEndpoints(rules, store, config);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = config.bind();
            c.jetty.port = config.port();
            c.jetty.modifyHttpConfiguration(h -> {
                h.setSendServerVersion(false);
                // A client that drips its body a byte at a time keeps a connection alive past the
                // idle timeout and holds a server thread: below this rate the request fails.
                h.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
            });
            // Requests Jetty refuses itself (a broken request line, headers too large) get problem
            // details too, not its HTML page.
            c.jetty.modifyServer(server -> server.setErrorHandler(new RefusedRequests(log)));
            c.http.maxRequestSize = config.maxBodyBytes();
            c.http.prefer405over404 = true;
            c.http.compressionStrategy = CompressionStrategy.NONE;
            c.requestLogger.http(this::logRequest);
            c.routes.before(Service::secure);
            c.routes.exception(Exception.class, this::fail);
            // Javalin answers unknown paths and methods itself; give those problem details too.
            c.routes.error(404, ctx -> unmatched(ctx, 404));
            c.routes.error(405, ctx -> unmatched(ctx, 405));

            c.routes.get("/", ctx -> Http.resource(ctx, WEB + "index.html", "text/html; charset=utf-8"));
            c.routes.get("/app.js", ctx -> Http.resource(ctx, WEB + "app.js",
                    "text/javascript; charset=utf-8"));
            c.routes.get("/app.css", ctx -> Http.resource(ctx, WEB + "app.css", "text/css; charset=utf-8"));
            c.routes.get("/favicon.ico", ctx -> ctx.status(204));
            c.routes.get("/healthz", this::health);
            c.routes.get("/v1/openapi", ctx -> Http.resource(ctx, CONTRACTS + "openapi.yaml",
                    "application/yaml; charset=utf-8"));
            c.routes.get("/v1/schemas/case", ctx -> Http.resource(ctx, CONTRACTS + "case.schema.json",
                    "application/schema+json"));
            c.routes.get("/v1/schemas/diagnosis", ctx -> Http.resource(ctx,
                    CONTRACTS + "diagnosis.schema.json", "application/schema+json"));
            c.routes.get("/v1/problems", diagnose::problems);
            c.routes.get("/v1/findings", diagnose::findings);
            c.routes.post("/v1/diagnose", diagnose::diagnose);
            c.routes.post("/v1/batch", diagnose::batch);
            c.routes.post("/v1/reload", diagnose::reload);

            c.routes.post("/v1/consultations", consult::open);
            c.routes.get("/v1/consultations/{id}", consult::get);
            c.routes.delete("/v1/consultations/{id}", consult::close);
            c.routes.put("/v1/consultations/{id}/answers/{finding}", consult::answer);
            c.routes.delete("/v1/consultations/{id}/answers/{finding}", consult::unset);
            c.routes.post("/v1/consultations/{id}/errors", consult::addError);
            c.routes.post("/v1/consultations/{id}/skip", consult::skip);
            c.routes.get("/v1/consultations/{id}/why", consult::why);
            c.routes.get("/v1/consultations/{id}/how/{cause}", consult::how);
            c.routes.get("/v1/consultations/{id}/why-not/{cause}", consult::whyNot);
            c.routes.post("/v1/consultations/{id}/what-if", consult::whatIf);
        });
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pajakdx-consultation-sweeper");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts listening. */
    public Service start() {
        app.start();
        long idle = config.requestTimeout().toMillis();
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector c) {
                c.setIdleTimeout(idle); // a client that stops sending or reading is dropped
            }
        }
        long every = Math.max(1, Math.min(60, config.consultationTtl().toSeconds() / 4));
        sweeper.scheduleWithFixedDelay(store::sweep, every, every, TimeUnit.SECONDS);
        return this;
    }

    /** The port listened on (the one picked when 0 was asked for). */
    public int port() {
        return app.port();
    }

    /** The address of the page, e.g. {@code http://127.0.0.1:8080/}. */
    public java.net.URI uri() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return java.net.URI.create("http://" + host + ":" + port() + "/");
    }

    /** Stops listening and closes every consultation. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        app.stop();
        store.close();
    }

    private void health(Context ctx) {
        int[] size = Internals.size(rules.current());
        Map<String, Object> loaded = new LinkedHashMap<>();
        loaded.put("rules", size[0]);
        loaded.put("topics", size[1]);
        loaded.put("loadedAt", rules.loadedAt().toString());
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("open", store.size());
        open.put("max", store.max());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("rules", loaded);
        body.put("consultations", open);
        body.put("reload", config.reloadToken() != null);
        Http.json(ctx, 200, body);
    }

    private static void secure(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", CSP);
        // Only the API's paths: the page and /healthz answer whatever a browser or probe adds.
        if (!ctx.path().startsWith("/v1/")) {
            return;
        }
        String lang = ctx.queryParam("lang");
        if (lang != null && !lang.isBlank() && Http.queryLang(lang) == null) {
            // a typo would otherwise give Indonesian without a word
            throw ApiError.of(ApiError.Kind.MALFORMED_REQUEST, "lang: harus id atau en, bukan '%s'",
                    "lang: must be id or en, not '%s'", Internals.mask(Masking.abbreviate(lang, 40)));
        }
        String broken = Http.brokenLang(ctx.queryString()); // ?lang=%zz: Javalin drops it without a word
        if (broken != null) {
            throw ApiError.of(ApiError.Kind.MALFORMED_REQUEST,
                    "lang: harus id atau en, bukan '%s' (pengodean persennya rusak)",
                    "lang: must be id or en, not '%s' (its percent-encoding is broken)",
                    Internals.mask(Masking.abbreviate(broken, 40)));
        }
    }

    private void fail(Exception e, Context ctx) {
        if (e instanceof ApiError a) {
            Http.problem(ctx, a);
        } else if (e instanceof HttpResponseException h) {
            Http.problem(ctx, fromJavalin(h.getStatus(), ctx));
        } else {
            log.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " internal error on " + ctx.method() + " "
                    + masked(ctx.path()) + ": " + e);
            int depth = 0;
            for (Throwable t = e; t != null && depth++ < 8; t = t.getCause()) { // bounded: a cause chain may loop
                if (t != e) {
                    log.println("Caused by: " + t); // where it began (a wrapped failure's own trace says little)
                }
                for (StackTraceElement el : t.getStackTrace()) {
                    log.println("\tat " + el);
                }
            }
            Http.problem(ctx, ApiError.of(ApiError.Kind.INTERNAL, "galat internal (%s); lihat log layanan",
                    "internal error (%s); see the service's log", e.getClass().getSimpleName()));
        }
    }

    /** An answer Javalin made itself (no such path, method not allowed): as problem details, unless it is one. */
    private static void unmatched(Context ctx, int status) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            Http.problem(ctx, fromJavalin(status, ctx));
        }
    }

    private static ApiError fromJavalin(int status, Context ctx) {
        String where = ctx.method() + " " + masked(ctx.path());
        return switch (status) {
            case 404 -> ApiError.of(ApiError.Kind.NOT_FOUND, "tidak ada %s; daftar lengkap: GET /v1/openapi",
                    "there is no %s; the full list: GET /v1/openapi", where);
            case 405 -> ApiError.of(ApiError.Kind.METHOD_NOT_ALLOWED, "%s tidak didukung; daftar lengkap: GET /v1/openapi",
                    "%s is not supported; the full list: GET /v1/openapi", where);
            case 413 -> ApiError.of(ApiError.Kind.BODY_TOO_LARGE, "isi permintaan lebih dari %d byte",
                    "the request body is larger than %d bytes", ctx.req().getContentLengthLong());
            default -> ApiError.of(ApiError.Kind.MALFORMED_REQUEST, "permintaan ditolak (%d)",
                    "request refused (%d)", status);
        };
    }

    /** Identifier-like numbers masked, and consultation ids cut to their first characters (they are keys). */
    static String masked(String path) {
        return CONSULTATION_ID.matcher(Internals.mask(path)).replaceAll("$1…");
    }

    private void logRequest(Context ctx, Float ms) {
        log.println(String.format(Locale.ROOT, "%s %s %s %s %d %.1f ms", Instant.now().truncatedTo(ChronoUnit.MILLIS),
                ctx.ip(), ctx.method(), masked(ctx.path()), ctx.statusCode(), ms));
    }
}
