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
    void aFakeEndRecordInTheComment_orAScriptInFront_doesNotHideAChange(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> one = Map.of("pajakdx-rules/r.drl", "rule 8A".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> two = Map.of("pajakdx-rules/r.drl", "rule 8B".getBytes(StandardCharsets.UTF_8));
        byte[] fake = new byte[22];
        java.nio.ByteBuffer.wrap(fake).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50);
        String comment = "x" + new String(fake, StandardCharsets.ISO_8859_1);
        Path a = jar(tmp.resolve("a.jar"), one, comment);
        Path b = jar(tmp.resolve("b.jar"), two, comment);
        assertNotEquals(Fingerprint.of(a), Fingerprint.of(b), "a fake end record in the comment");

        byte[] script = "#!/bin/sh\nexec java -jar \"$0\" \"$@\"\n".getBytes(StandardCharsets.UTF_8);
        Path sa = tmp.resolve("sa.jar");
        Path sb = tmp.resolve("sb.jar");
        Files.write(sa, concat(script, Files.readAllBytes(jar(tmp.resolve("pa.jar"), one, null))));
        Files.write(sb, concat(script, Files.readAllBytes(jar(tmp.resolve("pb.jar"), two, null))));
        assertNotEquals(Fingerprint.of(sa), Fingerprint.of(sb), "a launcher script in front of the zip");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
        return jar(at, files, null);
    }

    private static Path jar(Path at, Map<String, byte[]> files, String comment) throws IOException {
        try (OutputStream raw = Files.newOutputStream(at); ZipOutputStream zip = new ZipOutputStream(raw)) {
            if (comment != null) {
                zip.setComment(comment);
            }
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
