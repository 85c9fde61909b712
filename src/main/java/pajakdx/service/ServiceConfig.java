package pajakdx.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How the service runs.
 *
 * @param bind                 address to listen on (loopback by default)
 * @param port                 port; 0 picks a free one
 * @param maxBodyBytes         largest JSON body (a case, an answer)
 * @param maxBatchLines        most lines one batch request diagnoses; the rest get one error line
 * @param requestTimeout       longest a request may compute: each diagnosis is stopped past it, and
 *                             a batch stops reading at it; also the idle timeout of a connection
 * @param consultationTtl      a consultation left alone this long is closed
 * @param maxConsultations     most consultations open at once
 * @param consultationsPerClient most consultations open at once from one client address
 * @param batchThreads         worker threads of one batch request
 * @param reloadToken          the token {@code POST /v1/reload} needs; null: reload is off
 */
public record ServiceConfig(String bind, int port, int maxBodyBytes, int maxBatchLines, Duration requestTimeout,
                            Duration consultationTtl, int maxConsultations, int consultationsPerClient,
                            int batchThreads, String reloadToken) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServiceConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(consultationTtl, "consultationTtl");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (maxBodyBytes < 1 || maxBatchLines < 1 || maxConsultations < 1 || consultationsPerClient < 1
                || batchThreads < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || consultationTtl.isNegative()
                || consultationTtl.isZero()) {
            throw new IllegalArgumentException("durations must be positive");
        }
        if (reloadToken != null && reloadToken.isBlank()) {
            reloadToken = null;
        }
    }

    /** Loopback:8080, the library's case size as body limit, 30 s per request, 30 min per idle consultation. */
    public static ServiceConfig defaults() {
        return new ServiceConfig(DEFAULT_BIND, DEFAULT_PORT, Internals.MAX_CASE_CHARS, 100_000, Duration.ofSeconds(30),
                Duration.ofMinutes(30), 500, 20, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                null);
    }

    /** The same limits on another address and port. */
    public ServiceConfig at(String newBind, int newPort) {
        return new ServiceConfig(newBind, newPort, maxBodyBytes, maxBatchLines, requestTimeout, consultationTtl,
                maxConsultations, consultationsPerClient, batchThreads, reloadToken);
    }

    /** The same with another limit of lines per batch request. */
    public ServiceConfig withMaxBatchLines(int value) {
        return new ServiceConfig(bind, port, maxBodyBytes, value, requestTimeout, consultationTtl,
                maxConsultations, consultationsPerClient, batchThreads, reloadToken);
    }

    /** The same with other consultation limits. */
    public ServiceConfig withConsultations(Duration ttl, int max, int perClient) {
        return new ServiceConfig(bind, port, maxBodyBytes, maxBatchLines, requestTimeout, ttl, max, perClient,
                batchThreads, reloadToken);
    }

    /** The same with reload on ({@code token}) or off (null). */
    public ServiceConfig withReloadToken(String token) {
        return new ServiceConfig(bind, port, maxBodyBytes, maxBatchLines, requestTimeout, consultationTtl,
                maxConsultations, consultationsPerClient, batchThreads, token);
    }

    @Override
    public String toString() {
        // Never print the token.
        return "ServiceConfig[" + bind + ":" + port + ", body " + maxBodyBytes + " B, batch " + maxBatchLines
                + " lines, request " + requestTimeout + ", consultations " + maxConsultations + " (" + consultationsPerClient
                + " per client, idle " + consultationTtl + "), reload " + (reloadToken == null ? "off" : "on") + "]";
    }
}
