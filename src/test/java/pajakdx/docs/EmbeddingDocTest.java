package pajakdx.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.EmbeddingExample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import pajakdx.TestRules;

/**
 * docs/EMBEDDING.md tells the truth: its example program is the compiled and tested
 * src/test/java/example/EmbeddingExample.java, its output is what the program prints, and its
 * Maven coordinates are those of pom.xml.
 */
class EmbeddingDocTest {

    private static DocBlocks.Block block(String info) {
        return DocBlocks.of("EMBEDDING.md").stream().filter(b -> b.info().equals(info)).findFirst()
                .orElseThrow(() -> new AssertionError("docs/EMBEDDING.md has no ```" + info + " block"));
    }

    @Test
    void theDocShowsTheExampleProgramAsCompiled() throws IOException {
        String source = Files.readString(TestRules.projectRoot()
                .resolve("src/test/java/example/EmbeddingExample.java"), StandardCharsets.UTF_8);
        assertEquals(source, block("java file=src/test/java/example/EmbeddingExample.java").body(),
                "copy src/test/java/example/EmbeddingExample.java into docs/EMBEDDING.md");
    }

    @Test
    void theExampleRuns_andPrintsWhatTheDocShows() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EmbeddingExample.run(TestRules.rulesDir(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        assertEquals(block("text output-of=EmbeddingExample").body(), out);
    }

    @Test
    void theBundledRulesWorkTheSameWay() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EmbeddingExample.run(null, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("confirmed: badan-never-logged-in [IMP-1]"));
    }

    @Test
    void theMavenCoordinatesAreThoseOfThePom() throws IOException {
        String pom = Files.readString(TestRules.projectRoot().resolve("pom.xml"), StandardCharsets.UTF_8);
        String xml = block("xml dependency").body();
        for (String tag : List.of("groupId", "artifactId", "version")) {
            Matcher inPom = Pattern.compile("^  <" + tag + ">([^<]+)</" + tag + ">", Pattern.MULTILINE).matcher(pom);
            Matcher inDoc = Pattern.compile("<" + tag + ">([^<]+)</" + tag + ">").matcher(xml);
            assertTrue(inPom.find() && inDoc.find(), tag);
            assertEquals(inPom.group(1), inDoc.group(1), tag);
        }
    }
}
