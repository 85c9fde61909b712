package pajakdx.repl;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pajakdx.TestRules;
import pajakdx.cli.Main;

/**
 * Runs {@code pajakdx repl} in process with piped input, as a script would, and cuts the
 * transcript into the output of each command.
 */
record Transcript(int code, String out, String err) {
    private static final Pattern PROMPT = Pattern.compile("(?m)^(pajakdx|jawab|answer)> (.*)$");

    /** {@code repl --rules rules/ --home HOME ARGS...} with {@code lines} as standard input. */
    static Transcript run(Path home, String lines, String... args) {
        List<String> full = new ArrayList<>(List.of("repl", "--rules", TestRules.rulesDir().toString(),
                "--home", home.toString()));
        full.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(full.toArray(String[]::new), new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new Transcript(code, out.toString(), err.toString());
    }

    /** What the command at position {@code index} (0-based, in input order) printed, up to the next prompt. */
    String reply(int index) {
        Matcher m = PROMPT.matcher(out);
        int n = -1;
        while (m.find()) {
            if (++n == index) {
                int start = m.end();
                int end = m.find() ? m.start() : out.length();
                return out.substring(start, end);
            }
        }
        throw new AssertionError("no command #" + index + " in:\n" + out);
    }

    /** What the last command echoed as {@code command} printed (exact echo match). */
    String reply(String command) {
        Matcher m = PROMPT.matcher(out);
        int found = -1;
        int n = -1;
        while (m.find()) {
            n++;
            if (m.group(2).equals(command)) {
                found = n;
            }
        }
        if (found < 0) {
            throw new AssertionError("command '" + command + "' not in:\n" + out);
        }
        return reply(found);
    }

    /** Everything printed before the first prompt. */
    String greeting() {
        Matcher m = PROMPT.matcher(out);
        return m.find() ? out.substring(0, m.start()) : out;
    }

    private static final Pattern STACK_LINE = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(|Exception in thread|^Caused by:");

    /** No stack trace anywhere. */
    boolean clean() {
        return !STACK_LINE.matcher(out + err).find();
    }
}
