package pajakdx.knowledge;

import java.util.Locale;

/** What kind of relation a cause encodes, as the knowledge map defines it. */
public enum Kind {
    /** A root cause that findings can confirm or rule out. */
    CAUSE,
    /** A system defect DJP acknowledged, with the state DJP reported. */
    DEFECT,
    /** A documented capacity or waiting time, computed from the case. */
    LIMIT,
    /** Nothing is wrong, or it is the taxpayer's own choice. */
    INFO,
    /** Cheap client-side checks, offered when no specific cause is confirmed. */
    GENERIC;

    // Computed once: labels are written for every cause, remedy and condition in a diagnosis.
    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }

    public static Kind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown kind '" + text + "' (cause, defect, limit, info, generic)");
        }
    }
}
