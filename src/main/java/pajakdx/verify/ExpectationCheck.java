package pajakdx.verify;

import java.util.ArrayList;
import java.util.List;
import pajakdx.Diagnosis;
import pajakdx.Expectation;

/**
 * Compares a diagnosis with a golden case's {@code expect} block. An expected id names a cause
 * by its id or by one of its relation ids ({@code IMP-1}). Returns the mismatches, each a
 * sentence; empty when the diagnosis is as expected.
 */
public final class ExpectationCheck {
    private ExpectationCheck() {
    }

    public static List<String> mismatches(Expectation e, Diagnosis d) {
        List<String> out = new ArrayList<>();
        List<Diagnosis.CauseResult> confirmed = d.causesWithStatus("confirmed");
        for (String id : e.confirmed()) {
            if (confirmed.stream().noneMatch(c -> matches(c, id))) {
                out.add("expected " + id + " confirmed, but it is " + statusOf(d, id));
            }
        }
        for (Diagnosis.CauseResult c : confirmed) {
            if (e.confirmed().stream().noneMatch(id -> matches(c, id))) {
                out.add("did not expect " + name(c) + " to be confirmed");
            }
        }
        expectStatus(e.suspected(), "suspected", d, out);
        expectStatus(e.ruledOut(), "ruled-out", d, out);
        expectStatus(e.notNeeded(), "not-needed", d, out);
        for (String id : e.absent()) {
            if (d.causes().stream().anyMatch(c -> matches(c, id))) {
                out.add("expected " + id + " not to be concluded, but it is " + statusOf(d, id));
            }
        }
        if (e.firstRemedy() != null) {
            String first = d.remedies().isEmpty() ? "(no remedy)" : d.remedies().get(0).id();
            if (!first.equals(e.firstRemedy())) {
                out.add("expected first remedy " + e.firstRemedy() + ", got " + first);
            }
        }
        for (String r : e.remedies()) {
            if (d.remedies().stream().noneMatch(s -> s.id().equals(r))) {
                out.add("expected remedy " + r + " to be offered");
            }
        }
        for (String q : e.questions()) {
            if (d.questions().stream().noneMatch(x -> x.finding().equals(q))) {
                out.add("expected question " + q + " to be open");
            }
        }
        if (e.firstQuestion() != null) {
            String first = d.questions().isEmpty() ? "(no question)" : d.questions().get(0).finding();
            if (!first.equals(e.firstQuestion())) {
                out.add("expected first question " + e.firstQuestion() + ", got " + first);
            }
        }
        return out;
    }

    private static void expectStatus(List<String> ids, String status, Diagnosis d, List<String> out) {
        for (String id : ids) {
            if (d.causesWithStatus(status).stream().noneMatch(c -> matches(c, id))) {
                out.add("expected " + id + " " + status + ", but it is " + statusOf(d, id));
            }
        }
    }

    /** True when {@code id} is the cause's id or one of its relations. */
    public static boolean matches(Diagnosis.CauseResult c, String id) {
        return c.id().equals(id) || c.relations().contains(id);
    }

    private static String statusOf(Diagnosis d, String id) {
        List<String> found = d.causes().stream().filter(c -> matches(c, id)).map(c -> c.status()).toList();
        return found.isEmpty() ? "not concluded" : String.join("/", found);
    }

    private static String name(Diagnosis.CauseResult c) {
        return c.id() + (c.relations().isEmpty() ? "" : " (" + String.join(", ", c.relations()) + ")");
    }
}
