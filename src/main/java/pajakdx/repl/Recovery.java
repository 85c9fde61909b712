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
    /** True once the file holds this session's work (or this session took it over or dropped it). */
    private boolean owned;

    /** The recovery file of {@code home}; with a null home, one that keeps nothing. */
    Recovery(Path home) {
        this.file = home == null ? null : home.resolve(FILE);
    }

    boolean enabled() {
        return file != null;
    }

    Path file() {
        return file;
    }

    /** True when an earlier session left work here that this one has not touched. */
    boolean offered() {
        return enabled() && !owned && Files.isRegularFile(file);
    }

    /** True when the file holds this session's work. */
    boolean keepsOurs() {
        return enabled() && owned && Files.isRegularFile(file);
    }

    /** The case left by the earlier session (throws CaseException when the file is damaged). */
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

    /**
     * Keeps {@code c} as this session's work (an empty case keeps nothing). An earlier session's
     * file is moved aside first; returns where it went, or null.
     */
    Path keep(Case c) throws IOException {
        boolean empty = c.answers().isEmpty() && c.errors().isEmpty();
        if (!enabled() || empty && !owned) {
            return null;
        }
        Path moved = offered() ? archive() : null;
        owned = true;
        if (empty) {
            Files.deleteIfExists(file);
        } else {
            Files.createDirectories(file.getParent());
            CaseFile.writeAtomically(file, CaseFile.toYaml(c), true); // personal data: owner only
        }
        return moved;
    }

    /** Moves this session's file aside (before its work is replaced); returns where it went, or null. */
    Path setAside() throws IOException {
        return keepsOurs() ? archive() : null;
    }

    /** This session continues the earlier session's case (resume): the file is its own now. */
    void adopt() {
        owned = true;
    }

    /** Drops the earlier session's file. */
    void discard() {
        owned = true;
        deleteQuietly();
    }

    /** This session's work is safe elsewhere (saved, or nothing to keep): remove its file. */
    void release() {
        if (owned && enabled()) {
            deleteQuietly();
        }
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover recovery file is only offered again
        }
    }

    /** Moves the recovery file aside; returns where it went. Keeps the newest few of those. */
    private Path archive() throws IOException {
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
