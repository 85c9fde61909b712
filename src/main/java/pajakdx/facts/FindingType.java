package pajakdx.facts;

import java.util.Locale;

/** The kinds of value a finding can hold, as declared in the vocabulary. */
public enum FindingType {
    YES_NO("yes-no"),
    CHOICE("choice"),
    DATE("date"),
    NUMBER("number"),
    TEXT("text"),
    IDENTIFIER("identifier");

    private final String label;

    FindingType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a vocabulary type name such as {@code yes-no} or {@code choice}. */
    public static FindingType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("yesno") || t.equals("boolean")) {
            return YES_NO;
        }
        for (FindingType type : values()) {
            if (type.label.equals(t)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown finding type '" + text
                + "' (yes-no, choice, date, number, text, identifier)");
    }
}
