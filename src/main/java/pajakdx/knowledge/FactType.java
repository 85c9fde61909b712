package pajakdx.knowledge;

import pajakdx.facts.AsOf;
import pajakdx.facts.Cause;
import pajakdx.facts.Finding;
import pajakdx.facts.Remedy;

/** The fact types a rule may match: nothing else exists in a PajakDx session. */
public enum FactType {
    FINDING("Finding", Finding.class),
    AS_OF("AsOf", AsOf.class),
    CAUSE("Cause", Cause.class),
    REMEDY("Remedy", Remedy.class);

    private final String drl;
    private final Class<?> type;

    FactType(String drl, Class<?> type) {
        this.drl = drl;
        this.type = type;
    }

    /** The name rules write. */
    public String drl() {
        return drl;
    }

    public Class<?> type() {
        return type;
    }

    /** The fact type a rule names, or null. */
    public static FactType named(String name) {
        for (FactType t : values()) {
            if (t.drl.equals(name) || ("pajakdx.facts." + t.drl).equals(name)) {
                return t;
            }
        }
        return null;
    }
}
