package pajakdx.knowledge;

import java.util.Locale;
import pajakdx.base.Text;

/** Who carries out a remedy. */
public enum Actor {
    TAXPAYER(new Text("Wajib Pajak", "taxpayer")),
    KPP(new Text("petugas KPP", "KPP officer")),
    DJP(new Text("DJP", "DJP"));

    // Computed once: labels are written for every cause, remedy and condition in a diagnosis.
    private final String label = name().toLowerCase(Locale.ROOT);

    private final Text text;

    Actor(Text text) {
        this.text = text;
    }

    public Text text() {
        return text;
    }

    public String label() {
        return label;
    }

    public static Actor parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown actor '" + s + "' (taxpayer, kpp, djp)");
        }
    }
}
