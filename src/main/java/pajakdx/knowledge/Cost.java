package pajakdx.knowledge;

import java.util.Locale;
import pajakdx.base.Text;

/** What it costs the user to find a finding out; the REPL asks cheap questions first. */
public enum Cost {
    /** The user can answer from what they know, without looking anything up. */
    KNOWS(1, new Text("bisa dijawab langsung", "can be answered straight away")),
    /** Look at a screen, a document or a certificate. */
    LOOK(2, new Text("perlu dilihat di layar/dokumen", "needs a look at a screen or document")),
    /** Try something (log in, retry, install) and see. */
    TRY(3, new Text("perlu dicoba dulu", "needs something tried first")),
    /** Ask the KPP or DJP. */
    ASK_KPP(5, new Text("perlu ditanyakan ke KPP/DJP", "needs asking the KPP or DJP"));

    // Computed once: labels are written for every cause, remedy and condition in a diagnosis.
    private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

    private final int weight;
    private final Text text;

    Cost(int weight, Text text) {
        this.weight = weight;
        this.text = text;
    }

    /** Relative effort, 1 = cheapest. */
    public int weight() {
        return weight;
    }

    public Text text() {
        return text;
    }

    public String label() {
        return label;
    }

    public static Cost parse(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown cost '" + s + "' (knows, look, try, ask-kpp)");
        }
    }
}
