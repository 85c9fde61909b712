package pajakdx.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Records every firing (rule, matched facts, logical insertions) and counts firings per rule. */
final class TraceListener extends DefaultAgendaEventListener {
    private final boolean recordTrace;
    private final List<Firing> firings = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private int seq;

    TraceListener(boolean recordTrace) {
        this.recordTrace = recordTrace;
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

    int count(String rule) {
        return counts.getOrDefault(rule, 0);
    }
}
