package pajakdx.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pajakdx.TestRules;

/** The fenced code blocks of a Markdown file under docs/, with their info strings, in order. */
public final class DocBlocks {
    /**
     * One fenced block.
     *
     * @param info the words after the opening fence, e.g. {@code drl file=my-rules/coretax/session.drl}
     * @param body the block's text, ending in a newline
     * @param line the line of the opening fence (for messages)
     */
    public record Block(String info, String body, int line) {
        /** The value of {@code key=value} in the info string, or null. */
        public String attr(String key) {
            for (String word : info.split("\\s+")) {
                if (word.startsWith(key + "=")) {
                    return word.substring(key.length() + 1);
                }
            }
            return null;
        }

        /** True when the info string holds the bare word {@code word}. */
        public boolean has(String word) {
            return List.of(info.split("\\s+")).contains(word);
        }
    }

    private DocBlocks() {
    }

    public static Path doc(String name) {
        return TestRules.projectRoot().resolve("docs").resolve(name);
    }

    public static List<Block> of(String docName) {
        List<String> lines;
        try {
            lines = Files.readAllLines(doc(docName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```") && l.length() > 3) {
                int start = i;
                StringBuilder body = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) {
                    body.append(lines.get(i)).append('\n');
                }
                out.add(new Block(l.substring(3).trim(), body.toString(), start + 1));
            }
        }
        return out;
    }
}
