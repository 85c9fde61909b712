package pajakdx.verify;

import java.util.ArrayList;
import java.util.List;
import pajakdx.Diagnosis;
import pajakdx.Expectation;
import pajakdx.base.Text;

/**
 * Compares a diagnosis with a golden case's {@code expect} block. An expected id names a cause
 * by its id or by one of its relation ids ({@code IMP-1}). Returns the mismatches, each a
 * sentence (in both languages for {@code pajakdx test --lang}); empty when the diagnosis is as expected.
 */
public final class ExpectationCheck {
    private ExpectationCheck() {
    }

    /** The mismatches in English (see {@link #differences}). */
    public static List<String> mismatches(Expectation e, Diagnosis d) {
        return differences(e, d).stream().map(Text::en).toList();
    }

    /** How the diagnosis differs from the expectation, each a sentence in both languages; empty when as expected. */
    public static List<Text> differences(Expectation e, Diagnosis d) {
        List<Text> out = new ArrayList<>();
        List<Diagnosis.CauseResult> confirmed = d.causesWithStatus("confirmed");
        for (String id : e.confirmed()) {
            if (confirmed.stream().noneMatch(c -> matches(c, id))) {
                Text is = statusOf(d, id);
                out.add(new Text("diharapkan " + id + " terkonfirmasi, tetapi ternyata " + is.id(),
                        "expected " + id + " confirmed, but it is " + is.en()));
            }
        }
        for (Diagnosis.CauseResult c : confirmed) {
            if (e.confirmed().stream().noneMatch(id -> matches(c, id))) {
                out.add(new Text(name(c) + " tidak diharapkan terkonfirmasi",
                        "did not expect " + name(c) + " to be confirmed"));
            }
        }
        expectStatus(e.suspected(), "suspected", d, out);
        expectStatus(e.ruledOut(), "ruled-out", d, out);
        expectStatus(e.notNeeded(), "not-needed", d, out);
        for (String id : e.absent()) {
            if (d.causes().stream().anyMatch(c -> matches(c, id))) {
                Text is = statusOf(d, id);
                out.add(new Text("diharapkan " + id + " tidak disimpulkan, tetapi ternyata " + is.id(),
                        "expected " + id + " not to be concluded, but it is " + is.en()));
            }
        }
        if (e.firstRemedy() != null) {
            Text first = d.remedies().isEmpty() ? new Text("(tidak ada langkah)", "(no remedy)")
                    : Text.both(d.remedies().get(0).id());
            if (!first.en().equals(e.firstRemedy())) {
                out.add(new Text("diharapkan langkah pertama " + e.firstRemedy() + ", ternyata " + first.id(),
                        "expected first remedy " + e.firstRemedy() + ", got " + first.en()));
            }
        }
        for (String r : e.remedies()) {
            if (d.remedies().stream().noneMatch(s -> s.id().equals(r))) {
                out.add(new Text("diharapkan langkah " + r + " ditawarkan", "expected remedy " + r + " to be offered"));
            }
        }
        for (String q : e.questions()) {
            if (d.questions().stream().noneMatch(x -> x.finding().equals(q))) {
                out.add(new Text("diharapkan pertanyaan " + q + " masih terbuka",
                        "expected question " + q + " to be open"));
            }
        }
        if (e.firstQuestion() != null) {
            Text first = d.questions().isEmpty() ? new Text("(tidak ada pertanyaan)", "(no question)")
                    : Text.both(d.questions().get(0).finding());
            if (!first.en().equals(e.firstQuestion())) {
                out.add(new Text("diharapkan pertanyaan pertama " + e.firstQuestion() + ", ternyata " + first.id(),
                        "expected first question " + e.firstQuestion() + ", got " + first.en()));
            }
        }
        return out;
    }

    private static void expectStatus(List<String> ids, String status, Diagnosis d, List<Text> out) {
        for (String id : ids) {
            if (d.causesWithStatus(status).stream().noneMatch(c -> matches(c, id))) {
                Text is = statusOf(d, id);
                out.add(new Text("diharapkan " + id + " " + indonesian(status) + ", tetapi ternyata " + is.id(),
                        "expected " + id + " " + status + ", but it is " + is.en()));
            }
        }
    }

    /** True when {@code id} is the cause's id or one of its relations. */
    public static boolean matches(Diagnosis.CauseResult c, String id) {
        return c.id().equals(id) || c.relations().contains(id);
    }

    /** The statuses a cause matching {@code id} has, or that it is not concluded. */
    private static Text statusOf(Diagnosis d, String id) {
        List<String> found = d.causes().stream().filter(c -> matches(c, id)).map(c -> c.status()).toList();
        return found.isEmpty() ? new Text("tidak disimpulkan", "not concluded")
                : new Text(String.join("/", found.stream().map(ExpectationCheck::indonesian).toList()),
                        String.join("/", found));
    }

    /**
     * A cause's status ({@code confirmed}, {@code ruled-out} ...) in Indonesian, lower case as in a
     * sentence; the same words as report/Labels, which this package cannot use (report depends on it).
     */
    static String indonesian(String status) {
        return switch (status) {
            case "confirmed" -> "terkonfirmasi";
            case "suspected" -> "diduga";
            case "ruled-out" -> "disingkirkan";
            case "not-needed" -> "tidak diperlukan";
            default -> status;
        };
    }

    private static String name(Diagnosis.CauseResult c) {
        return c.id() + (c.relations().isEmpty() ? "" : " (" + String.join(", ", c.relations()) + ")");
    }
}
