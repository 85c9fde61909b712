package pajakdx.facts;

import java.util.Objects;

/**
 * A remedy offered by a rule of its own, for advice not tied to one cause (generic checks,
 * escalation): {@code insertLogical(Remedy.offer("clear-browser-cache"))}. Remedies of a cause
 * come from the catalog and need no rule.
 */
public final class Remedy {
    private final String id;

    public Remedy(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    public static Remedy offer(String id) {
        return new Remedy(id);
    }

    public String getId() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Remedy r && r.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "remedy " + id;
    }
}
