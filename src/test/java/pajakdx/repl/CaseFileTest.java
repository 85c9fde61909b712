package pajakdx.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.base.PajakDxException;

/** Saving a case: the facts/ format, read back as it was written, replaced atomically. */
class CaseFileTest {
    private static final Case AWKWARD = Case.builder("awkward").title("Judul: \"kutip\", #bukan komentar")
            .asOf("2025-02-03T10:15").problem("impersonate-fails").answer("badan.last-login-shown", "no")
            .answer("user.appointed-role", Case.UNKNOWN).error("Error: 'x' — gagal\\n baris\ttab ✓").build();

    @Test
    void yamlAndJson_readBackToTheSameCase(@TempDir Path dir) {
        for (String name : List.of("a.yaml", "a.json")) {
            Path file = dir.resolve(name);
            CaseFile.write(AWKWARD, file);
            Case back = Case.read(file);
            assertEquals(AWKWARD.id(), back.id(), name);
            assertEquals(AWKWARD.title(), back.title(), name);
            assertEquals(AWKWARD.asOf(), back.asOf(), name);
            assertEquals(AWKWARD.answers(), back.answers(), name);
            assertEquals(AWKWARD.messages(), back.messages(), name);
        }
        assertTrue(CaseFile.toYaml(AWKWARD).contains("badan.last-login-shown: \"no\""), "`no` stays text");
    }

    @Test
    void replacingAFile_leavesNoTemporaryFilesBehind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("case.yaml");
        Files.writeString(file, "old content");
        CaseFile.write(AWKWARD, file);
        assertEquals(CaseFile.toYaml(AWKWARD), Files.readString(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    @Test
    void aReplacedFileKeepsItsPermissions_andTheRecoveryFileIsTheOwnersOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shared.yaml");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        CaseFile.write(AWKWARD, file);
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Path home = dir.resolve("home");
        new Recovery(home).keep(AWKWARD);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("recovery.yaml"))));
    }

    @Test
    void badPaths_areRefusedWithTheFileNamed(@TempDir Path dir) throws Exception {
        PajakDxException noFolder = assertThrows(PajakDxException.class,
                () -> CaseFile.write(AWKWARD, dir.resolve("nope/case.yaml")));
        assertTrue(noFolder.getMessage().contains("case.yaml: no such folder"), noFolder.getMessage());
        PajakDxException folder = assertThrows(PajakDxException.class, () -> CaseFile.write(AWKWARD, dir));
        assertTrue(folder.getMessage().contains("is a folder, not a file"), folder.getMessage());
        Path locked = Files.createDirectory(dir.resolve("locked"));
        assertTrue(locked.toFile().setWritable(false));
        try {
            if (!Files.isWritable(locked)) { // root may write anyway
                PajakDxException denied = assertThrows(PajakDxException.class,
                        () -> CaseFile.write(AWKWARD, locked.resolve("case.yaml")));
                assertTrue(denied.getMessage().contains("cannot write"), denied.getMessage());
            }
        } finally {
            locked.toFile().setWritable(true);
        }
    }
}
