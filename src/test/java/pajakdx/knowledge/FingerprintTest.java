package pajakdx.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TestRules;
import pajakdx.engine.RuleCache;

/**
 * The names of cache entries for rules bundled in a jar: any change to any file of the jar gives
 * another name, even when the jar keeps its size and time (builds that fix timestamps, copies that
 * keep them); the same content gives the same name; the jar is opened only when a file is needed.
 */
class FingerprintTest {
    private static final FileTime TIME = FileTime.fromMillis(1_735_689_600_000L); // 2025-01-01

    @Test
    void aJarWithOneLetterChanged_sameSizeAndTime_getsAnotherName(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> files = bundledRules();
        Path a = jar(tmp.resolve("a.jar"), files);
        Path same = jar(tmp.resolve("same.jar"), files);
        String yaml = files.keySet().stream().filter(n -> n.endsWith("impersonate.yaml")).findFirst().orElseThrow();
        Map<String, byte[]> edited = new LinkedHashMap<>(files);
        String text = new String(files.get(yaml), StandardCharsets.UTF_8);
        int at = text.indexOf("Badan");
        assertTrue(at > 0);
        edited.put(yaml, (text.substring(0, at) + "X" + text.substring(at + 1)).getBytes(StandardCharsets.UTF_8));
        Path b = jar(tmp.resolve("b.jar"), edited);

        assertEquals(Files.size(a), Files.size(b), "same size");
        assertEquals(Files.getLastModifiedTime(a), Files.getLastModifiedTime(b), "same time");
        assertNotEquals(Fingerprint.of(a), Fingerprint.of(b), "one letter changed in one file");
        assertEquals(Fingerprint.of(a), Fingerprint.of(same), "the same content");

        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        RuleFolder inA = RuleFolder.inJar(a, "pajakdx-rules");
        RuleFolder inB = RuleFolder.inJar(b, "pajakdx-rules");
        assertEquals(Fingerprint.of(a), inA.fingerprint());
        assertNotEquals(cache.entryFor(inA), cache.entryFor(inB));
        assertEquals(cache.entryFor(inA), cache.entryFor(RuleFolder.inJar(same, "pajakdx-rules")),
                "named by content, not by path or time");
    }

    @Test
    void aBundledFolder_isOpenedOnlyWhenAFileIsNeeded_andThenListsItsFiles(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> files = bundledRules();
        Path jar = jar(tmp.resolve("rules.jar"), files);
        RuleFolder folder = RuleFolder.inJar(jar, "pajakdx-rules");
        assertEquals(jar.toAbsolutePath(), folder.jar());
        List<String> yaml = folder.files(".yaml");
        assertEquals(files.keySet().stream().filter(n -> n.endsWith(".yaml")).map(n -> n.substring("pajakdx-rules/".length()))
                .sorted().toList(), yaml);
        assertTrue(new String(Files.readAllBytes(folder.root().resolve("sources.yaml")), StandardCharsets.UTF_8)
                .contains("pajakku-impersonate"));
    }

    @Test
    void aFolder_isDigestedWhole(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("a.txt"), "one");
        String before = Fingerprint.of(tmp);
        Files.writeString(tmp.resolve("a.txt"), "two");
        assertNotEquals(before, Fingerprint.of(tmp));
    }

    /** Every file of rules/, under pajakdx-rules/ as in the jar PajakDx ships. */
    private static Map<String, byte[]> bundledRules() throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Path rules = TestRules.rulesDir();
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.put("pajakdx-rules/" + rules.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** A jar of {@code files}, stored uncompressed with fixed times, and the file's own time fixed too. */
    private static Path jar(Path at, Map<String, byte[]> files) throws IOException {
        try (OutputStream raw = Files.newOutputStream(at); ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setMethod(ZipEntry.STORED);
                e.setSize(f.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(f.getValue());
                e.setCrc(crc.getValue());
                e.setLastModifiedTime(TIME);
                zip.putNextEntry(e);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        Files.setLastModifiedTime(at, TIME);
        return at;
    }
}
