package pajakdx.repl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import pajakdx.Case;

/**
 * The recovery file in the home folder: the case of a session that ended (quit, Ctrl-D, Ctrl-C,
 * or a crash) with work not saved to a file. The REPL rewrites it after every change; the next
 * session offers to resume it. When a session that did not resume it starts its own work, the
 * old one is moved aside ({@code recovery-<time>.yaml}), never overwritten.
 */
final class Recovery {
    static final String FILE = "recovery.yaml";
    private static final int KEEP_ARCHIVED = 10;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;

    Recovery(Path home) {
        this.file = home.resolve(FILE);
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The recovered case (throws CaseException when the file is damaged). */
    Case read() {
        return Case.read(file);
    }

    /** When the recovery file was last written, local time, to the minute. */
    String savedAt() {
        try {
            Instant t = Files.getLastModifiedTime(file).toInstant();
            return LocalDateTime.ofInstant(t, ZoneId.systemDefault()).withSecond(0).withNano(0).toString()
                    .replace('T', ' ');
        } catch (IOException e) {
            return "?";
        }
    }

    void write(Case c) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new pajakdx.PajakDxException(pajakdx.Problem.at(file.getParent().toString(), 0, 0,
                    "cannot create the PajakDx home folder: " + e.getMessage()));
        }
        CaseFile.writeAtomically(file, CaseFile.toYaml(c));
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover recovery file is only offered again
        }
    }

    /** Moves the recovery file aside; returns where it went. Keeps the newest few of those. */
    Path archive() throws IOException {
        String stamp = LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault())
                .format(STAMP);
        Path to = file.resolveSibling("recovery-" + stamp + ".yaml");
        for (int i = 2; Files.exists(to); i++) {
            to = file.resolveSibling("recovery-" + stamp + "-" + i + ".yaml");
        }
        Files.move(file, to);
        prune();
        return to;
    }

    private void prune() throws IOException {
        List<Path> archived = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(file.getParent(), "recovery-*.yaml")) {
            dir.forEach(archived::add);
        }
        archived.sort(null);
        for (int i = 0; i < archived.size() - KEEP_ARCHIVED; i++) {
            Files.deleteIfExists(archived.get(i));
        }
    }
}
