package pajakdx.repl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import pajakdx.Case;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.json.Json;

/**
 * Writes a {@link Case} in the {@code facts/} format (YAML; JSON when the name ends in .json),
 * atomically: a temporary file in the same folder, flushed to disk, then renamed over the
 * target, so a crash leaves the old file or the new one, never half of one.
 */
public final class CaseFile {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private CaseFile() {
    }

    /**
     * Writes {@code c} to {@code file}.
     *
     * @throws PajakDxException naming the file and what is wrong (no such folder, a folder, no permission ...)
     */
    public static void write(Case c, Path file) {
        String name = file.toString();
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        writeAtomically(file, json ? toJson(c) : toYaml(c), false);
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
        if (problem != null) {
            out.append("problem: ").append(scalar(problem)).append('\n');
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
        if (problem != null) {
            out.put("problem", problem);
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

    private static void permissions(Path tmp, Path target, boolean ownerOnly) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        if (ownerOnly) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } else if (Files.exists(target)) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        }
    }

    /** A JSON string is a valid YAML double-quoted scalar: every value is quoted, so `no` stays text. */
    private static String scalar(String s) {
        return Json.write(s);
    }

    private static String key(String id) {
        return PLAIN_KEY.matcher(id).matches() ? id : Json.write(id);
    }

    /**
     * Writes {@code text} to {@code file} through a temporary file renamed over it. A new file gets
     * the usual permissions (or owner-only when {@code ownerOnly}); a replaced file keeps its own.
     */
    static void writeAtomically(Path file, String text, boolean ownerOnly) {
        String name = file.toString();
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new PajakDxException(Problem.at(name, 0, 0, "is a folder, not a file"));
        }
        if (dir == null || !Files.isDirectory(dir)) {
            Path given = file.getParent();
            throw new PajakDxException(Problem.at(name, 0, 0, "no such folder: "
                    + (given != null ? given : String.valueOf(dir))));
        }
        Path tmp = null;
        try {
            Path fresh = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(System.nanoTime()) + ".tmp");
            try (FileChannel ch = FileChannel.open(fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                tmp = fresh;
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            permissions(tmp, target, ownerOnly);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
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
                    // a stray temporary file is harmless
                }
            }
        }
    }
}
