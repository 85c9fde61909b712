package pajakdx.repl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pajakdx.LiveRuleBase;
import pajakdx.RuleBase;
import pajakdx.TestRules;
import pajakdx.base.Lang;

/**
 * The helpdesk sessions of docs/REPL.md: each script of {@code src/test/resources/repl/} run
 * through the REPL with the bundled rules, no home folder and the clock pinned to
 * {@link #TODAY}, so that the transcript is the same on every machine and every day. The doc
 * holds each transcript between {@code <!-- transcript:NAME -->} and {@code <!-- /transcript -->};
 * {@code mvn test -Dtest=ReplHelpdeskSessionTest -Dpajakdx.writeDocs=true} writes them there from
 * the build being tested.
 */
final class HelpdeskTranscripts {
    /** The day the sessions are run on: 10 March 2025, 10:00 WIB. */
    static final Instant TODAY = Instant.parse("2025-03-10T03:00:00Z");

    private static LiveRuleBase bundled;

    private HelpdeskTranscripts() {
    }

    /** The rules as `pajakdx repl` without --rules uses them (compiled once for these tests). */
    static synchronized LiveRuleBase bundled() {
        if (bundled == null) {
            bundled = LiveRuleBase.of(RuleBase::bundled);
        }
        return bundled;
    }

    /** The script {@code NAME.txt}: the lines typed, one per line. */
    static String script(String name) throws IOException {
        try (InputStream in = HelpdeskTranscripts.class.getResourceAsStream("/repl/" + name + ".txt")) {
            if (in == null) {
                throw new IOException("no script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What the REPL prints for {@code script}, in {@code lang}. */
    static String run(String script, Lang lang) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        Repl repl = new Repl(bundled(), null, null, new Repl.Settings(lang, false, null, null), out,
                Clock.fixed(TODAY, ZoneOffset.UTC));
        repl.run(ReplIo.plainSource(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out));
        out.flush();
        return text.toString();
    }

    static Path doc() {
        return TestRules.projectRoot().resolve("docs/REPL.md");
    }

    private static Pattern block(String name) {
        return Pattern.compile("(<!-- transcript:" + Pattern.quote(name) + " -->\\n```\\n)(.*?)(```\\n<!-- /transcript -->)",
                Pattern.DOTALL);
    }

    /** The transcript {@code name} as docs/REPL.md holds it, or null when it holds none. */
    static String inDoc(String name) throws IOException {
        Matcher m = block(name).matcher(Files.readString(doc()));
        return m.find() ? m.group(2) : null;
    }

    /** Writes {@code transcript} into docs/REPL.md as the block {@code name} (which must exist). */
    static void writeToDoc(String name, String transcript) throws IOException {
        String doc = Files.readString(doc());
        Matcher m = block(name).matcher(doc);
        if (!m.find()) {
            throw new IOException("docs/REPL.md has no block <!-- transcript:" + name + " -->");
        }
        Files.writeString(doc(), doc.substring(0, m.start()) + m.group(1) + transcript + m.group(3)
                + doc.substring(m.end()));
    }
}
