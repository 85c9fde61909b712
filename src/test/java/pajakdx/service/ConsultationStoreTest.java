package pajakdx.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import pajakdx.Consultation;
import pajakdx.TestRules;

class ConsultationStoreTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final ConsultationStore store = new ConsultationStore(Duration.ofMinutes(30), 5, 2, now::get);

    private ConsultationSession open(String client) {
        return store.open(client, () -> new Consultation(TestRules.rules()));
    }

    @Test
    void ids_are128RandomBits_inBase64url() {
        ConsultationStore big = new ConsultationStore(Duration.ofMinutes(1), 300, 300, now::get);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String id = big.open("c", () -> new Consultation(TestRules.rules())).id();
            assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
            ids.add(id);
        }
        assertEquals(300, ids.size());
        big.close();
    }

    @Test
    void aClientOverItsLimit_is429_whileOthersStillOpen() {
        open("10.0.0.1");
        open("10.0.0.1");
        ApiError e = assertThrows(ApiError.class, () -> open("10.0.0.1"));
        assertEquals(429, e.kind.status);
        assertNotNull(open("10.0.0.2"));
    }

    @Test
    void theServiceFull_is503() {
        open("a");
        open("a");
        open("b");
        open("b");
        open("c");
        assertEquals(503, assertThrows(ApiError.class, () -> open("c")).kind.status);
    }

    @Test
    void leftAloneLongerThanTheTtl_itIsGone_andItsPlaceFree() {
        ConsultationSession s = open("a");
        open("a");
        now.addAndGet(Duration.ofMinutes(29).toNanos());
        assertEquals(s, store.get(s.id()), "used within the time-to-live");
        now.addAndGet(Duration.ofMinutes(31).toNanos());
        assertEquals(404, assertThrows(ApiError.class, () -> store.get(s.id())).kind.status);
        store.sweep();
        assertEquals(0, store.size());
        assertEquals(0, s.consultation().factCount(), "its Drools session is disposed of");
        assertNotNull(open("a"));
    }

    @Test
    void aStartThatFails_releasesItsPlace() {
        for (int i = 0; i < 3; i++) {
            assertThrows(IllegalStateException.class, () -> store.open("a", () -> {
                throw new IllegalStateException("bad case");
            }));
        }
        open("a");
        open("a");
    }

    @Test
    void closed_itIsGone_andUnknownOrMalformedIdsAre404() {
        ConsultationSession s = open("a");
        store.close(s.id());
        assertEquals(404, assertThrows(ApiError.class, () -> store.get(s.id())).kind.status);
        assertEquals(404, assertThrows(ApiError.class, () -> store.get("../../etc/passwd")).kind.status);
        assertEquals(404, assertThrows(ApiError.class, () -> store.get(null)).kind.status);
    }
}
