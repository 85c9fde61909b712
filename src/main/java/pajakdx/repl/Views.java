package pajakdx.repl;

import pajakdx.internal.RuleBases;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pajakdx.Diagnosis;
import pajakdx.base.Lang;
import pajakdx.RuleBase;
import pajakdx.base.Text;
import pajakdx.facts.Finding;
import pajakdx.text.Masking;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.CauseDef;
import pajakdx.knowledge.Conclusion;
import pajakdx.knowledge.FindingDef;
import pajakdx.knowledge.Rule;
import pajakdx.knowledge.Source;
import pajakdx.knowledge.Cost;
import pajakdx.knowledge.RemedyDef;
import pajakdx.report.Labels;
import pajakdx.report.RuleTitles;
import pajakdx.report.Words;
import pajakdx.text.Messages;

/** Renders what the REPL shows: brief diagnosis, question, WHY, HOW, WHY NOT, what-if, facts, help. */
final class Views {
    private final PrintWriter out;
    private final Supplier<Lang> lang;
    /** The digits of the identifiers in the line being handled: replies quoting a part of one mask it. */
    private List<String> typed = List.of();

    Views(PrintWriter out, Supplier<Lang> lang) {
        this.out = out;
        this.lang = lang;
    }

    String t(Text text) {
        String s = text.in(lang.get());
        return s.isEmpty() ? text.in(lang.get() == Lang.EN ? Lang.ID : Lang.EN) : s;
    }

    /** A value to show as it is, where the user asked for identifiers in full. */
    record Revealed(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * One of the REPL's own sentences with values put in. The values often quote what was typed
     * (a command, a cause, a file name): identifiers in them are masked, file names as in every
     * message about a file (folders readable), unless a value is {@link Revealed}.
     */
    void say(Text text, Object... args) {
        out.println(args.length == 0 ? t(text) : String.format(t(text), masked(args)));
    }

    /** The line the user typed, before it is handled: the numbers in it that are identifiers. */
    void typed(String line) {
        typed = Redact.typedIdentifiers(line);
    }

    private Object[] masked(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            out[i] = a instanceof Path p ? Masking.maskFileName(p.toString(), typed)
                    : a instanceof String s ? quoted(said(s)) : a;
        }
        return out;
    }

    private String quoted(String s) {
        return Masking.maskQuoted(s, typed);
    }


    void line(String s) {
        out.println(s);
    }

    /** {@code galat: message}, identifiers in the message masked, and what it quotes of the typed line. */
    void error(String message) {
        line(t(ReplText.ERROR) + ": " + quoted(said(message)));
    }

    /** {@code galat: problem} (already masked), and masked what it quotes of the typed line. */
    void error(pajakdx.base.Problem problem, String after) {
        line(t(ReplText.ERROR) + ": " + Masking.maskParts(problem.toString(lang.get()), typed) + after);
    }

    /** A message of the library (English, see {@link Messages}) in the language of the session. */
    String said(String message) {
        return lang.get() == Lang.EN ? message : Messages.indonesian(message);
    }

    /** A problem (where, what) in the language of the session. */
    String said(pajakdx.base.Problem problem) {
        return problem.toString(lang.get());
    }

    String status(String status) {
        return status == null ? t(ReplText.NOT_CONCLUDED) : Labels.status(status, lang.get());
    }

    static String label(CauseDef def) {
        return def.relations().isEmpty() ? def.id() : String.join(", ", def.relations()) + " " + def.id();
    }

    private static String label(Catalog catalog, String causeId) {
        return catalog.cause(causeId).map(Views::label).orElse(causeId);
    }

    /** Causes with status, then the first remedy. */
    void brief(Diagnosis d, Catalog catalog) {
        say(ReplText.BRIEF);
        if (d.causes().isEmpty()) {
            line("  " + t(Labels.NO_CAUSES));
        }
        for (Diagnosis.CauseResult c : d.causes()) {
            line(String.format("  %d. [%s] %s: %s", c.rank(), status(c.status()), label(catalog, c.id()), t(c.text())));
        }
        if (!d.remedies().isEmpty()) {
            line("  " + t(ReplText.FIRST_STEP) + ": " + t(d.remedies().get(0).text()));
        }
    }

    /**
     * A question with the answers it takes, numbered where there is a list ({@code 2} answers
     * with the second). {@code def} is null for the incident date, which is no finding of the
     * vocabulary.
     */
    void question(Diagnosis.Question q, FindingDef def) {
        say(ReplText.QUESTION, q.finding(), t(Cost.parse(q.cost()).text()));
        line("  " + t(q.text()));
        List<String> options = new ArrayList<>();
        if (def == null) {
            options.add(t(ReplText.ANY_DATE_OR_MONTH));
        } else {
            switch (def.type()) {
                case YES_NO, CHOICE -> {
                    int n = 1;
                    for (String v : def.valueIds()) {
                        options.add(n++ + " " + shownValue(def, v));
                    }
                }
                case DATE -> options.add(t(ReplText.ANY_DATE_OR_MONTH));
                case NUMBER -> options.add(t(ReplText.ANY_NUMBER));
                case IDENTIFIER -> options.add(t(ReplText.ANY_IDENTIFIER) + " (" + String.join(", ", def.formats()) + ")");
                default -> options.add(t(ReplText.ANY_TEXT));
            }
        }
        options.add(t(ReplText.UNKNOWN_WORD));
        options.add(t(ReplText.SKIP_WORD));
        line("  " + t(ReplText.ANSWERS) + ": " + String.join(" | ", options) + "   " + t(ReplText.WHY_HINT));
    }

