package pajakdx.repl;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import pajakdx.Case;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.json.Json;

/**
 * Writes a {@link Case} in the {@code facts/} format (YAML; JSON when the name ends in .json),
 * atomically: a temporary file in the same folder, flushed to disk, then renamed over the
 * target, so a crash leaves the old file or the new one, never half of one. The file keeps NPWP
 * and NIK unmasked (loading it gives the same diagnosis), so it is owner-only (0600) from its
 * first byte; and only a regular file or a new path is written: a symbolic link, a pipe, a device
 * or a folder at the path is refused and left as it is.
 */
public final class CaseFile {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CaseFile() {
    }

    /**
     * Writes {@code c} to {@code file}.
     *
     * @throws PajakDxException naming the file and what is wrong (no such folder, a folder, a link
     *                          or special file, no permission ...)
     */
    public static void write(Case c, Path file) {
        String name = file.toString();
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        writeAtomically(file, json ? toJson(c) : toYaml(c));
    }

    /** The case as YAML in the facts/ format (no expect block). */
    public static String toYaml(Case c) {
        StringBuilder out = new StringBuilder();
        out.append("id: ").append(scalar(c.id())).append('\n');
        if (!c.title().isEmpty()) {
            out.append("title: ").append(scalar(c.title())).append('\n');
        }
        if (c.asOf() != null) {
            out.append("as_of: ").append(scalar(c.asOf())).append('\n');
        }
        Map<String, String> findings = new LinkedHashMap<>(c.answers());
        String problem = findings.remove("problem");
        List<String> problems = c.problems();
        if (problems.size() <= 1 && problem != null) {
            out.append("problem: ").append(scalar(problems.isEmpty() ? problem : problems.get(0))).append('\n');
        } else if (!problems.isEmpty()) {
            out.append("problems: [").append(String.join(", ", problems.stream().map(CaseFile::scalar).toList()))
                    .append("]\n");
        }
        for (String own : List.of("npwp", "nik")) {
            String v = findings.remove(own);
            if (v != null) {
                out.append(own).append(": ").append(scalar(v)).append('\n');
            }
        }
        if (!findings.isEmpty()) {
            out.append("findings:\n");
            findings.forEach((id, value) -> out.append("  ").append(key(id)).append(": ").append(scalar(value))
                    .append('\n'));
        }
        if (!c.errors().isEmpty()) {
            out.append("errors:\n");
            for (String m : c.errors()) {
                out.append("  - ").append(scalar(m)).append('\n');
            }
        }
        return out.toString();
    }

    /** The case as one JSON object with the same fields. */
    public static String toJson(Case c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        if (!c.title().isEmpty()) {
            out.put("title", c.title());
        }
        if (c.asOf() != null) {
            out.put("as_of", c.asOf());
        }
        Map<String, String> findings = new LinkedHashMap<>(c.answers());
        String problem = findings.remove("problem");
        List<String> problems = c.problems();
        if (problems.size() <= 1 && problem != null) {
            out.put("problem", problems.isEmpty() ? problem : problems.get(0));
        } else if (!problems.isEmpty()) {
            out.put("problems", problems);
        }
        for (String own : List.of("npwp", "nik")) {
            String v = findings.remove(own);
            if (v != null) {
                out.put(own, v);
            }
        }
        if (!findings.isEmpty()) {
            out.put("findings", findings);
        }
        if (!c.errors().isEmpty()) {
            out.put("errors", List.copyOf(c.errors()));
        }
        return Json.write(out) + "\n";
    }

    /** {@code c} under another id (the rest unchanged, expectation dropped). */
    public static Case withId(Case c, String id) {
        Case.Builder b = Case.builder(id).title(c.title());
        if (c.asOf() != null) {
            b.asOf(c.asOf());
        }
        c.answers().forEach(b::answer);
        c.errors().forEach(b::message);
        return b.build();
    }

