package example;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import pajakdx.Case;
import pajakdx.base.CaseException;
import pajakdx.Diagnosis;
import pajakdx.LiveRuleBase;
import pajakdx.base.Problem;
import pajakdx.RuleBase;

/** Embeds PajakDx: load rules, diagnose a case built in code, read the result, handle bad input, reload. */
public final class EmbeddingExample {

    public static void main(String[] args) {
        run(args.length > 0 ? Path.of(args[0]) : null, System.out);
    }

    /** {@code rulesDir} null means the rules bundled in the jar. */
    public static void run(Path rulesDir, PrintStream out) {
        // Load once and share: a RuleBase is immutable and safe to use from many threads.
        RuleBase rules = rulesDir == null ? RuleBase.bundled() : RuleBase.load(rulesDir);

        Case ticket = Case.builder("ticket-4711")
                .asOf("2025-02-03T10:15")                      // WIB; rules never read the wall clock
                .problem("impersonate-fails")
                .answer("user.appointed-role", "kuasa")
                .build();
        Diagnosis first = rules.diagnose(ticket);
        Diagnosis.Question next = first.questions().get(0);  // the answer most worth having
        out.println("ask: " + next.finding() + " " + next.values() + " - " + next.text().en());

        Diagnosis d = rules.diagnose(ticket.with(next.finding(), "no"));   // the user answered "no"
        for (Diagnosis.CauseResult cause : d.causesWithStatus("confirmed")) {
            out.println("confirmed: " + cause.id() + " " + cause.relations() + " - " + cause.text().en());
        }
        out.println("first step: " + d.remedies().get(0).text().en());
        String json = d.toJson();                               // see docs/diagnosis.schema.json
        out.println("json: " + (json.startsWith("{\"schemaVersion\":3,\"caseId\":\"ticket-4711\"") ? "ok" : json));

        // Bad input is an exception listing every problem and where it is; nothing is half-diagnosed.
        try {
            rules.diagnose(ticket.with("badan.last-login-shown", "maybe"));
        } catch (CaseException e) {
            for (Problem p : e.problems()) {
                out.println("refused: " + p);
            }
        }

        // A live rule base reloads the folder atomically while other threads keep diagnosing;
        // a reload that finds errors keeps the last good rules and returns the problems.
        if (rulesDir != null) {
            LiveRuleBase live = LiveRuleBase.load(rulesDir);
            List<Problem> problems = live.reload();
            out.println(problems.isEmpty() ? "reloaded" : "kept the last good rules: " + problems);
        }
    }
}
