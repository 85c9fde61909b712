package pajakdx.knowledge;

import pajakdx.facts.Status;

/**
 * What a rule's right-hand side concludes: a cause with a status, or a remedy (status null).
 *
 * @param target CAUSE or REMEDY
 * @param id     cause or remedy id
 * @param status the status a cause conclusion asserts; null for a remedy
 * @param at     where the statement is written (null when not from a file)
 */
public record Conclusion(Target target, String id, Status status, Location at) implements java.io.Serializable {
    public Conclusion(Target target, String id, Status status) {
        this(target, id, status, null);
    }

    /** What a conclusion is about. */
    public enum Target { CAUSE, REMEDY }

    @Override
    public String toString() {
        return target == Target.CAUSE ? "cause " + id + " " + status.label() : "remedy " + id;
    }
}
