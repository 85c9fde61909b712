package pajakdx.knowledge;

import java.util.List;
import pajakdx.base.Text;

/**
 * A cause in the catalog: what can be concluded about a case.
 *
 * @param id        stable id, e.g. {@code badan-never-logged-in}
 * @param kind      cause, defect, limit, info or generic
 * @param relations knowledge-map relation ids it encodes
 * @param sources   source keys
 * @param common    the sources call it the most common cause (ranks first among equals)
 * @param text      short statement of the cause
 * @param detail    longer explanation (for a defect: DJP's stated state and date); may be null
 * @param remedies  remedy ids offered when the cause is confirmed or suspected, in order
 * @param topic     topic file that declared it
 * @param at        where it is declared
 * @param coexists  causes that can hold at the same time as this one: confirming either does not
 *                  explain the other away
 */
public record CauseDef(String id, Kind kind, List<String> relations, List<String> sources, boolean common,
                       Text text, Text detail, List<String> remedies, String topic, Location at,
                       List<String> coexists) implements java.io.Serializable {

    public CauseDef(String id, Kind kind, List<String> relations, List<String> sources, boolean common,
                    Text text, Text detail, List<String> remedies, String topic, Location at) {
        this(id, kind, relations, sources, common, text, detail, remedies, topic, at, List.of());
    }
}
