package pajakdx.facts;

import java.util.Objects;

/**
 * A conclusion about one cause of the catalog, inserted logically by rules:
 * {@code insertLogical(Cause.confirmed("badan-never-logged-in"))}. It disappears by itself
 * when the findings that justified it change.
 */
public final class Cause {
    private final String id;
    private final Status status;

    public Cause(String id, Status status) {
        this.id = Objects.requireNonNull(id, "id");
        this.status = Objects.requireNonNull(status, "status");
    }

    public static Cause confirmed(String id) {
        return new Cause(id, Status.CONFIRMED);
    }

    public static Cause suspected(String id) {
        return new Cause(id, Status.SUSPECTED);
    }

    public static Cause ruledOut(String id) {
        return new Cause(id, Status.RULED_OUT);
    }

    public String getId() {
        return id;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isConfirmed() {
        return status == Status.CONFIRMED;
    }

    public boolean isSuspected() {
        return status == Status.SUSPECTED;
    }

    public boolean isRuledOut() {
        return status == Status.RULED_OUT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cause c && c.id.equals(id) && c.status == status;
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + status.hashCode();
    }

    @Override
    public String toString() {
        return "cause " + id + " " + status.label();
    }
}
