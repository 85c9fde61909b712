package pajakdx;

import pajakdx.base.Problem;
import pajakdx.base.Text;
import pajakdx.base.CaseException;
import pajakdx.base.RuleFailureException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import pajakdx.collect.CollectedFacts;
import pajakdx.collect.FactCollector;
import pajakdx.engine.LiveSession;
import pajakdx.engine.Snapshot;
import pajakdx.facts.AsOf;
import pajakdx.facts.Finding;

/**
 * A consultation: one case built up answer by answer over ONE live Drools session. Changing or
 * removing an answer updates or removes that finding only; Drools' truth maintenance withdraws
 * the conclusions it supported and restores what it blocked, with no restart. The diagnosis is
 * the same as {@link RuleBase#diagnose} gives for {@link #currentCase()} (only the firing trace
 * differs: here it is the history of the whole consultation).
 *
 * <pre>{@code
 * try (Consultation c = new Consultation(RuleBase.bundled())) {
 *     Diagnosis d = c.answer("problem", "impersonate-fails");
 *     d.questions().get(0).finding();                        // "badan.last-login-shown"
 *     c.answer("badan.last-login-shown", "yes");             // IMP-1 ruled out
 *     c.whyNot("badan-never-logged-in");                     // names badan.last-login-shown = yes
 *     c.answer("badan.last-login-shown", "no");              // IMP-1 confirmed, same session
 *     Diagnosis other = c.whatIf("user.appointed-role", "none");  // the case itself is untouched
 * }
 * }</pre>
 *
 * A case without an as-of is pinned to today's date (WIB) when the consultation starts, so
 * that a saved case diagnoses the same later. Not thread-safe: one consultation per user.
 */
public final class Consultation implements AutoCloseable {
    /** Id of a case started from nothing. */
    public static final String DEFAULT_ID = "konsultasi";

    private DiagnoseOptions options;
    /** True while the as-of is today's date pinned for want of one: the diagnosis then asks for the date. */
    private boolean asOfPinned;
    private RuleBase rules;
    private Case current;
    private CollectedFacts facts;
    private LiveSession session;
    private Snapshot snapshot;
    private Diagnosis diagnosis;

    /** An empty consultation (no answers yet) with the default options. */
    public Consultation(RuleBase rules) {
        this(rules, Case.builder(DEFAULT_ID).build(), DiagnoseOptions.DEFAULT);
    }

