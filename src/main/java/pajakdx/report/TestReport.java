package pajakdx.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pajakdx.Diagnosis;
import pajakdx.Expectation;
import pajakdx.base.Lang;
import pajakdx.base.Problem;
import pajakdx.base.Text;
import pajakdx.knowledge.Rule;
import pajakdx.text.Masking;
import pajakdx.verify.CaseResult;
import pajakdx.verify.Coverage;
import pajakdx.verify.ExpectationCheck;

/**
 * The text {@code pajakdx test} prints, in the language asked for: a line per case, the expected
 * and the actual diagnosis side by side for a failing case, then relation and rule coverage with
 * totals. Ids, file names and the keys of a case's {@code expect:} block stay as written.
 */
public final class TestReport {
    private static final int MAX_LEFT = 48;
    // Five letters in Indonesian, so the case names line up after one space.
    private static final Text PASS = new Text("LULUS ", "PASS  ");
    private static final Text FAIL = new Text("GAGAL ", "FAIL  ");
    private static final Text ERROR = new Text("GALAT ", "ERROR ");
    private static final Text EXPECTED = new Text("diharapkan", "expected");
    private static final Text ACTUAL = new Text("hasil", "actual");
    private static final Text FIRST_REMEDY = new Text("langkah pertama", "first remedy");
    private static final Text REMEDIES = new Text("langkah", "remedies");
    private static final Text QUESTIONS = new Text("pertanyaan", "questions");
    private static final Text FIRST_QUESTION = new Text("pertanyaan pertama", "first question");
    private static final Text ABSENT = new Text("tidak disimpulkan", "absent");

    private TestReport() {
    }

    /**
     * One case: PASS/FAIL/ERROR line, plus details when it did not pass. Case files are often
     * named after the taxpayer: the name is masked as in every message about a file, and so are
     * the details, which quote the case. Why a case could not run is said in {@code lang}; the
     * {@code error:} before it stays.
     */
    public static String caseLines(CaseResult r, Lang lang) {
        StringBuilder s = new StringBuilder();
        String name = Masking.maskFileName(r.name());
        if (!r.errors().isEmpty()) {
            s.append(ERROR.in(lang)).append(name).append('\n');
            for (Problem p : r.errors()) {
                s.append("    error: ").append(p.toString(lang)).append('\n');
            }
            return s.toString();
        }
        if (r.passed()) {
            return PASS.in(lang) + name + '\n';
        }
        s.append(FAIL.in(lang)).append(name).append('\n');
        if (r.c().expect() != null) {
            s.append(Masking.maskText(sideBySide(r.c().expect(), r.diagnosis(), lang)));
            for (Text m : ExpectationCheck.differences(r.c().expect(), r.diagnosis())) {
                s.append("    - ").append(Masking.maskText(m.in(lang))).append('\n');
            }
        } else {
            for (String m : r.mismatches()) {
                s.append("    - ").append(Masking.maskText(m)).append('\n');
            }
        }
        return s.toString();
    }

    /** The case in English, its problems as they are. */
    public static String caseLines(CaseResult r) {
        return caseLines(r, Lang.EN);
    }

