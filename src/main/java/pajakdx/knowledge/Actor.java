package pajakdx.knowledge;

import java.util.Locale;
import pajakdx.Text;

/** Who carries out a remedy. */
public enum Actor {
    TAXPAYER(new Text("Wajib Pajak", "taxpayer")),
    KPP(new Text("petugas KPP", "KPP officer")),
    DJP(new Text("DJP", "DJP"));

    private final Text text;

    Actor(Text text) {
        this.text = text;
    }

    public Text text() {
        return text;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Actor parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown actor '" + s + "' (taxpayer, kpp, djp)");
        }
    }
}
