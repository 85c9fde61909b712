package pajakdx.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import pajakdx.base.RuleFailureException;
import pajakdx.facts.AsOf;
import pajakdx.facts.Cause;
import pajakdx.facts.Finding;
import pajakdx.facts.Remedy;

/**
 * One Drools session over a shared KieBase. Findings can be set, changed and removed between
 * firings; conclusions are logical insertions, so Drools' truth maintenance withdraws whatever
 * a changed answer no longer supports. Not thread-safe: one per diagnosis or consultation.
 */
public final class LiveSession implements AutoCloseable {
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("Rule \"([^\"]+)\"|rule: ([^,\\]]+)");

    /** Default longest time one {@link #fire()} may take before it is stopped. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    private final KieSession session;
    private final TraceListener trace;
    private final int fireLimit;
    private final Duration timeLimit;
    // One handle per fact the engine sees: a finding with several values is one fact per value.
    private final Map<String, List<FactHandle>> findingHandles = new HashMap<>();
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private FactHandle asOfHandle;
    private AsOf asOf;

    /**
     * @param fireLimit   most firings per {@link #fire()} before the rules are taken to loop
     * @param recordTrace keep every firing (the explanation trace)
     */
    public LiveSession(KieBase base, int fireLimit, boolean recordTrace) {
        this(base, fireLimit, DEFAULT_TIME_LIMIT, recordTrace);
    }

    /**
     * @param fireLimit   most firings per {@link #fire()} before the rules are taken to loop
     * @param timeLimit   longest one {@link #fire()} may run: checked before each firing (see {@link #fire()})
     * @param recordTrace keep every firing (the explanation trace)
     */
    public LiveSession(KieBase base, int fireLimit, Duration timeLimit, boolean recordTrace) {
        this.session = base.newKieSession();
        this.trace = new TraceListener(recordTrace);
        this.fireLimit = fireLimit;
        this.timeLimit = timeLimit;
        session.addEventListener(trace);
    }

    /**
     * Sets (inserts or replaces) a finding. A finding with several values (the problems of a case)
     * is one fact per value: a value kept keeps its fact, so what it supports is not withdrawn.
     */
    public void set(Finding f) {
        List<FactHandle> handles = findingHandles.get(f.getId());
        Finding before = findings.get(f.getId());
        List<Finding> parts = f.components();
        guard(() -> {
            if (handles == null) {
                List<FactHandle> inserted = new ArrayList<>();
                for (Finding part : parts) {
                    inserted.add(session.insert(part));
                }
                findingHandles.put(f.getId(), inserted);
            } else if (handles.size() == 1 && parts.size() == 1) {
                session.update(handles.get(0), parts.get(0));
            } else {
                List<Finding> old = before.components();
                List<FactHandle> kept = new ArrayList<>();
                List<Finding> keptParts = new ArrayList<>();
                for (int i = 0; i < old.size(); i++) {
                    if (parts.contains(old.get(i))) {
                        kept.add(handles.get(i));
                        keptParts.add(old.get(i));
                    } else {
                        session.delete(handles.get(i));
                    }
                }
                List<FactHandle> now = new ArrayList<>();
                for (Finding part : parts) {
                    int at = keptParts.indexOf(part);
                    now.add(at >= 0 ? kept.get(at) : session.insert(part));
                }
                findingHandles.put(f.getId(), now);
            }
        });
        findings.put(f.getId(), f);
    }

    /** Removes the finding {@code id}, if set. */
    public void remove(String id) {
        List<FactHandle> handles = findingHandles.remove(id);
        if (handles != null) {
            guard(() -> handles.forEach(session::delete));
        }
        findings.remove(id);
    }

    /** Sets the case's moment. */
    public void setAsOf(AsOf value) {
        guard(() -> {
            if (asOfHandle == null) {
                asOfHandle = session.insert(value);
            } else {
                session.update(asOfHandle, value);
            }
        });
        asOf = value;
    }

