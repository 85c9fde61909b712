package pajakdx.knowledge;

import java.util.List;
import java.util.Map;

/**
 * One compiled rule as PajakDx sees it: name, where it is written, its metadata, what it
 * concludes and its conditions.
 *
 * @param name        rule name (unique in the rule base)
 * @param topic       topic, e.g. {@code coretax/impersonate}
 * @param at          file and line of the {@code rule} keyword
 * @param relations   knowledge-map ids from {@code @relations}
 * @param sources     source keys from {@code @source}
 * @param metadata    all metadata as written
 * @param conclusions what the right-hand side concludes
 * @param condition   the left-hand side
 */
public record RuleInfo(String name, String topic, Location at, List<String> relations, List<String> sources,
                       Map<String, Object> metadata, List<Conclusion> conclusions, Condition condition) {

    /** True when the rule concludes anything (and so must name relations and a source). */
    public boolean concludes() {
        return !conclusions.isEmpty();
    }

    /** True when the rule concludes a status of cause {@code causeId}. */
    public boolean concludesCause(String causeId) {
        return conclusions.stream().anyMatch(c -> c.target() == Conclusion.Target.CAUSE && c.id().equals(causeId));
    }
}
