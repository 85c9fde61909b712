package pajakdx.knowledge;

import java.util.List;
import java.util.Map;

/**
 * One rule as PajakDx sees it, read once from its DRL file: name, where it is written, its
 * metadata, its conditions and what it concludes. Every reader (the canonical DRL Drools
 * compiles, lint, WHY NOT, questions, gates, listings) uses this one model.
 *
 * @param name        rule name (unique in the rule base)
 * @param topic       topic, e.g. {@code coretax/impersonate}
 * @param at          file, line and column of the {@code rule} keyword
 * @param relations   knowledge-map ids from {@code @relations}
 * @param sources     source keys from {@code @source} / {@code @sources}
 * @param metadata    all metadata as written (literal texts only)
 * @param conclusions what the right-hand side concludes
 * @param condition   the left-hand side
 * @param derivedFrom for a rule derived from another (see {@link Derivation}), that rule's name; else null
 * @param metadataAt  where each metadata entry is written, by name (for messages about it)
 */
public record Rule(String name, String topic, Location at, List<String> relations, List<String> sources,
                   Map<String, String> metadata, List<Conclusion> conclusions, Condition condition,
                   String derivedFrom, Map<String, Location> metadataAt) implements java.io.Serializable {

    /** Where the metadata entry {@code name} is written, or the rule's own place. */
    public Location metadataAt(String name) {
        return metadataAt.getOrDefault(name, at);
    }

    /** True when the rule concludes anything (and so must name relations and a source). */
    public boolean concludes() {
        return !conclusions.isEmpty();
    }

    /** True when the rule concludes a status of cause {@code causeId}. */
    public boolean concludesCause(String causeId) {
        return conclusions.stream().anyMatch(c -> c.target() == Conclusion.Target.CAUSE && c.id().equals(causeId));
    }
}
