package pajakdx;

import pajakdx.base.Text;

import java.util.List;

/**
 * The result of diagnosing one case: causes with status and explanation, remedies in the order
 * to try them, the questions still worth asking, and the trace of rule firings. Plain records,
 * serialisable to JSON as they are ({@link #toJson()}); identifiers are already masked unless
 * revealing was asked for.
 * <p>
 * WHY NOT ({@link #notConcluded()} and each cause's {@link CauseResult#whyNot()}) is computed
 * on demand: the first read of one of those lists computes it (once, thread-safe), so a caller
 * that never looks pays nothing for it. {@link #withoutWhyNot()} gives a copy that leaves it
 * out, of the JSON too.
 *
 * @param schemaVersion version of this structure and its JSON ({@value #SCHEMA_VERSION}); see
 *                    docs/diagnosis.schema.json and CHANGELOG.md
 * @param caseId      the case's id
 * @param title       the case's title
 * @param asOf        the as-of moment used (ISO, WIB)
 * @param asOfAssumed true when the case had no as-of and today's date was used
 * @param causes      causes concluded, ranked: confirmed first, then suspected, then not needed
 *                    (explained away by a confirmed cause), then ruled out
 * @param notConcluded causes of the case's own problems that no rule concluded and no confirmed cause made
 *                    unnecessary (without a problem: of the topics it touches), each with
 *                    its WHY NOT (empty when explanations are off or WHY NOT is left out)
 * @param remedies    what to do, numbered cheapest first, escalation last
 * @param questions   unknown findings whose answer would change the diagnosis, best first
 * @param notes       what the fact-collection layer did (messages recognised ...)
 * @param trace       every rule firing, in order
 */
public record Diagnosis(int schemaVersion, String caseId, String title, String asOf, boolean asOfAssumed, List<CauseResult> causes,
                        List<NotConcluded> notConcluded, List<RemedyStep> remedies, List<Question> questions,
                        List<Text> notes, List<Firing> trace) {

    /** The version of the Diagnosis structure and JSON this library writes. */
    public static final int SCHEMA_VERSION = 3;

    /**
     * A cause with its status.
     *
     * @param id        cause id
     * @param kind      cause, defect, limit, info or generic
     * @param status    confirmed, suspected, not-needed (suspected, but a confirmed cause already
     *                  accounts for its problems: explained away) or ruled-out
     * @param rank      1 = most likely; by evidence, then how common, then cost of checking
     * @param relations knowledge-map ids
     * @param sources   source keys
     * @param text      the cause in words
     * @param detail    more about it (for a defect: what DJP reported, and when), or null
     * @param how       the rules and facts that concluded this status
     * @param whyNot    for causes not confirmed: each rule that would give it another status, condition
     *                  by condition (computed when first read; empty when left out)
     * @param explainedBy for a cause not needed: the confirmed causes that account for its problems; else empty
     */
    public record CauseResult(String id, String kind, String status, int rank, List<String> relations,
                              List<String> sources, Text text, Text detail, List<Support> how,
                              List<RuleCheck> whyNot, List<String> explainedBy) {
    }

    /**
     * A cause of a topic the case touches that no rule concluded (no status at all), with the
     * rules that could conclude it, condition by condition.
     *
     * @param id        cause id
     * @param kind      cause, defect, limit, info or generic
     * @param relations knowledge-map ids
     * @param sources   source keys
     * @param text      the cause in words
     * @param whyNot    each rule that could conclude it, condition by condition
     */
    public record NotConcluded(String id, String kind, List<String> relations, List<String> sources, Text text,
                               List<RuleCheck> whyNot) {
    }

    /**
     * One rule that supports a conclusion.
     *
     * @param rule      rule name
     * @param file      where the rule is written ({@code coretax/impersonate.drl:12})
     * @param relations relation ids in its metadata
     * @param sources   source keys in its metadata
     * @param facts     the facts it matched (identifiers masked)
     */
    public record Support(String rule, String file, List<String> relations, List<String> sources, List<String> facts) {
    }

    /**
     * A rule evaluated condition by condition, for WHY NOT.
     *
     * @param rule       rule name
     * @param file       where the rule is written
     * @param concludes  what the rule would conclude ({@code confirmed}, ...)
     * @param outcome    met, failed or unknown overall
     * @param conditions each condition with its state
     */
    public record RuleCheck(String rule, String file, String concludes, String outcome, List<ConditionCheck> conditions) {
    }

    /**
     * One condition's state.
     *
     * @param condition readable condition
     * @param state     met, failed or unknown
     * @param fact      the fact that decided it, or null
     * @param ask       for unknown conditions, the finding to ask, or null
     */
    public record ConditionCheck(String condition, String state, String fact, String ask) {
    }

    /**
     * A remedy, numbered in the order to try.
     *
     * @param step       1-based position
     * @param id         remedy id
     * @param text       what to do
     * @param actor      taxpayer, kpp or djp
     * @param escalation true for reporting to DJP's channels
     * @param channels   channels to use, in words
     * @param forCauses  causes it addresses (empty for generic advice)
     * @param relations  relation ids
     * @param sources    source keys
     */
    public record RemedyStep(int step, String id, Text text, String actor, boolean escalation, List<Text> channels,
                             List<String> forCauses, List<String> relations, List<String> sources) {
    }

    /**
     * A question worth asking.
     *
     * @param finding  finding id
     * @param text     the question
     * @param type     yes-no, choice, date, number, text or identifier
     * @param values   allowed values (choices, yes/no)
     * @param cost     knows, look, try or ask-kpp
     * @param decides  causes whose status the answer would change
     * @param answeredUnknown true when the user already said they do not know
     */
    public record Question(String finding, Text text, String type, List<String> values, String cost,
                           List<String> decides, boolean answeredUnknown) {
    }

    /**
     * One rule firing.
     *
     * @param seq       order of firing, from 1
     * @param rule      rule name
     * @param relations relation ids of the rule
     * @param facts     the facts it matched (identifiers masked)
     * @param concluded what it concluded
     */
    public record Firing(int seq, String rule, List<String> relations, List<String> facts, List<String> concluded) {
    }

    /** The cause with {@code id}, if concluded. */
    public java.util.Optional<CauseResult> cause(String id) {
        return causes.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Causes with the given status label ({@code confirmed}, {@code suspected}, {@code not-needed}, {@code ruled-out}). */
    public List<CauseResult> causesWithStatus(String status) {
        return causes.stream().filter(c -> c.status().equals(status)).toList();
    }

    /**
     * This diagnosis without WHY NOT: {@code notConcluded} and every cause's {@code whyNot} are
     * empty and left out of the JSON. What {@code diagnose --json} and {@code batch} write unless
     * {@code --why-not} is given; nothing is computed for it.
     */
    public Diagnosis withoutWhyNot() {
        List<CauseResult> brief = causes.stream().map(c -> new CauseResult(c.id(), c.kind(), c.status(), c.rank(),
                c.relations(), c.sources(), c.text(), c.detail(), c.how(), pajakdx.json.Omitted.list(),
                c.explainedBy())).toList();
        return new Diagnosis(schemaVersion, caseId, title, asOf, asOfAssumed, brief, pajakdx.json.Omitted.list(),
                remedies, questions, notes, trace);
    }

    /** This diagnosis as one line of JSON. */
    public String toJson() {
        return DiagnosisJson.write(this);
    }
}
