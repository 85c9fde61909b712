package pajakdx.report;

import pajakdx.base.Lang;
import pajakdx.base.Text;

/** Fixed words of the user interface, in both languages. */
public final class Labels {
    public static final Text CASE = new Text("Kasus", "Case");
    public static final Text AS_OF = new Text("Per", "As of");
    public static final Text AS_OF_ASSUMED = new Text("(tanggal tidak diberikan: dipakai hari ini)",
            "(no date given: today is assumed)");
    public static final Text AS_OF_PERIOD = new Text("(hanya bulan atau tahunnya yang diketahui)",
            "(only the month or the year is known)");
    public static final Text CAUSES = new Text("Penyebab", "Causes");
    public static final Text NO_CAUSES = new Text("(belum ada penyebab yang dapat disimpulkan)",
            "(no cause can be concluded yet)");
    public static final Text NOT_CONCLUDED = new Text("Belum disimpulkan (masalah yang sama)",
            "Not concluded (same problems)");
    public static final Text INCIDENT_DATE = new Text("tanggal kejadian", "the incident date");
    public static final Text WOULD_ASK = new Text("perlu jawaban", "needs an answer to");
    public static final Text DOES_NOT_APPLY = new Text("tidak berlaku untuk kasus ini", "does not apply to this case");
    public static final Text NO_RULE_APPLIES = new Text("belum ada aturan yang dapat menyimpulkannya untuk kasus ini",
            "no rule can conclude it for this case yet");
    public static final Text EXPLAINED_BY = new Text("tidak diperlukan: masalahnya sudah dijelaskan oleh",
            "not needed: the problem is already explained by");
    public static final Text REMEDIES = new Text("Langkah perbaikan (yang termudah dulu)", "Remedies (cheapest first)");
    public static final Text NO_REMEDIES = new Text("(belum ada)", "(none yet)");
    public static final Text QUESTIONS = new Text("Pertanyaan yang masih terbuka", "Open questions");
    public static final Text NO_QUESTIONS = new Text("(tidak ada)", "(none)");
    public static final Text BECAUSE = new Text("Alasan", "Why");
    public static final Text RULE = new Text("aturan", "rule");
    public static final Text FACTS = new Text("temuan", "findings");
    public static final Text SOURCE = new Text("sumber", "source");
    public static final Text DECIDES = new Text("menentukan", "decides");
    public static final Text VALUES = new Text("jawaban", "answers");
    public static final Text NOTES = new Text("Catatan", "Notes");
    public static final Text VIA = new Text("melalui", "via");
    public static final Text FOR = new Text("untuk", "for");
    public static final Text ANSWERED_UNKNOWN = new Text("sudah dijawab: tidak tahu", "answered: unknown");
    public static final Text CONFIRMED = new Text("TERKONFIRMASI", "CONFIRMED");
    public static final Text SUSPECTED = new Text("DIDUGA", "SUSPECTED");
    public static final Text RULED_OUT = new Text("DISINGKIRKAN", "RULED OUT");
    public static final Text NOT_NEEDED = new Text("TIDAK DIPERLUKAN", "NOT NEEDED");
    /** An empty list in a listing or a report. */
    public static final Text NONE = NO_QUESTIONS;
    /** Where the rules come from when no folder is given (RuleBase#origin says {@code (bundled rules)}). */
    public static final Text BUNDLED_RULES = new Text("(aturan bawaan)", "(bundled rules)");

    private Labels() {
    }

    /** Where rules come from, as {@code RuleBase#origin} or {@code CheckReport#origin} names it, in {@code lang}. */
    public static String origin(String origin, Lang lang) {
        return origin.equals(BUNDLED_RULES.en()) ? BUNDLED_RULES.in(lang) : origin;
    }

    /** The label of a status ({@code confirmed}, {@code suspected}, {@code not-needed}, {@code ruled-out}) in {@code lang}. */
    public static String status(String status, Lang lang) {
        return switch (status) {
            case "confirmed" -> CONFIRMED.in(lang);
            case "suspected" -> SUSPECTED.in(lang);
            case "not-needed" -> NOT_NEEDED.in(lang);
            default -> RULED_OUT.in(lang);
        };
    }
}
