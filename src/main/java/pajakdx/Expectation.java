package pajakdx;

import java.util.List;
import java.util.Set;
import pajakdx.doc.Fields;
import pajakdx.doc.Node;

/**
 * A golden case's expected diagnosis. Ids may be cause ids or relation ids (IMP-1). The
 * confirmed list is exact; the others list what must hold, and {@code absent} what must not
 * be concluded at all.
 *
 * @param confirmed     exactly the confirmed causes
 * @param suspected     causes that must be suspected
 * @param ruledOut      causes that must be ruled out
 * @param absent        causes that must not appear with any status
 * @param firstRemedy   id of the first remedy, or null
 * @param remedies      remedies that must be offered
 * @param questions     findings that must be among the open questions
 * @param firstQuestion the finding that must be asked first, or null
 * @param notNeeded     causes that must be not needed (explained away by a confirmed cause)
 */
public record Expectation(List<String> confirmed, List<String> suspected, List<String> ruledOut,
                          List<String> absent, String firstRemedy, List<String> remedies,
                          List<String> questions, String firstQuestion, List<String> notNeeded) {

    private static final Set<String> FIELDS = Set.of("confirmed", "suspected", "ruled_out", "absent", "first_remedy",
            "remedies", "questions", "first_question", "not_needed");

    /** The expectation of version 0.2.0 (no causes not needed). */
    public Expectation(List<String> confirmed, List<String> suspected, List<String> ruledOut, List<String> absent,
                       String firstRemedy, List<String> remedies, List<String> questions, String firstQuestion) {
        this(confirmed, suspected, ruledOut, absent, firstRemedy, remedies, questions, firstQuestion, List.of());
    }

    static Expectation read(Node node) {
        Fields f = Fields.of(node, "an expect block");
        f.allowOnly(FIELDS);
        return new Expectation(f.strings("confirmed"), f.strings("suspected"), f.strings("ruled_out"),
                f.strings("absent"), f.string("first_remedy", null), f.strings("remedies"), f.strings("questions"),
                f.string("first_question", null), f.strings("not_needed"));
    }
}