    /**
     * A value as the session's language shows it: in Indonesian ya/tidak and the value's label
     * (which is also an answer), in English the id with its label when the label adds something.
     */
    String shownValue(FindingDef def, String v) {
        if (def.type() == pajakdx.facts.FindingType.YES_NO) {
            return lang.get() == Lang.EN ? v : v.equals("yes") ? "ya" : v.equals("no") ? "tidak" : v;
        }
        String shown = def.valueText(v).map(this::t).orElse(v);
        if (lang.get() == Lang.ID) {
            return shown;
        }
        return shown.equalsIgnoreCase(v) ? v : v + " (" + shown + ")";
    }

    /** WHY: the causes the question decides, with the rules whose outcome hangs on it. */
    void why(Diagnosis.Question q, Diagnosis d, RuleBase rules, RuleTitles titles) {
        Catalog catalog = RuleBases.of(rules).catalog();
        say(ReplText.WHY_HEADER, q.finding());
        for (String causeId : q.decides()) {
            String now = d.cause(causeId).map(Diagnosis.CauseResult::status).orElse(null);
            CauseDef def = catalog.causes().get(causeId);
            line(String.format("  %s [%s]: %s", label(catalog, causeId), status(now), def == null ? causeId : t(def.text())));
            for (Rule rule : RuleBases.of(rules).rules()) {
                for (Conclusion k : rule.conclusions()) {
                    if (k.target() == Conclusion.Target.CAUSE && k.id().equals(causeId)
                            && !k.status().label().equals(now) && RuleConditions.mentions(rule.condition(), q.finding())) {
                        line(String.format("    %s \"%s\" (%s): %s %s → %s", t(ReplText.RULE),
                                titles.of(rule.name(), lang.get()), rule.at(), t(ReplText.WHEN),
                                words(String.join("; ", RuleConditions.about(rule.condition(), q.finding()))),
                                status(k.status().label())));
                    }
                }
            }
        }
        say(ReplText.COST, t(Cost.parse(q.cost()).text()));
    }

    /** HOW: rule → facts → conclusion, with sources. */
    void how(CauseDef def, Diagnosis d, Catalog catalog, RuleTitles titles) {
        Diagnosis.CauseResult c = d.cause(def.id()).orElse(null);
        if (c == null) {
            say(ReplText.HOW_NONE, label(def), def.relations().isEmpty() ? def.id() : def.relations().get(0));
            return;
        }
        line(String.format("%s [%s]: %s", label(def), status(c.status()), t(c.text())));
        for (Diagnosis.Support s : c.how()) {
            line(String.format("  %s \"%s\" (%s)", t(ReplText.RULE), titles.of(s.rule(), lang.get()), s.file()));
            List<String> facts = s.facts().stream().filter(f -> !f.startsWith("as-of")).map(this::words).toList();
            line("    " + t(ReplText.FINDINGS) + ": " + String.join("; ", facts));
            line("    → " + status(c.status()) + ": " + t(c.text()));
            for (String key : s.sources()) {
                line("    " + t(ReplText.SOURCE) + ": " + source(catalog, key));
            }
        }
    }

    /** WHY NOT: each rule that could conclude the cause otherwise, condition by condition. */
    void whyNot(CauseDef def, String status, List<Diagnosis.RuleCheck> checks, RuleTitles titles) {
        if ("confirmed".equals(status)) {
            say(ReplText.WHYNOT_CONFIRMED, label(def), def.relations().isEmpty() ? def.id() : def.relations().get(0));
            return;
        }
        say(ReplText.WHYNOT_HEADER, label(def), status(status));
        if (checks.isEmpty()) {
            say(ReplText.WHYNOT_NO_RULES, label(def));
        }
        for (Diagnosis.RuleCheck r : checks) {
            line(String.format("  %s \"%s\" (%s) %s %s — %s: %s", t(ReplText.RULE), titles.of(r.rule(), lang.get()),
                    r.file(), t(ReplText.WOULD), status(r.concludes()), t(ReplText.OVERALL), truth(r.outcome())));
            for (Diagnosis.ConditionCheck k : r.conditions()) {
                StringBuilder s = new StringBuilder("    [").append(truth(k.state())).append("] ")
                        .append(words(k.condition()));
                if ("failed".equals(k.state()) && k.fact() != null) {
                    s.append(" — ").append(t(ReplText.BY)).append(' ').append(words(k.fact()));
                } else if ("unknown".equals(k.state()) && k.ask() != null) {
                    s.append(" — ").append(t(ReplText.ASK)).append(": ").append(k.ask());
                }
                line(s.toString());
            }
        }
    }