    /**
     * A consultation that starts from {@code start}.
     *
     * @throws CaseException        when the case does not fit the vocabulary
     * @throws RuleFailureException when a rule throws or loops
     */
    public Consultation(RuleBase rules, Case start, DiagnoseOptions options) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.options = Objects.requireNonNull(options, "options");
        apply(pinAsOf(start));
    }

    private Case pinAsOf(Case c) {
        asOfPinned = c.asOf() == null;
        return c.asOf() != null ? c : c.withAsOf(LocalDate.now(options.clock().withZone(AsOf.WIB)).toString());
    }

    /**
     * Answers (or re-answers) {@code findingId}; {@code value} may be {@link Case#UNKNOWN}. The
     * case keeps the value in its plain form ({@code ya} becomes {@code yes}, a dotted NPWP its digits).
     *
     * @throws CaseException        when the finding or the value does not fit the vocabulary (nothing changes)
     * @throws RuleFailureException when a rule fails (the answer is rolled back)
     */
    public Diagnosis answer(String findingId, String value) {
        Finding f = check(findingId, value);
        return apply(current.with(findingId, f.isKnown() ? f.getValue() : Case.UNKNOWN));
    }

    /** Removes the answer to {@code findingId} (a finding a recognised message sets comes back). */
    public Diagnosis unset(String findingId) {
        return apply(current.without(findingId));
    }

    /** Adds an error text; rows of the message table it matches set findings not answered explicitly. */
    public Diagnosis addError(String text) {
        return apply(current.withError(text));
    }

    /** @deprecated since 0.2.0: the same as {@link #addError(String)}. */
    @Deprecated(since = "0.2.0")
    public Diagnosis addMessage(String text) {
        return addError(text);
    }

    /**
     * Sets the as-of moment: {@code 2025-02-03} or {@code 2025-02-03T09:30} (WIB), a month
     * {@code 2025-02} or a year {@code 2025}; until it is set, a consultation started without one
     * runs on today's date and asks for the date where a rule that could fire depends on it.
     */
    public Diagnosis asOf(String iso) {
        try {
            FactCollector.parseAsOf(iso);
        } catch (IllegalArgumentException e) {
            throw new CaseException(new Problem(null, 0, 0, "as_of", e.getMessage()));
        }
        boolean wasPinned = asOfPinned;
        asOfPinned = false;
        try {
            return apply(current.withAsOf(iso));
        } catch (RuntimeException e) {
            asOfPinned = wasPinned;
            throw e;
        }
    }

    /** True while the case runs on today's date because none was given (see {@link #asOf(String)}). */
    public boolean asOfAssumed() {
        return asOfPinned;
    }

    /**
     * Explaining away on (the default) or off: off, the causes a confirmed cause made unnecessary
     * are suspected again and their questions come back (an agent who wants to go on).
     */
    public Diagnosis explainAway(boolean on) {
        options = options.withExplainAway(on);
        return apply(current);
    }

    /** Replaces the whole case (a loaded file, a recovered session); a case without as-of gets today. */
    public Diagnosis replaceCase(Case c) {
        return apply(pinAsOf(c));
    }

    /**
     * Continues with another rule base (after a reload): a new session with the same case. When
     * the case does not fit the new rules or a rule fails, the old rule base stays in use.
     */
    public Diagnosis useRules(RuleBase newRules) {
        RuleBase old = rules;
        LiveSession oldSession = session;
        rules = newRules;
        session = null;
        try {
            Diagnosis d = apply(current);
            if (oldSession != null) {
                oldSession.close();
            }
            return d;
        } catch (RuntimeException e) {
            if (session != null) {
                session.close();
            }
            rules = old;
            session = oldSession;
            throw e;
        }
    }

    /**
     * The diagnosis if {@code findingId} were answered {@code value}, from a separate session:
     * this consultation is left exactly as it is.
     */
    public Diagnosis whatIf(String findingId, String value) {
        check(findingId, value);
        return rules.diagnose(unpinned().with(findingId, value), options);
    }

    /** The case as the rules should see it in a separate diagnosis: without the pinned date while it is assumed. */
    private Case unpinned() {
        return asOfPinned ? current.withAsOf(null) : current;
    }

    /** The diagnosis if the problems were {@code problemIds}; this consultation is untouched. */
    public Diagnosis whatIfProblems(List<String> problemIds) {
        return rules.diagnose(unpinned().withProblems(problemIds), options);
    }

    /** The diagnosis if the answer to {@code findingId} were removed; this consultation is untouched. */
    public Diagnosis whatIfUnset(String findingId) {
        return rules.diagnose(unpinned().without(findingId), options);
    }

    /**
     * WHY NOT for a cause, concluded or not: every rule that would give it another status (every
     * rule concluding it when it has none), condition by condition.
     */
    public List<Diagnosis.RuleCheck> whyNot(String causeId) {
        return rules.diagnosisBuilder().whyNot(snapshot, causeId);
    }

    /** The diagnosis of the case as it stands. */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /** The case as it stands (answers, messages, as-of), ready to save. */
    public Case currentCase() {
        return current;
    }

    /** The findings asserted now, explicit answers and those set by recognised messages, by id. */
    public Map<String, Finding> findings() {
        return facts.findings();
    }

    /** What fact collection did on its own (messages recognised). */
    public List<Text> notes() {
        return facts.notes();
    }

    /** The rule base in use. */
    public RuleBase rules() {
        return rules;
    }

    /** Facts in the session's working memory (findings, as-of and conclusions): for tests of truth maintenance. */
    public long factCount() {
        return session == null ? 0 : session.factCount();
    }

    private Finding check(String findingId, String value) {
        try {
            return new FactCollector(rules.catalog(), options.clock()).toFinding(findingId, value);
        } catch (IllegalArgumentException e) {
            throw new CaseException(new Problem(null, 0, 0, findingId, e.getMessage()));
        }
    }

    /**
     * Brings the session to {@code next}: only the findings that differ are set or removed, then
     * the rules fire. On a rule failure the last good state is rebuilt and the error passed on.
     */
    private Diagnosis apply(Case next) {
        CollectedFacts collected = new FactCollector(rules.catalog(), options.clock()).collect(next.input());
        CollectedFacts nextFacts = asOfPinned ? collected.assumingAsOf() : collected;
        LiveSession s = session != null ? session : rules.compiled().open(rules.fireLimit(), rules.timeLimit(), options.explain());
        try {
            sync(s, nextFacts);
            s.fire();
        } catch (RuleFailureException e) {
            s.close();
            session = null;
            restoreLastGood();
            throw e;
        }
        session = s;
        current = next;
        facts = nextFacts;
        snapshot = s.snapshot();
        diagnosis = rules.diagnosisBuilder().build(next, nextFacts, snapshot, options.explain(), options.reveal(),
                options.explainAway());
        return diagnosis;
    }

    private static void sync(LiveSession s, CollectedFacts target) {
        Map<String, Finding> now = s.findings();
        for (String id : now.keySet()) {
            if (!target.findings().containsKey(id)) {
                s.remove(id);
            }
        }
        for (Finding f : target.findings().values()) {
            if (!f.equals(now.get(f.getId()))) {
                s.set(f);
            }
        }
        AsOf at = s.asOf();
        if (at == null || !at.getDateTime().equals(target.asOf().getDateTime())
                || at.isTimeGiven() != target.asOf().isTimeGiven()) {
            s.setAsOf(target.asOf());
        }
    }

    /** A fresh session holding the last good facts; left empty when even that fails. */
    private void restoreLastGood() {
        if (facts == null) {
            return;
        }
        LiveSession fresh = rules.compiled().open(rules.fireLimit(), rules.timeLimit(), options.explain());
        try {
            sync(fresh, facts);
            fresh.fire();
            session = fresh;
            snapshot = fresh.snapshot();
        } catch (RuleFailureException again) {
            fresh.close();
        }
    }

    /** Ends the Drools session. */
    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
