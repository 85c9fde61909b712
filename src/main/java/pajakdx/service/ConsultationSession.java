package pajakdx.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import pajakdx.Consultation;
import pajakdx.base.PajakDxException;
import pajakdx.RuleBase;

/**
 * One open consultation: the library's {@link Consultation} (one live Drools session), the
 * questions the user skipped, and when it was last used. A consultation is not thread-safe, so
 * every use holds this session's lock; requests on other consultations never wait for it.
 */
final class ConsultationSession {
    private final String id;
    private final String client;
    private final Consultation consultation;
    private final Set<String> skipped = new LinkedHashSet<>();
    private volatile long lastUsed;
    private boolean closed;

    ConsultationSession(String id, String client, Consultation consultation, long now) {
        this.id = id;
        this.client = client;
        this.consultation = consultation;
        this.lastUsed = now;
    }

    String id() {
        return id;
    }

    String client() {
        return client;
    }

    long lastUsed() {
        return lastUsed;
    }

    void touch(long now) {
        lastUsed = now;
    }

    /**
     * Runs {@code action} on the consultation, alone. When the service's rules were reloaded since
     * the last use, the consultation first moves to them (a case that does not fit them, or a rule
     * that fails on it, keeps it on the rules it had).
     */
    synchronized <T> T use(RuleBase rulesNow, Function<ConsultationSession, T> action) {
        if (closed) {
            throw ApiError.of(ApiError.Kind.CONSULTATION_NOT_FOUND, "konsultasi ini sudah ditutup",
                    "this consultation is closed");
        }
        if (consultation.rules() != rulesNow) {
            try {
                consultation.useRules(rulesNow);
            } catch (PajakDxException e) {
                // the previous rules stay in use for this consultation
            }
        }
        return action.apply(this);
    }

    Consultation consultation() {
        return consultation;
    }

    /** Findings the user skipped and that are not answered since. */
    List<String> skipped() {
        return new ArrayList<>(skipped);
    }

    void skip(String finding) {
        skipped.add(finding);
    }

    void unskip(String finding) {
        skipped.remove(finding);
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            consultation.close();
        }
    }
}
