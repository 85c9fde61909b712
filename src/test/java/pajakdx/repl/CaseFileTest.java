package pajakdx.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * Saving a case: the facts/ format, read back as it was written, replaced atomically, owner-only
 * from the first byte, never through a link or onto a pipe, device or folder (finding 06, 07).
 */
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
    void savedAndRecoveryFiles_areTheOwnersOnly_newOrReplaced(@TempDir Path dir) throws Exception {
        // They keep NPWP and NIK unmasked, so that loading one gives the same diagnosis.
        Path fresh = dir.resolve("new.yaml");
        CaseFile.write(AWKWARD, fresh);
        assertEquals("rw-------", mode(fresh));
        Path shared = dir.resolve("shared.yaml");
        Files.writeString(shared, "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        CaseFile.write(AWKWARD, shared);
        assertEquals("rw-------", mode(shared));
        assertEquals(CaseFile.toYaml(AWKWARD), Files.readString(shared));

        Path home = dir.resolve("home");
        Recovery r = new Recovery(home);
        r.keep(AWKWARD);
        assertEquals("rw-------", mode(r.file()));
        assertEquals("rwx------", mode(home));
        r.close();
    }

    @Test
    void theTemporaryFile_isTheOwnersOnly_beforeItsFirstByte(@TempDir Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // readable folder, as in finding 07
        try (CaseFile.Temporary t = CaseFile.Temporary.in(dir)) {
            assertEquals(0, Files.size(t.path()), "nothing written yet");
            assertEquals("rw-------", mode(t.path()));
            assertTrue(t.path().getFileName().toString().startsWith(".pajakdx-"), "the name says nothing of the case");
        }
    }

    @Test
    void links_pipes_andFolders_areRefused_andLeftAsTheyWere(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("target.yaml"), "id: keep\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), target);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.yaml"), dir.resolve("nowhere.yaml"));
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path folder = Files.createDirectory(dir.resolve("folder.yaml"));

        PajakDxException l = assertThrows(PajakDxException.class, () -> CaseFile.write(AWKWARD, link));
        assertTrue(l.getMessage().contains("link.yaml: is a symbolic link"), l.getMessage());
        assertThrows(PajakDxException.class, () -> CaseFile.write(AWKWARD, dangling));
        PajakDxException f = assertThrows(PajakDxException.class, () -> CaseFile.write(AWKWARD, fifo));
        assertTrue(f.getMessage().contains("fifo: is not a regular file (a pipe or a device?)"), f.getMessage());
        PajakDxException d = assertThrows(PajakDxException.class, () -> CaseFile.write(AWKWARD, folder));
        assertTrue(d.getMessage().contains("is a folder, not a file"), d.getMessage());
        for (PajakDxException e : List.of(l, f, d)) {
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }

        assertTrue(Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target));
        assertEquals("id: keep\n", Files.readString(target), "not written through the link");
        assertTrue(Files.isSymbolicLink(dangling) && !Files.exists(dir.resolve("nowhere.yaml")));
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(), "still a pipe");
        assertTrue(Files.isDirectory(folder));
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void aFileThatAppearsAtANewPathWhileSaving_isNotReplaced(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("case.yaml");
        Path tmp;
        try (CaseFile.Temporary t = CaseFile.Temporary.in(dir)) {
            tmp = t.path();
        }
        Files.writeString(target, "someone else's");
        PajakDxException e = assertThrows(PajakDxException.class, () -> CaseFile.placeNew("case.yaml", tmp, target));
        assertTrue(e.getMessage().contains("appeared while the case was being saved"), e.getMessage());
        assertEquals("someone else's", Files.readString(target));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
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
