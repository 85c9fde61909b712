package pajakdx.knowledge;

import pajakdx.facts.Status;

/**
 * What a rule's right-hand side concludes: a cause with a status, or a remedy (status null).
 *
 * @param target CAUSE or REMEDY
 * @param id     cause or remedy id
 * @param status the status a cause conclusion asserts; null for a remedy
 */
public record Conclusion(Target target, String id, Status status) implements java.io.Serializable {
    /** What a conclusion is about. */
    public enum Target { CAUSE, REMEDY }

    @Override
    public String toString() {
        return target == Target.CAUSE ? "cause " + id + " " + status.label() : "remedy " + id;
    }
}
