package pajakdx.report;

import java.util.List;
import java.util.Set;
import pajakdx.Diagnosis;
import pajakdx.base.Lang;
import pajakdx.base.Text;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.Source;

/** Renders a {@link Diagnosis} for people, in Indonesian or English. */
public final class DiagnosisText {
    private final Catalog catalog;
    private final Lang lang;
    private final RuleTitles titles;

    /** Rules shown by their names (no titles). */
    public DiagnosisText(Catalog catalog, Lang lang) {
        this(catalog, List.of(), lang);
    }

    /** Rules shown by their titles in {@code lang} (see {@link Catalog#title}). */
    public DiagnosisText(Catalog catalog, List<pajakdx.knowledge.Rule> rules, Lang lang) {
        this.catalog = catalog;
        this.lang = lang;
        this.titles = new RuleTitles(catalog, rules);
    }

    /** The whole report. */
    public String render(Diagnosis d) {
        StringBuilder out = new StringBuilder();
        out.append(t(Labels.CASE)).append(' ').append(d.caseId());
        if (!d.title().isBlank()) {
            out.append(" — ").append(d.title());
        }
        out.append('\n').append(t(Labels.AS_OF)).append(": ").append(d.asOf().replace('T', ' '))
                .append(d.asOf().contains("T") ? " WIB" : "");
        if (d.asOfAssumed()) {
            out.append(' ').append(t(Labels.AS_OF_ASSUMED));
        } else if (d.asOf().length() < 10) {
            out.append(' ').append(t(Labels.AS_OF_PERIOD));
        }
        out.append("\n\n");
        causes(d, out);
        notConcluded(d, out);
        remedies(d, out);
        questions(d, out);
        if (!d.notes().isEmpty()) {
            out.append('\n').append(t(Labels.NOTES)).append('\n');
            for (Text n : d.notes()) {
                out.append("  - ").append(t(n)).append('\n');
            }
        }
        return out.toString();
    }

    private void causes(Diagnosis d, StringBuilder out) {
        out.append(t(Labels.CAUSES)).append('\n');
        if (d.causes().isEmpty()) {
            out.append("  ").append(t(Labels.NO_CAUSES)).append('\n');
        }
        for (Diagnosis.CauseResult c : d.causes()) {
            out.append(String.format("  %d. [%s] %s (%s)%n", c.rank(), Labels.status(c.status(), lang), t(c.text()),
                    String.join(", ", c.relations())));
            if (c.detail() != null && !c.status().equals("ruled-out")) {
                out.append("     ").append(t(c.detail())).append('\n');
            }
            if (!c.explainedBy().isEmpty()) {
                out.append("     ").append(t(Labels.EXPLAINED_BY)).append(' ')
                        .append(String.join(", ", c.explainedBy().stream().map(this::causeName).toList())).append('\n');
            }
            for (Diagnosis.Support s : c.how()) {
                out.append("     ").append(t(Labels.BECAUSE)).append(": ").append(t(Labels.RULE)).append(" \"")
                        .append(titles.of(s.rule(), lang)).append('"');
                if (s.file() != null) {
                    out.append(" (").append(s.file()).append(')');
                }
                out.append('\n');
                List<String> facts = s.facts().stream().filter(f -> !f.startsWith("as-of"))
                        .map(f -> Words.say(f, lang)).toList();
                if (!facts.isEmpty()) {
                    out.append("       ").append(t(Labels.FACTS)).append(": ").append(String.join("; ", facts))
                            .append('\n');
                }
                for (String key : s.sources()) {
                    out.append("       ").append(t(Labels.SOURCE)).append(": ").append(source(key)).append('\n');
                }
            }
        }
    }

