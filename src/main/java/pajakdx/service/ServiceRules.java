package pajakdx.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import pajakdx.LiveRuleBase;
import pajakdx.base.Problem;
import pajakdx.RuleBase;

/**
 * The rule base the service diagnoses with: the live one, with each diagnosis stopped at the
 * request time limit when that is shorter than the rule base's own limit. The copy is made once
 * per rule base, not per request.
 */
final class ServiceRules {
    private final LiveRuleBase live;
    private final Duration limit;
    private RuleBase source;
    private RuleBase limited;
    private volatile Instant loadedAt = Instant.now();

    ServiceRules(LiveRuleBase live, Duration limit) {
        this.live = live;
        this.limit = limit;
    }

    /** The rule base in use now. */
    synchronized RuleBase current() {
        RuleBase now = live.current();
        if (now != source) {
            source = now;
            limited = now.timeLimit().compareTo(limit) > 0 ? now.withTimeLimit(limit) : now;
        }
        return limited;
    }

    /** Reloads the rules; the problems found, empty when the new rules are in use. */
    List<Problem> reload() {
        List<Problem> problems = live.reload();
        if (problems.isEmpty()) {
            loadedAt = Instant.now();
        }
        return problems;
    }

    /** When the rules in use were loaded. */
    Instant loadedAt() {
        return loadedAt;
    }
}
