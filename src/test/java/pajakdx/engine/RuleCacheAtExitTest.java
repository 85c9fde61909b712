package pajakdx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.RuleBase;
import pajakdx.TempRules;
import pajakdx.internal.RuleBases;
import pajakdx.knowledge.RuleFolder;

/**
 * The rule cache as a short command leaves it when it exits. A network that could not be read is
 * compiled again and written anew on a thread of its own, so that no diagnosis waits for the
 * write; the JVM stops that thread at exit, so `batch` (a short process) used to lose the write
 * and compile the network again at every run. The command now waits for it before it exits.
 */
class RuleCacheAtExitTest {
    /**
     * An empty input ends `batch` as soon as the rules are loaded, long before the network it
     * started to read, found missing and compiles is done; a case on the whole network ends it
     * right after that compile, while the network is written.
     */
    @Test
    void aMissingOrCutNetwork_isWrittenWhole_beforeBatchExits(@TempDir Path tmp) throws Exception {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        Path home = tmp.resolve("home");
        RuleCache cache = RuleCache.at(home.resolve("cache"));
        RuleFolder folder = RuleFolder.of(rules);
        RuleBases.settle(RuleBases.load(RuleBase.class, folder, cache)); // as an earlier run left it
        Path entry = cache.entryFor(folder);
        Path net = entry.resolveSibling(entry.getFileName() + ".net");
        long size = Files.size(net);
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
        Path oneCase = Files.writeString(tmp.resolve("cases.jsonl"), "{\"id\": \"a\", \"as_of\": \"2025-02-03\","
                + " \"problem\": \"impersonate-fails\", \"findings\": {\"badan.last-login-shown\": \"no\"}}\n");
        for (String damage : List.of("missing", "cut")) {
            if (damage.equals("missing")) {
                Files.delete(net);
            } else {
                Files.write(net, java.util.Arrays.copyOf(Files.readAllBytes(net), (int) (size / 2)));
            }
            Path cases = damage.equals("missing") ? empty : oneCase;
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "pajakdx.cli.Main", "batch", "--rules",
                    rules.toString(), cases.toString()).redirectErrorStream(true);
            pb.environment().put("PAJAKDX_HOME", home.toString());
            pb.environment().remove("PAJAKDX_CACHE");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            assertTrue(cases == empty ? out.isEmpty() : out.contains("\"caseId\":\"a\""), out);
            assertTrue(whole(net, size), damage + ": the network was written anew, whole, before the process exited");
            try (Stream<Path> files = Files.list(home.resolve("cache"))) {
                assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp"))
                        .toList(), damage + ": no temporary file left");
            }
        }
    }

    /** True when {@code file} is a cache file of about {@code size} bytes whose body has the length and checksum its header gives. */
    private static boolean whole(Path file, long size) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            if (!RuleCache.FORMAT.equals(in.readUTF())) {
                return false;
            }
            long length = in.readLong();
            int expected = in.readInt();
            byte[] body = in.readAllBytes();
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(body);
            return body.length == length && (int) crc.getValue() == expected && Files.size(file) > size * 9 / 10;
        }
    }
}