    /** Causes of the case's problems with no status: one line each, with why (see {@link #reason}). */
    private void notConcluded(Diagnosis d, StringBuilder out) {
        if (d.notConcluded().isEmpty()) {
            return;
        }
        out.append('\n').append(t(Labels.NOT_CONCLUDED)).append('\n');
        for (Diagnosis.NotConcluded c : d.notConcluded()) {
            out.append(String.format("  - %s (%s)%n    %s%n", t(c.text()), String.join(", ", c.relations()), reason(c)));
        }
    }

    /**
     * Why a cause is not concluded, in words: the answers that could still make a rule conclude it
     * (one that could only rule it out does not count), else the facts that keep every such rule
     * from applying, else that no rule can yet.
     */
    String reason(Diagnosis.NotConcluded c) {
        Set<String> asks = new java.util.LinkedHashSet<>();
        Set<String> failed = new java.util.LinkedHashSet<>();
        c.whyNot().stream().filter(r -> !r.concludes().equals("ruled-out")).forEach(r -> r.conditions().forEach(k -> {
            if (r.outcome().equals("unknown") && k.ask() != null) {
                asks.add(k.ask().equals("as_of") ? t(Labels.INCIDENT_DATE) : k.ask());
            } else if (k.state().equals("failed") && k.fact() != null) {
                failed.add(Words.say(k.fact(), lang));
            }
        }));
        if (!asks.isEmpty()) {
            return t(Labels.WOULD_ASK) + ": " + String.join(", ", asks);
        }
        return failed.isEmpty() ? t(Labels.NO_RULE_APPLIES) : t(Labels.DOES_NOT_APPLY) + ": " + String.join("; ", failed);
    }

    private void remedies(Diagnosis d, StringBuilder out) {
        out.append('\n').append(t(Labels.REMEDIES)).append('\n');
        if (d.remedies().isEmpty()) {
            out.append("  ").append(t(Labels.NO_REMEDIES)).append('\n');
        }
        for (Diagnosis.RemedyStep r : d.remedies()) {
            String actor = catalogActor(r.actor());
            out.append(String.format("  %d. %s [%s]", r.step(), t(r.text()), actor));
            if (!r.channels().isEmpty()) {
                out.append("\n     ").append(t(Labels.VIA)).append(": ")
                        .append(String.join("; ", r.channels().stream().map(this::t).toList()));
            }
            out.append('\n');
        }
    }

    private void questions(Diagnosis d, StringBuilder out) {
        out.append('\n').append(t(Labels.QUESTIONS)).append('\n');
        if (d.questions().isEmpty()) {
            out.append("  ").append(t(Labels.NO_QUESTIONS)).append('\n');
        }
        for (Diagnosis.Question q : d.questions()) {
            out.append("  - ").append(t(q.text())).append(" [").append(q.finding()).append("]");
            if (q.answeredUnknown()) {
                out.append(" (").append(t(Labels.ANSWERED_UNKNOWN)).append(')');
            }
            out.append("\n    ").append(t(Labels.DECIDES)).append(": ").append(String.join(", ", q.decides()
                    .stream().map(this::causeName).toList())).append('\n');
        }
    }

    private String causeName(String causeId) {
        return catalog.cause(causeId).map(c -> String.join(", ", c.relations()) + " " + causeId).orElse(causeId);
    }

    private String catalogActor(String actor) {
        return switch (actor) {
            case "kpp" -> t(pajakdx.knowledge.Actor.KPP.text());
            case "djp" -> t(pajakdx.knowledge.Actor.DJP.text());
            default -> t(pajakdx.knowledge.Actor.TAXPAYER.text());
        };
    }

    private String source(String key) {
        Source s = catalog.sources().get(key);
        if (s == null) {
            return key;
        }
        return key + " — " + s.publisher() + ", \"" + s.title() + "\"" + (s.date().isEmpty() ? "" : " (" + s.date() + ")");
    }

    private String t(Text text) {
        String s = text.in(lang);
        return s.isEmpty() ? text.in(lang == Lang.EN ? Lang.ID : Lang.EN) : s;
    }
}