    /**
     * Fires until quiet. Stops a loop at the firing limit, and rules that keep firing past the
     * time limit, with an error naming the rule. The time limit is checked before each firing:
     * it cannot cut one condition short (a JVM thread cannot be stopped safely), which is why
     * the loader bounds what one rule can cost (joins, regular expressions; see RuleSafety).
     */
    public int fire() {
        int[] fired = new int[1];
        trace.deadline(session, System.nanoTime() + timeLimit.toNanos());
        guard(() -> fired[0] = session.fireAllRules(fireLimit));
        String slow = trace.overran();
        if (slow != null) {
            throw new RuleFailureException(slow, "rules ran past the time limit of " + timeLimit.toMillis()
                    + " ms after " + fired[0] + " firings; stopped before rule '" + slow + "' fired again (it fired "
                    + trace.count(slow) + " times)");
        }
        if (fired[0] >= fireLimit) {
            String rule = trace.busiestRule();
            List<String> partners = trace.rulesFiredAtLeast(trace.count(rule) / 2).stream()
                    .filter(r -> !r.equals(rule)).map(r -> "'" + r + "' " + trace.count(r) + " times").toList();
            throw new RuleFailureException(rule, "rules kept firing past the limit of " + fireLimit
                    + " firings: rule '" + rule + "' fired " + trace.count(rule) + " times"
                    + (partners.isEmpty() ? "" : " (with " + String.join(", ", partners) + ")")
                    + "; it probably loops (a conclusion that undoes its own condition)");
        }
        return fired[0];
    }

    /** The working memory now: findings, conclusions with their justifications, firings. */
    public Snapshot snapshot() {
        Map<Cause, List<Justification>> causes = new LinkedHashMap<>();
        Map<Remedy, List<Justification>> remedies = new LinkedHashMap<>();
        for (FactHandle h : session.getFactHandles(o -> o instanceof Cause || o instanceof Remedy)) {
            Object o = session.getObject(h);
            if (o instanceof Cause c) {
                causes.put(c, TmsAccess.justifications(h));
            } else if (o instanceof Remedy r) {
                remedies.put(r, TmsAccess.justifications(h));
            }
        }
        return new Snapshot(Map.copyOf(findings), asOf, causes, remedies, trace.firings());
    }

    /** Runs Drools, turning its exceptions into one that names the rule. */
    private void guard(Runnable action) {
        try {
            action.run();
        } catch (ConsequenceException e) {
            String rule = e.getRule() != null ? e.getRule().getName() : "?";
            throw new RuleFailureException(rule, "rule '" + rule + "' failed: " + rootMessage(e));
        } catch (RuleFailureException e) {
            throw e;
        } catch (RuntimeException e) {
            String rule = ruleOf(e);
            throw new RuleFailureException(rule, (rule == null ? "a rule" : "rule '" + rule + "'")
                    + " failed while matching: " + rootMessage(e));
        } catch (StackOverflowError e) {
            throw new RuleFailureException(null, "rules recursed too deeply");
        }
    }

    private static String ruleOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = RULE_IN_MESSAGE.matcher(t.getMessage());
                if (m.find()) {
                    return (m.group(1) != null ? m.group(1) : m.group(2)).trim();
                }
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        List<Throwable> seen = new ArrayList<>();
        while (root.getCause() != null && !seen.contains(root.getCause())) {
            seen.add(root);
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m.replaceAll("\\s+", " "));
    }

    @Override
    public void close() {
        session.dispose();
    }

    /** Number of facts in working memory (for tests of truth maintenance). */
    public long factCount() {
        return session.getFactCount();
    }

    /** Convenience: a fresh session with {@code findings} and {@code asOf}, fired once. */
    public static Snapshot runOnce(KieBase base, Map<String, Finding> findings, AsOf asOf, int fireLimit,
                                   boolean recordTrace) {
        return runOnce(base, findings, asOf, fireLimit, DEFAULT_TIME_LIMIT, recordTrace);
    }

    /** Convenience: a fresh session with {@code findings} and {@code asOf}, fired once within the limits. */
    public static Snapshot runOnce(KieBase base, Map<String, Finding> findings, AsOf asOf, int fireLimit,
                                   Duration timeLimit, boolean recordTrace) {
        try (LiveSession s = new LiveSession(base, fireLimit, timeLimit, recordTrace)) {
            s.setAsOf(asOf);
            for (Finding f : findings.values()) {
                s.set(f);
            }
            s.fire();
            return s.snapshot();
        }
    }

    /** The case's moment currently set, or null. */
    public AsOf asOf() {
        return asOf;
    }

    /** Findings currently set. */
    public Map<String, Finding> findings() {
        return new HashMap<>(findings);
    }
}
