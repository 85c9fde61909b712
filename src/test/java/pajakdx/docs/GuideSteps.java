package pajakdx.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import pajakdx.TestRules;

/**
 * Follows the worked example of docs/ANALYST-GUIDE.md in a work folder, block by block:
 * {@code sh run} blocks are run ({@code cp -r} and {@code ./pajakdx} lines), files are written,
 * appended to or edited as the blocks say, and each {@code text output exit=N} block is compared
 * with the output and exit code of the command before it. A line of "…" stands for any lines;
 * "…" inside a line for any text. How a {@code ./pajakdx} line runs is up to the caller: in
 * process, or through the real launcher.
 */
public final class GuideSteps {
    /** The result of one command. */
    public record Result(int code, String out, String err) {
    }

    /** Runs {@code ./pajakdx args} with {@code work} as the working folder. */
    public interface Launcher {
        Result run(Path work, List<String> args) throws Exception;
    }

    /** A command that was run and what it gave. */
    public record Ran(List<String> args, Result result) {
    }

    private GuideSteps() {
    }

    /** Follows the guide in {@code work}; returns every {@code ./pajakdx} command run, in order. */
    public static List<Ran> follow(Path work, Launcher launcher) throws Exception {
        List<Ran> ran = new ArrayList<>();
        for (DocBlocks.Block b : DocBlocks.of("ANALYST-GUIDE.md")) {
            String where = "docs/ANALYST-GUIDE.md:" + b.line();
            if (b.info().equals("sh run")) {
                for (String line : b.body().split("\n")) {
                    List<String> words = Arrays.asList(line.trim().split("\\s+"));
                    if (words.get(0).equals("cp") && words.get(1).equals("-r")) {
                        copy(TestRules.projectRoot().resolve(words.get(2)), work.resolve(words.get(3)));
                    } else if (words.get(0).equals("./pajakdx")) {
                        List<String> args = words.subList(1, words.size());
                        ran.add(new Ran(args, launcher.run(work, args)));
                    } else {
                        throw new AssertionError(where + ": the guide runs a command the test cannot follow: " + line);
                    }
                }
            } else if (b.info().startsWith("text output")) {
                Ran last = ran.get(ran.size() - 1);
                String exit = b.attr("exit");
                assertEquals(Integer.parseInt(exit), last.result().code(), where + ": exit code of ./pajakdx "
                        + String.join(" ", last.args()) + "\n" + last.result().out() + last.result().err());
                assertShows(b.body(), last.result().out(), where);
            } else if (b.attr("file") != null && b.attr("file").startsWith("my-")) {
                write(work.resolve(b.attr("file")), b.body(), false);
            } else if (b.attr("append") != null) {
                write(work.resolve(b.attr("append")), b.body(), true);
            } else if (b.attr("edit") != null) {
                edit(work.resolve(b.attr("edit")), b.body(), where);
            }
        }
        return ran;
    }

    /** Every line of {@code expected} matches a line of {@code actual}, in order. */
    static void assertShows(String expected, String actual, String where) {
        List<String> lines = actual.lines().map(String::stripTrailing).toList();
        int at = 0;
        for (String want : expected.split("\n")) {
            if (want.equals("…")) {
                continue;
            }
            Pattern p = Pattern.compile(Arrays.stream(want.split("…", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + ".*" + b).orElse(""));
            while (at < lines.size() && !p.matcher(lines.get(at)).matches()) {
                at++;
            }
            assertTrue(at < lines.size(), where + ": the output shown has\n  " + want + "\nbut the command printed\n"
                    + actual);
            at++;
        }
    }

    private static void write(Path file, String text, boolean append) throws IOException {
        Files.createDirectories(file.getParent());
        if (append) {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } else {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    private static void edit(Path file, String diff, String where) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> minus = diff.lines().filter(l -> l.startsWith("-")).map(l -> l.substring(1)).toList();
        List<String> plus = diff.lines().filter(l -> l.startsWith("+")).map(l -> l.substring(1)).toList();
        String before = String.join("\n", minus) + "\n";
        assertTrue(text.contains(before), where + ": the lines to change are not in " + file.getFileName());
        Files.writeString(file, text.replace(before, String.join("\n", plus) + "\n"), StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
