package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TestRules;

/**
 * A Java heap too small for the rules: a clear message in the language asked for, saying how to
 * give Java more, exit 3, no stack trace, no hang; and the rule cache is kept (running out of
 * memory is not the cache's fault). Runs the built jar as `java -Xmx… -jar target/pajakdx.jar`.
 */
class OutOfMemoryIT {
    private static final String CASE = "facts/coretax/impersonate-badan-never-logged-in.yaml";

    record Result(int code, String out, String err) {
    }

    static Result java(Path home, String heap, String... args) throws Exception {
        Path root = TestRules.projectRoot();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (heap != null) {
            command.add("-Xmx" + heap);
        }
        command.addAll(List.of("-jar", root.resolve("target/pajakdx.jar").toString()));
        command.addAll(List.of(args));
        // Both streams to files: a JVM that hangs must not hang the test reading its output.
        Path outFile = Files.createTempFile("oom-out", ".txt");
        Path errFile = Files.createTempFile("oom-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectError(errFile.toFile())
                    .redirectOutput(outFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().put("PAJAKDX_HOME", home.toString());
            pb.environment().remove("PAJAKDX_CACHE");
            pb.environment().remove("PAJAKDX_DEBUG");
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().remove("JDK_JAVA_OPTIONS");
            pb.environment().remove("_JAVA_OPTIONS");
            Process p = pb.start();
            boolean ended = p.waitFor(180, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor();
            }
            assertTrue(ended, "the JVM hung: " + Files.readString(errFile, StandardCharsets.UTF_8));
            return new Result(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
                    Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }

    private static void saysOutOfMemory(Result r, String words) {
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("internal error: " + words) && l.contains("-Xmx")),
                r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"), "no stack trace: " + r.err());
        assertFalse(r.err().contains("bug"), "not called a bug: " + r.err());
        // Review finding: an English WARN that rules "could not be compiled apart (OutOfMemoryError)"
        // came first; the message above says it, in the language asked for.
        assertFalse(r.err().contains("could not be compiled apart") || r.err().contains("WARN"),
                "only the message: " + r.err());
    }

    @Test
    void compilingTheRulesOnATinyHeap_saysToGiveJavaMore_inEitherLanguage(@TempDir Path tmp) throws Exception {
        saysOutOfMemory(java(tmp.resolve("id"), "16m", "diagnose", CASE), "memori habis (");
        saysOutOfMemory(java(tmp.resolve("en"), "16m", "diagnose", "--lang", "en", CASE), "out of memory (");
    }

    /**
     * From the cache, the model read, the whole network compiled again on a small heap: it used to
     * end as "the cached rules do not compile" and delete the entry, which is not at fault.
     */
    @Test
    void aHeapTooSmallForTheNetwork_keepsTheRuleCacheEntry(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        Result filled = java(home, null, "diagnose", CASE);
        assertEquals(0, filled.code(), filled.err());
        List<String> before = files(home.resolve("cache"));
        assertTrue(before.stream().anyMatch(n -> n.endsWith(".bin.net")), before.toString());
        Files.delete(home.resolve("cache").resolve(before.stream().filter(n -> n.endsWith(".bin.net")).findFirst()
                .orElseThrow())); // compiled from the model, which fits in the heap; the network does not
        Result r = java(home, "24m", "diagnose", "--lang", "en", "facts/coretax/access-nik-npwp-matched.yaml");
        saysOutOfMemory(r, "out of memory (");
        assertTrue(files(home.resolve("cache")).stream().anyMatch(n -> n.endsWith(".bin")), "the entry kept: "
                + files(home.resolve("cache")));
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
