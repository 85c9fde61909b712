package pajakdx.collect;

import java.util.List;
import java.util.Map;
import pajakdx.base.Text;
import pajakdx.facts.AsOf;
import pajakdx.facts.Finding;

/**
 * What the fact-collection layer asserts for one case.
 *
 * @param findings     one Finding per answered id (explicit unknowns included), by id
 * @param asOf         the case's moment
 * @param asOfAssumed  true when the case gave no as-of and today's date was used
 * @param notes        what collection did on its own (messages recognised, answers derived)
 * @param impliedBy    for each finding set because another answer presupposes it, that answer's finding
 */
public record CollectedFacts(Map<String, Finding> findings, AsOf asOf, boolean asOfAssumed, List<Text> notes,
                             Map<String, String> impliedBy) {

    /** The same facts, the as-of taken as assumed (a consultation runs on today's date until it gets one). */
    public CollectedFacts assumingAsOf() {
        return new CollectedFacts(findings, asOf, true, notes, impliedBy);
    }
}
