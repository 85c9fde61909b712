package pajakdx.knowledge;

import java.util.List;
import pajakdx.base.Text;

/**
 * A remedy in the catalog.
 *
 * @param id         stable id
 * @param text       what to do
 * @param actor      who does it
 * @param cost       relative effort, 1 = cheapest; orders remedies within a group
 * @param escalation true for reporting to DJP channels: always listed last
 * @param channels   escalation channel ids
 * @param relations  relation ids (for remedies offered by rules rather than by a cause)
 * @param sources    source keys
 * @param topic      topic file that declared it
 * @param at         where it is declared
 */
public record RemedyDef(String id, Text text, Actor actor, int cost, boolean escalation, List<String> channels,
                        List<String> relations, List<String> sources, String topic, Location at) implements java.io.Serializable {
}
