package pajakdx.knowledge;

import pajakdx.base.Lang;

/**
 * A causal relation of the knowledge map: id, kind, source key and a one-line summary in English
 * and Indonesian ({@code summary: {id: "...", en: "..."}} in relations.yaml). A summary written as
 * a plain string, the form before summaries were bilingual, is English only: it is shown in both
 * languages, and {@code check} warns that the Indonesian is missing (see {@link Lint}).
 *
 * @param summary   the English summary ("" when the relation has none)
 * @param summaryId the Indonesian summary; "" when relations.yaml gives only the English
 */
public record Relation(String id, Kind kind, String source, String summary, String summaryId, Location at)
        implements java.io.Serializable {
    public Relation {
        java.util.Objects.requireNonNull(summary, "summary");
        java.util.Objects.requireNonNull(summaryId, "summaryId");
    }

    /** The summary in {@code lang}; in Indonesian, the English one when there is no Indonesian. */
    public String summary(Lang lang) {
        return lang == Lang.ID && !summaryId.isEmpty() ? summaryId : summary;
    }

    /** An English summary without its Indonesian (written as a plain string). */
    public boolean lacksIndonesian() {
        return summaryId.isEmpty() && !summary.isEmpty();
    }
}