    /** A condition or fact of an explanation in the session's language. */
    private String words(String text) {
        return Words.say(text, lang.get());
    }

    private String truth(String state) {
        return switch (state) {
            case "met" -> t(ReplText.MET);
            case "failed" -> t(ReplText.FAILED);
            default -> t(ReplText.UNKNOWN);
        };
    }

    void diff(String findingId, Object value, DiagnosisDiff diff, Catalog catalog) {
        say(ReplText.WHATIF_HEADER, findingId, value);
        if (diff.isEmpty()) {
            say(ReplText.WHATIF_SAME);
            return;
        }
        for (DiagnosisDiff.StatusChange c : diff.causes()) {
            line(String.format("  %s: %s → %s", label(catalog, c.cause()), status(c.before()), status(c.after())));
        }
        if (!java.util.Objects.equals(diff.firstRemedyBefore(), diff.firstRemedyAfter())) {
            line(String.format("  %s: %s → %s", t(ReplText.FIRST_STEP).toLowerCase(java.util.Locale.ROOT),
                    orNone(remedy(catalog, diff.firstRemedyBefore())), orNone(remedy(catalog, diff.firstRemedyAfter()))));
        }
        if (!diff.remediesAdded().isEmpty()) {
            line("  " + t(ReplText.NEW_REMEDIES) + ":");
            diff.remediesAdded().forEach(r -> line("    - " + remedy(catalog, r)));
        }
        if (!diff.remediesRemoved().isEmpty()) {
            line("  " + t(ReplText.GONE_REMEDIES) + ":");
            diff.remediesRemoved().forEach(r -> line("    - " + remedy(catalog, r)));
        }
        if (!java.util.Objects.equals(diff.firstQuestionBefore(), diff.firstQuestionAfter())) {
            line(String.format("  %s: %s → %s", t(ReplText.NEXT_QUESTION), orNone(diff.firstQuestionBefore()),
                    orNone(diff.firstQuestionAfter())));
        }
    }

    /** A remedy as people read it: its text in the session's language (its id when the catalog lacks it). */
    private String remedy(Catalog catalog, String id) {
        if (id == null) {
            return null;
        }
        RemedyDef r = catalog.remedies().get(id);
        return r == null ? id : t(r.text());
    }

    private String orNone(String s) {
        return s == null ? t(ReplText.NONE) : s;
    }

    /** The answers (explicit and from messages), the messages, the as-of. */
    void facts(pajakdx.Case c, Map<String, Finding> findings, boolean reveal) {
        say(ReplText.FACTS_HEADER, reveal ? new Revealed(c.id()) : c.id(), c.asOf());
        if (findings.isEmpty()) {
            say(ReplText.NO_ANSWERS);
        }
        for (Finding f : findings.values()) {
            String value = f.isKnown() ? f.shownValue(reveal) : t(ReplText.UNKNOWN_WORD);
            boolean fromMessage = !c.answers().containsKey(f.getId());
            line("  " + f.getId() + " = " + value + (fromMessage ? "  (" + t(ReplText.FROM_MESSAGE) + ")" : ""));
        }
        for (String m : c.messages()) {
            line("  " + t(ReplText.MESSAGES) + ": \"" + (reveal ? m : Masking.maskText(m)) + "\"");
        }
    }

    void problems(Catalog catalog) {
        say(ReplText.PROBLEMS);
        int i = 1;
        for (FindingDef.Value v : catalog.findings().get(Catalog.PROBLEM).values()) {
            line(String.format("  %d. %s — %s", i++, v.id(), t(v.text())));
        }
    }

    void help() {
        say(ReplText.HELP_HEADER);
        for (Command c : Command.values()) {
            String names = String.join(" / ", c.names());
            String args = lang.get() == Lang.EN ? englishArgs(c.args()) : c.args();
            String usage = names + (args.isEmpty() ? "" : " " + args);
            line(usage.length() <= 34 ? String.format("  %-34s %s", usage, t(c.help()))
                    : "  " + usage + "\n" + " ".repeat(37) + t(c.help()));
        }
        say(ReplText.HELP_ANSWER);
        say(ReplText.CAUSE_ARG);
    }

    static String englishArgs(String args) {
        return args.replace("TEMUAN", "FINDING").replace("NILAI", "VALUE").replace("PENYEBAB", "CAUSE")
                .replace("BERKAS", "FILE").replace("TANGGAL", "DATE").replace("TEKS", "TEXT");
    }

    private static String source(Catalog catalog, String key) {
        Source s = catalog.sources().get(key);
        if (s == null) {
            return key;
        }
        return key + " — " + s.publisher() + ", \"" + s.title() + "\"" + (s.date().isEmpty() ? "" : " (" + s.date() + ")");
    }
}