    /**
     * The expectation's lines on the left (the keys of the case's {@code expect:} block, as
     * written), what the diagnosis says about the same things on the right, in {@code lang}.
     */
    static String sideBySide(Expectation e, Diagnosis d, Lang lang) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {EXPECTED.in(lang), ACTUAL.in(lang)});
        rows.add(new String[] {"confirmed: " + list(e.confirmed(), lang), status("confirmed", lang) + ": "
                + causes(d, "confirmed", lang)});
        if (!e.suspected().isEmpty()) {
            rows.add(new String[] {"suspected: " + list(e.suspected(), lang), status("suspected", lang) + ": "
                    + causes(d, "suspected", lang)});
        }
        if (!e.notNeeded().isEmpty()) {
            rows.add(new String[] {"not_needed: " + list(e.notNeeded(), lang), status("not-needed", lang) + ": "
                    + causes(d, "not-needed", lang)});
        }
        if (!e.ruledOut().isEmpty()) {
            rows.add(new String[] {"ruled_out: " + list(e.ruledOut(), lang), status("ruled-out", lang) + ": "
                    + causes(d, "ruled-out", lang)});
        }
        for (String id : e.absent()) {
            rows.add(new String[] {"absent: " + id, id + ": " + statusOf(d, id, lang)});
        }
        if (e.firstRemedy() != null) {
            rows.add(new String[] {"first_remedy: " + e.firstRemedy(), FIRST_REMEDY.in(lang) + ": "
                    + (d.remedies().isEmpty() ? Labels.NONE.in(lang) : d.remedies().get(0).id())});
        }
        if (!e.remedies().isEmpty()) {
            rows.add(new String[] {"remedies: " + list(e.remedies(), lang), REMEDIES.in(lang) + ": "
                    + list(d.remedies().stream().map(Diagnosis.RemedyStep::id).toList(), lang)});
        }
        if (!e.questions().isEmpty()) {
            rows.add(new String[] {"questions: " + list(e.questions(), lang), QUESTIONS.in(lang) + ": "
                    + list(d.questions().stream().map(Diagnosis.Question::finding).toList(), lang)});
        }
        if (e.firstQuestion() != null) {
            rows.add(new String[] {"first_question: " + e.firstQuestion(), FIRST_QUESTION.in(lang) + ": "
                    + (d.questions().isEmpty() ? Labels.NONE.in(lang) : d.questions().get(0).finding())});
        }
        int width = Math.min(MAX_LEFT, rows.stream().mapToInt(r -> r[0].length()).max().orElse(0));
        StringBuilder s = new StringBuilder();
        for (String[] row : rows) {
            String left = row[0].length() > width ? row[0].substring(0, width - 1) + "…" : row[0];
            s.append("    ").append(left).append(" ".repeat(width - left.length())).append(" | ").append(row[1])
                    .append('\n');
        }
        return s.toString();
    }

    /**
     * A status in {@code lang}, lower case as in a sentence: the status label in English as
     * before ({@code not needed}, {@code ruled out}), the word of {@link Labels#status} in Indonesian.
     */
    private static String status(String status, Lang lang) {
        return lang == Lang.EN ? status.replace('-', ' ') : Labels.status(status, lang).toLowerCase(Locale.ROOT);
    }

    private static String causes(Diagnosis d, String status, Lang lang) {
        return list(d.causesWithStatus(status).stream().map(c -> c.relations().isEmpty() ? c.id()
                : String.join("/", c.relations()) + " " + c.id()).toList(), lang);
    }

    private static String statusOf(Diagnosis d, String id, Lang lang) {
        List<String> found = d.causes().stream().filter(c -> ExpectationCheck.matches(c, id))
                .map(c -> lang == Lang.EN ? c.status() : status(c.status(), lang)).toList();
        return found.isEmpty() ? ABSENT.in(lang) : String.join("/", found);
    }

    private static String list(List<String> items, Lang lang) {
        return items.isEmpty() ? Labels.NONE.in(lang) : String.join(", ", items);
    }

    /** Totals of the cases: {@code cases: 9 passed, 1 failed, 0 could not run (10 total)}. */
    public static String totals(List<CaseResult> results, Lang lang) {
        long passed = results.stream().filter(CaseResult::passed).count();
        long errors = results.stream().filter(r -> !r.errors().isEmpty()).count();
        long failed = results.size() - passed - errors;
        if (lang == Lang.ID) {
            return "kasus: " + passed + " lulus, " + failed + " gagal, " + errors + " tidak dapat dijalankan (total "
                    + results.size() + ")\n";
        }
        return "cases: " + passed + " passed, " + failed + " failed, " + errors + " could not run (" + results.size()
                + " total)\n";
    }

    /** Relation coverage and rule coverage, with what is missing; rules by their title in {@code lang}. */
    public static String coverage(Coverage c, RuleTitles titles, Lang lang) {
        boolean en = lang == Lang.EN;
        StringBuilder s = new StringBuilder();
        if (en) {
            s.append("relation coverage: ").append(c.coveredRelations()).append(" of ").append(c.relations().size())
                    .append(" relations of relations.yaml (").append(percent(c.relationPercent(), lang))
                    .append(") are named by a rule and concluded by a case\n");
        } else {
            s.append("cakupan relasi: ").append(c.coveredRelations()).append(" dari ").append(c.relations().size())
                    .append(" relasi di relations.yaml (").append(percent(c.relationPercent(), lang))
                    .append(") disebut oleh suatu aturan dan disimpulkan oleh suatu kasus\n");
        }
        idList(s, en ? "no rule names" : "tidak disebut oleh aturan mana pun", c.withoutRule());
        idList(s, en ? "a rule but no case concludes" : "ada aturannya, tetapi tidak disimpulkan oleh kasus mana pun",
                c.withoutCase());
        idList(s, en ? "cause relations that no case rules out"
                : "relasi penyebab yang tidak disingkirkan oleh kasus mana pun", c.causesNeverRuledOut());
        List<Rule> never = c.neverFired();
        int fired = c.rules().size() - never.size();
        if (en) {
            s.append("rule coverage: ").append(fired).append(" of ").append(c.rules().size())
                    .append(" rules (").append(percent(c.rulePercent(), lang)).append(") fire in at least one case\n");
        } else {
            s.append("cakupan aturan: ").append(fired).append(" dari ").append(c.rules().size())
                    .append(" aturan (").append(percent(c.rulePercent(), lang))
                    .append(") berjalan di sedikitnya satu kasus\n");
        }
        if (!never.isEmpty()) {
            s.append(en ? "  rules no case fires (" : "  aturan yang tidak dijalankan oleh kasus mana pun (")
                    .append(never.size()).append("):\n");
            for (Rule r : never) {
                s.append("    ").append(r.at()).append("  ").append(titles.of(r, lang)).append('\n');
            }
        }
        return s.toString();
    }

    /** The line {@code pajakdx test --min-coverage} adds when relation coverage is below the minimum. */
    public static String belowMinimum(double coverage, double minimum, Lang lang) {
        return lang == Lang.EN
                ? "relation coverage " + percent(coverage, lang) + " is below the minimum of " + percent(minimum, lang) + "\n"
                : "cakupan relasi " + percent(coverage, lang) + " di bawah batas minimum " + percent(minimum, lang) + "\n";
    }

    private static void idList(StringBuilder s, String what, List<Coverage.RelationUse> items) {
        if (!items.isEmpty()) {
            s.append("  ").append(what).append(" (").append(items.size()).append("): ")
                    .append(String.join(", ", items.stream().map(r -> r.relation().id()).toList())).append('\n');
        }
    }

    /** A number as each language writes it: {@code 100.1} or {@code 100,1}, {@code -1}, no exponent. */
    public static String number(double d, Lang lang) {
        String s = java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return lang == Lang.ID ? s.replace('.', ',') : s;
    }

    /** {@code 87.5%} in English, {@code 87,5%} in Indonesian: always one decimal, written as each language writes it. */
    public static String percent(double p, Lang lang) {
        String s = String.format(Locale.ROOT, "%.1f%%", p);
        return lang == Lang.ID ? s.replace('.', ',') : s;
    }
}
