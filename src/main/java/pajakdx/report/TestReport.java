package pajakdx.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pajakdx.Diagnosis;
import pajakdx.Expectation;
import pajakdx.base.Problem;
import pajakdx.knowledge.Rule;
import pajakdx.base.Problem;
import pajakdx.text.Masking;
import pajakdx.knowledge.Rule;
import pajakdx.verify.CaseResult;
import pajakdx.verify.Coverage;

/**
 * The text {@code pajakdx test} prints: a line per case, the expected and the actual diagnosis
 * side by side for a failing case, then relation and rule coverage with totals.
 */
public final class TestReport {
    private static final int MAX_LEFT = 48;

    private TestReport() {
    }

    /**
     * One case: PASS/FAIL/ERROR line, plus details when it did not pass. Case files are often
     * named after the taxpayer: the name is masked as in every message about a file, and so are
     * the details, which quote the case.
     */
    public static String caseLines(CaseResult r) {
        StringBuilder s = new StringBuilder();
        String name = Masking.maskFileName(r.name());
        if (!r.errors().isEmpty()) {
            s.append("ERROR ").append(name).append('\n');
            for (Problem p : r.errors()) {
                s.append("    error: ").append(p).append('\n');
            }
            return s.toString();
        }
        if (r.passed()) {
            return "PASS  " + name + '\n';
        }
        s.append("FAIL  ").append(name).append('\n');
        if (r.c().expect() != null) {
            s.append(Masking.maskText(sideBySide(r.c().expect(), r.diagnosis())));
        }
        for (String m : r.mismatches()) {
            s.append("    - ").append(Masking.maskText(m)).append('\n');
        }
        return s.toString();
    }

    /** The expectation's lines on the left, what the diagnosis says about the same things on the right. */
    static String sideBySide(Expectation e, Diagnosis d) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"expected", "actual"});
        rows.add(new String[] {"confirmed: " + list(e.confirmed()), "confirmed: " + causes(d, "confirmed")});
        if (!e.suspected().isEmpty()) {
            rows.add(new String[] {"suspected: " + list(e.suspected()), "suspected: " + causes(d, "suspected")});
        }
        if (!e.notNeeded().isEmpty()) {
            rows.add(new String[] {"not_needed: " + list(e.notNeeded()), "not needed: " + causes(d, "not-needed")});
        }
        if (!e.ruledOut().isEmpty()) {
            rows.add(new String[] {"ruled_out: " + list(e.ruledOut()), "ruled out: " + causes(d, "ruled-out")});
        }
        for (String id : e.absent()) {
            rows.add(new String[] {"absent: " + id, id + ": " + statusOf(d, id)});
        }
        if (e.firstRemedy() != null) {
            rows.add(new String[] {"first_remedy: " + e.firstRemedy(), "first remedy: "
                    + (d.remedies().isEmpty() ? "(none)" : d.remedies().get(0).id())});
        }
        if (!e.remedies().isEmpty()) {
            rows.add(new String[] {"remedies: " + list(e.remedies()), "remedies: "
                    + list(d.remedies().stream().map(Diagnosis.RemedyStep::id).toList())});
        }
        if (!e.questions().isEmpty()) {
            rows.add(new String[] {"questions: " + list(e.questions()), "questions: "
                    + list(d.questions().stream().map(Diagnosis.Question::finding).toList())});
        }
        if (e.firstQuestion() != null) {
            rows.add(new String[] {"first_question: " + e.firstQuestion(), "first question: "
                    + (d.questions().isEmpty() ? "(none)" : d.questions().get(0).finding())});
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

    private static String causes(Diagnosis d, String status) {
        return list(d.causesWithStatus(status).stream().map(c -> c.relations().isEmpty() ? c.id()
                : String.join("/", c.relations()) + " " + c.id()).toList());
    }

    private static String statusOf(Diagnosis d, String id) {
        List<String> found = d.causes().stream().filter(c -> pajakdx.verify.ExpectationCheck.matches(c, id))
                .map(Diagnosis.CauseResult::status).toList();
        return found.isEmpty() ? "absent" : String.join("/", found);
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "(none)" : String.join(", ", items);
    }

    /** Totals of the cases: {@code cases: 9 passed, 1 failed, 0 errors (10 total)}. */
    public static String totals(List<CaseResult> results) {
        long passed = results.stream().filter(CaseResult::passed).count();
        long errors = results.stream().filter(r -> !r.errors().isEmpty()).count();
        long failed = results.size() - passed - errors;
        return "cases: " + passed + " passed, " + failed + " failed, " + errors + " could not run (" + results.size()
                + " total)\n";
    }

    /** Relation coverage and rule coverage, with what is missing. */
    public static String coverage(Coverage c) {
        StringBuilder s = new StringBuilder();
        s.append("relation coverage: ").append(c.coveredRelations()).append(" of ").append(c.relations().size())
                .append(" relations of relations.yaml (").append(percent(c.relationPercent()))
                .append(") are named by a rule and concluded by a case\n");
        idList(s, "no rule names", c.withoutRule());
        idList(s, "a rule but no case concludes", c.withoutCase());
        idList(s, "cause relations that no case rules out", c.causesNeverRuledOut());
        List<Rule> never = c.neverFired();
        s.append("rule coverage: ").append(c.rules().size() - never.size()).append(" of ").append(c.rules().size())
                .append(" rules (").append(percent(c.rulePercent())).append(") fire in at least one case\n");
        if (!never.isEmpty()) {
            s.append("  rules no case fires (").append(never.size()).append("):\n");
            for (Rule r : never) {
                s.append("    ").append(r.at()).append("  ").append(r.name()).append('\n');
            }
        }
        return s.toString();
    }

    private static void idList(StringBuilder s, String what, List<Coverage.RelationUse> items) {
        if (!items.isEmpty()) {
            s.append("  ").append(what).append(" (").append(items.size()).append("): ")
                    .append(String.join(", ", items.stream().map(r -> r.relation().id()).toList())).append('\n');
        }
    }

    /** {@code 87.5%}, always with one decimal and a dot. */
    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }
}