    /** A JSON string is a valid YAML double-quoted scalar: every value is quoted, so `no` stays text. */
    private static String scalar(String s) {
        return Json.write(s);
    }

    private static String key(String id) {
        return PLAIN_KEY.matcher(id).matches() ? id : Json.write(id);
    }

    /** True when {@code dir}'s file system has POSIX permissions. */
    static boolean posix(Path dir) {
        try {
            return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        } catch (IOException e) {
            return false;
        }
    }

    /** Owner-only permissions (0600) to create a file with, where the file system has them. */
    static FileAttribute<?>[] ownerOnly(Path dir) {
        return posix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    /**
     * Writes {@code text} to {@code file} through a temporary file, owner-only from creation on,
     * that then takes the file's place: linked in when the path is new (so nothing that appears
     * there meanwhile is replaced), renamed over it when it is a regular file.
     */
    static void writeAtomically(Path file, String text) {
        String name = file.toString();
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        BasicFileAttributes existing = refuseSpecial(name, target);
        if (dir == null || !Files.isDirectory(dir)) {
            Path given = file.getParent();
            throw new PajakDxException(Problem.at(name, 0, 0, "no such folder: "
                    + (given != null ? given : String.valueOf(dir))));
        }
        Path tmp = null;
        try {
            try (Temporary t = Temporary.in(dir)) {
                tmp = t.path();
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    t.channel().write(bytes);
                }
                t.channel().force(true);
            }
            if (existing == null) {
                placeNew(name, tmp, target);
            } else {
                refuseSpecial(name, target); // once more, just before the rename
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            tmp = null;
        } catch (AccessDeniedException e) {
            throw new PajakDxException(Problem.at(name, 0, 0, "cannot write: permission denied"));
        } catch (FileSystemException e) {
            throw new PajakDxException(Problem.at(name, 0, 0, "cannot write: "
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName())));
        } catch (IOException e) {
            throw new PajakDxException(Problem.at(name, 0, 0, "cannot write: "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless (and owner-only)
                }
            }
        }
    }

    /**
     * What is at {@code target} without following a link: null for nothing, the attributes of a
     * regular file; anything else is refused.
     */
    private static BasicFileAttributes refuseSpecial(String name, Path target) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null; // the write itself will say what is wrong
        }
        if (a.isDirectory()) {
            throw new PajakDxException(Problem.at(name, 0, 0, "is a folder, not a file"));
        }
        if (a.isSymbolicLink()) {
            throw new PajakDxException(Problem.at(name, 0, 0, "is a symbolic link; a case is saved only to a"
                    + " regular file or a new path, so the link and what it points to are left as they are"));
        }
        if (!a.isRegularFile()) {
            throw new PajakDxException(Problem.at(name, 0, 0, "is not a regular file (a pipe or a device?); a case is"
                    + " saved only to a regular file or a new path, so it is left as it is"));
        }
        return a;
    }

    /** A new, empty temporary file, owner-only from its creation on, open for writing. */
    record Temporary(Path path, FileChannel channel) implements Closeable {
        static Temporary in(Path dir) throws IOException {
            // The name says nothing of the file it becomes (case files are named after taxpayers).
            Path p = dir.resolve(".pajakdx-" + ProcessHandle.current().pid() + "-" + Long.toHexString(RANDOM.nextLong())
                    + ".tmp");
            return new Temporary(p, FileChannel.open(p, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    ownerOnly(dir)));
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Puts {@code tmp} at the new path {@code target}, failing if something appeared there meanwhile. */
    static void placeNew(String name, Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
            throw new PajakDxException(Problem.at(name, 0, 0, "appeared while the case was being saved; it was"
                    + " left as it is, save again"));
        } catch (IOException | UnsupportedOperationException e) {
            // No hard links here (some file systems): move without replacing anything.
            Files.move(tmp, target);
            return;
        }
        Files.delete(tmp);
    }
}
