package pajakdx.cli;

import pajakdx.internal.RuleBases;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import pajakdx.LiveRuleBase;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.service.MaskedLog;
import pajakdx.service.Service;
import pajakdx.service.ServiceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pajakdx serve}: the HTTP JSON service and the consultation page, until stopped (Ctrl-C, SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve diagnoses over HTTP as JSON (docs/SERVICE.md, OpenAPI at /v1/openapi) and the"
                + " consultation page at /, until stopped with Ctrl-C or SIGTERM.",
                "Reloading the rules (POST /v1/reload) needs a token: the environment variable"
                        + " PAJAKDX_RELOAD_TOKEN or --reload-token-file; without one it is off.",
                "The access log goes to stderr, NPWP and NIK masked."})
final class ServeCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    LangOption lang = new LangOption();
    static final String TOKEN_ENV = "PAJAKDX_RELOAD_TOKEN";

    @Mixin
    RulesOption rules = new RulesOption();
    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port (default: 8080; 0: any free port).")
    int port;
    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ServiceConfig.DEFAULT_BIND,
            description = "Address to listen on (default: 127.0.0.1, this machine only).")
    String bind;
    @Option(names = "--reload-token-file", paramLabel = "FILE",
            description = "File holding the token POST /v1/reload needs (else $" + TOKEN_ENV + "; neither: reload off).")
    Path tokenFile;
    @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest JSON body (default: 1000000).")
    Integer maxBody;
    @Option(names = "--max-batch-lines", paramLabel = "N", description = "Most lines of one batch request (default: 100000).")
    Integer maxBatchLines;
    @Option(names = "--request-timeout", paramLabel = "SECONDS",
            description = "Longest a request may compute, and the idle timeout of a connection (default: 30).")
    Integer requestTimeout;
    @Option(names = "--consultation-ttl", paramLabel = "MINUTES",
            description = "A consultation left alone this long is closed (default: 30).")
    Integer consultationTtl;
    @Option(names = "--max-consultations", paramLabel = "N", description = "Most consultations open at once (default: 500).")
    Integer maxConsultations;
    @Option(names = "--consultations-per-client", paramLabel = "N",
            description = "Most consultations open at once from one client address (default: 20).")
    Integer perClient;
    @Option(names = "--batch-threads", paramLabel = "N",
            description = "Worker threads of one batch request (default: the cores, at most 4).")
    Integer batchThreads;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServiceConfig config;
        try {
            config = config(readToken());
        } catch (PajakDxException e) {
            return Errors.report(e, err, lang.lang);
        } catch (IllegalArgumentException e) {
            return Errors.report(new PajakDxException(Problem.of(e.getMessage())), err, lang.lang);
        }
        PrintStream log = MaskedLog.installOnStandardError();
        LiveRuleBase live;
        try {
            live = LiveRuleBase.of(rules::load);
        } catch (PajakDxException e) {
            return Errors.report(e, err, lang.lang);
        }
        Service service = new Service(live, config, log);
        try {
            service.start();
        } catch (RuntimeException e) {
            service.close();
            String why = e.getCause() instanceof IOException io && io.getMessage() != null ? io.getMessage() : e.getMessage();
            return Errors.report(new PajakDxException(Problem.of("cannot listen on " + config.bind() + ":"
                    + config.port() + ": " + why)), err, lang.lang);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onStop = new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "pajakdx-serve-stop");
        Runtime.getRuntime().addShutdownHook(onStop);
        int rules = RuleBases.of(live.current()).rules().size();
        boolean reload = config.reloadToken() != null;
        out.println(lang.lang == pajakdx.base.Lang.EN
                ? "PajakDx service: " + service.uri() + " (" + rules + " rules; reload " + (reload ? "on" : "off")
                        + "). Stop with Ctrl-C."
                : "Layanan PajakDx: " + service.uri() + " (" + rules + " aturan; muat ulang " + (reload ? "aktif" : "mati")
                        + "). Hentikan dengan Ctrl-C.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }

    /** The options given, the defaults for the others. */
    private ServiceConfig config(String token) {
        ServiceConfig d = ServiceConfig.defaults();
        return new ServiceConfig(bind, port, or(maxBody, d.maxBodyBytes()), or(maxBatchLines, d.maxBatchLines()),
                requestTimeout == null ? d.requestTimeout() : Duration.ofSeconds(requestTimeout),
                consultationTtl == null ? d.consultationTtl() : Duration.ofMinutes(consultationTtl),
                or(maxConsultations, d.maxConsultations()), or(perClient, d.consultationsPerClient()),
                or(batchThreads, d.batchThreads()), token);
    }

    private static int or(Integer given, int fallback) {
        return given == null ? fallback : given;
    }

    /** The reload token: from the file when given, else the environment; null when neither. */
    private String readToken() {
        if (tokenFile == null) {
            String env = System.getenv(TOKEN_ENV);
            return env == null || env.isBlank() ? null : env.trim();
        }
        String name = tokenFile.toString();
        try {
            String token = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw new PajakDxException(Problem.at(name, 0, 0, "the reload token file is empty"));
            }
            return token;
        } catch (NoSuchFileException e) {
            throw new PajakDxException(Problem.at(name, 0, 0, "no such file"));
        } catch (IOException e) {
            throw new PajakDxException(Problem.at(name, 0, 0, "cannot read: " + e.getClass().getSimpleName()));
        }
    }
}
