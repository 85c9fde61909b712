package pajakdx.service;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import pajakdx.Consultation;

/**
 * The open consultations, in memory: each under an unguessable id (128 random bits from
 * {@link SecureRandom}), closed after {@code ttl} without use, at most {@code max} at once and
 * {@code perClient} from one client address. Nothing is written to disk.
 */
final class ConsultationStore implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final Map<String, ConsultationSession> byId = new ConcurrentHashMap<>();
    /** Consultations open or being created, per client address; guarded by {@code this}. */
    private final Map<String, Integer> perClientCount = new HashMap<>();
    private int total;
    private final SecureRandom random = new SecureRandom();
    private final long ttlNanos;
    private final int max;
    private final int perClient;
    private final LongSupplier nanoTime;

    ConsultationStore(Duration ttl, int max, int perClient, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.max = max;
        this.perClient = perClient;
        this.nanoTime = nanoTime;
    }

    /**
     * Opens a consultation for {@code client}: reserves its place first (so that a client over its
     * limit costs no diagnosis), then starts it.
     *
     * @throws ApiError when the client or the service has too many consultations open
     */
    ConsultationSession open(String client, Supplier<Consultation> start) {
        reserve(client);
        ConsultationSession s;
        try {
            s = new ConsultationSession(newId(), client, start.get(), nanoTime.getAsLong());
        } catch (RuntimeException e) {
            release(client);
            throw e;
        }
        byId.put(s.id(), s);
        return s;
    }

    private synchronized void reserve(String client) {
        sweep();
        int mine = perClientCount.getOrDefault(client, 0);
        if (mine >= perClient) {
            throw ApiError.of(ApiError.Kind.TOO_MANY_CONSULTATIONS,
                    "alamat ini sudah membuka %d konsultasi; tutup salah satunya atau tunggu sampai kedaluwarsa",
                    "this address has %d consultations open already; close one or wait until one expires", mine);
        }
        if (total >= max) {
            throw ApiError.of(ApiError.Kind.CONSULTATIONS_FULL,
                    "sudah ada %d konsultasi terbuka; coba lagi nanti", "%d consultations are open; try again later",
                    total);
        }
        perClientCount.merge(client, 1, Integer::sum);
        total++;
    }

    private synchronized void release(String client) {
        perClientCount.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
        total--;
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The open consultation {@code id}, its idle time restarted.
     *
     * @throws ApiError (404) when there is none: never opened, closed, or expired
     */
    ConsultationSession get(String id) {
        ConsultationSession s = id != null && ID.matcher(id).matches() ? byId.get(id) : null;
        long now = nanoTime.getAsLong();
        if (s != null && expired(s, now)) {
            remove(s);
            s = null;
        }
        if (s == null) {
            throw ApiError.of(ApiError.Kind.CONSULTATION_NOT_FOUND,
                    "tidak ada konsultasi terbuka dengan id ini (sudah ditutup, kedaluwarsa, atau tidak pernah ada)",
                    "no open consultation has this id (closed, expired, or never opened)");
        }
        s.touch(now);
        return s;
    }

    /** Closes consultation {@code id}. */
    void close(String id) {
        remove(get(id));
    }

    private void remove(ConsultationSession s) {
        if (byId.remove(s.id(), s)) {
            s.close();
            release(s.client());
        }
    }

    private boolean expired(ConsultationSession s, long now) {
        return now - s.lastUsed() > ttlNanos;
    }

    /** Closes every consultation left alone longer than the time-to-live. */
    void sweep() {
        long now = nanoTime.getAsLong();
        for (Iterator<ConsultationSession> it = byId.values().iterator(); it.hasNext(); ) {
            ConsultationSession s = it.next();
            if (expired(s, now)) {
                remove(s);
            }
        }
    }

    /** Consultations open now. */
    int size() {
        return byId.size();
    }

    int max() {
        return max;
    }

    /** The time-to-live in nanoseconds. */
    long ttlNanos() {
        return ttlNanos;
    }

    @Override
    public void close() {
        byId.values().forEach(this::remove);
    }
}
