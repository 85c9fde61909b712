package pajakdx.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Records every firing (rule, matched facts, logical insertions), counts firings per rule, and
 * halts the session when a firing would start past the deadline.
 */
final class TraceListener extends DefaultAgendaEventListener {
    private final boolean recordTrace;
    private final List<Firing> firings = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private int seq;
    private KieSession session;
    private long deadline;
    private String overran;

    TraceListener(boolean recordTrace) {
        this.recordTrace = recordTrace;
    }

    /** Halts {@code s} before the next firing that starts after {@code nanoTime} (System.nanoTime). */
    void deadline(KieSession s, long nanoTime) {
        this.session = s;
        this.deadline = nanoTime;
        this.overran = null;
    }

    /** The rule about to fire when the deadline passed, or null. */
    String overran() {
        return overran;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        if (session != null && overran == null && System.nanoTime() - deadline > 0) {
            overran = event.getMatch().getRule().getName();
            session.halt();
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        String rule = event.getMatch().getRule().getName();
        counts.merge(rule, 1, Integer::sum);
        seq++;
        if (recordTrace) {
            firings.add(new Firing(seq, rule, List.copyOf(event.getMatch().getObjects()),
                    TmsAccess.logicalInsertions(event.getMatch())));
        }
    }

    List<Firing> firings() {
        return List.copyOf(firings);
    }

    /** The rule that fired most often (the likely loop), or null. */
    String busiestRule() {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Rules that fired at least {@code times} times, most first: the rules of a loop. */
    List<String> rulesFiredAtLeast(int times) {
        return counts.entrySet().stream().filter(e -> e.getValue() >= times)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    int count(String rule) {
        return counts.getOrDefault(rule, 0);
    }
}
