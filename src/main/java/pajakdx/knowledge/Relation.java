package pajakdx.knowledge;

/** A causal relation of the knowledge map: id, kind, source key and a one-line summary. */
public record Relation(String id, Kind kind, String source, String summary, Location at) implements java.io.Serializable {
}
