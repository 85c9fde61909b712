package pajakdx.repl;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import pajakdx.Case;

/**
 * The recovery files in the home folder: each REPL session keeps its unsaved case in a file of its
 * own, {@code recovery-<start>-p<pid>.yaml} (session start time and process id), rewritten after
 * every change, so that sessions sharing a home never write over each other's work. While a
 * session runs it holds a lock on {@code <same name>.lock}; a file whose lock nobody holds belongs
 * to a session that ended (quit, Ctrl-D, Ctrl-C, a crash) and is offered to the next sessions.
 * Recovery files keep identifiers unmasked, since loading one must give the same diagnosis; they
 * are written owner-only (0600) from their first byte.
 */
final class Recovery {
    static final String PREFIX = "recovery";
    private static final String LOCK = ".lock";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Sessions started by this JVM: the tests run several, one process id. */
    private static final AtomicInteger SESSIONS = new AtomicInteger();
    /**
     * Lock files this JVM holds. Their locks are never probed from this JVM: POSIX releases all
     * of a process's locks on a file when it closes any descriptor of it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** A recoverable session: its file and when it was last written. */
    record Entry(Path file, Instant savedAt) {
        String when() {
            return LocalDateTime.ofInstant(savedAt, ZoneId.systemDefault()).format(SHOWN);
        }
    }

    private final Path home;
    private final Path file;
    private final Path lockFile;
    private FileChannel lockChannel;
    private FileLock lock;

    /** This session's recovery file in {@code home}; with a null home, one that keeps nothing. */
    Recovery(Path home) {
        this.home = home;
        if (home == null) {
            file = null;
            lockFile = null;
            return;
        }
        String base = PREFIX + "-" + LocalDateTime.now().format(STAMP) + "-p" + ProcessHandle.current().pid();
        int n = SESSIONS.incrementAndGet();
        String name = n == 1 ? base : base + "-" + n;
        for (int i = 2; Files.exists(home.resolve(name + ".yaml"), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(home.resolve(name + LOCK), LinkOption.NOFOLLOW_LINKS); i++) {
            name = base + "-" + n + "-" + i;
        }
        file = home.resolve(name + ".yaml");
        lockFile = home.resolve(name + LOCK);
    }

    boolean enabled() {
        return file != null;
    }

    /** This session's file (it exists only while it keeps work). */
    Path file() {
        return file;
    }

    /** True when this session's file holds its work. */
    boolean keepsOurs() {
        return enabled() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The files of sessions that ended with unsaved work, newest first: this session's own and
     * those of sessions still running (their lock is held) are left out. Files of earlier
     * versions ({@code recovery.yaml}, {@code recovery-<time>.yaml}) are offered too.
     */
    List<Entry> recoverable() {
        List<Entry> out = new ArrayList<>();
        for (Path p : files()) {
            if (!p.equals(file) && !inUse(p)) {
                try {
                    out.add(new Entry(p, Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant()));
                } catch (IOException gone) {
                    // ended or taken meanwhile
                }
            }
        }
        out.sort(Comparator.comparing(Entry::savedAt).reversed().thenComparing(e -> e.file().toString()));
        return out;
    }

    /** How many other sessions are running on this home folder now (their files are not offered). */
    int running() {
        return (int) files().stream().filter(p -> !p.equals(file) && inUse(p)).count();
    }

    private List<Path> files() {
        List<Path> found = new ArrayList<>();
        if (!enabled() || !Files.isDirectory(home)) {
            return found;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(home, PREFIX + "*.yaml")) {
            for (Path p : dir) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            return found; // nothing can be offered; the session still runs
        }
        return found;
    }

    /** True when the session of {@code recoveryFile} is running: it holds the lock of its lock file. */
    private static boolean inUse(Path recoveryFile) {
        Path lockPath = lockOf(recoveryFile);
        if (HELD.contains(lockPath.toAbsolutePath().normalize())) {
            return true;
        }
        if (!Files.isRegularFile(lockPath, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockPath, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (IOException | OverlappingFileLockException e) {
            return true; // cannot tell: do not offer a file that may be in use
        }
    }

    private static Path lockOf(Path recoveryFile) {
        String name = recoveryFile.getFileName().toString();
        return recoveryFile.resolveSibling(name.substring(0, name.length() - ".yaml".length()) + LOCK);
    }

    /** The case left in {@code e} (throws CaseException when the file is damaged). */
    Case read(Entry e) {
        return Case.read(e.file());
    }

    /** Keeps {@code c} as this session's work; an empty case keeps nothing. */
    void keep(Case c) throws IOException {
        if (!enabled()) {
            return;
        }
        if (c.answers().isEmpty() && c.messages().isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Home.create(home);
        holdLock();
        CaseFile.writeAtomically(file, CaseFile.toYaml(c));
    }

    /** Takes this session's lock before its first file is written, so no other session offers the file. */
    private void holdLock() throws IOException {
        if (lock != null) {
            return;
        }
        FileChannel ch = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), CaseFile.ownerOnly(home));
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                throw new IOException(lockFile + ": locked by another process");
            }
            lockChannel = ch;
            lock = l;
            HELD.add(lockFile.toAbsolutePath().normalize());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Moves this session's file aside (before its work is replaced by another case) under a name
     * no running session holds, so it is offered like the file of an ended session; returns where
     * it went, or null when there was nothing to keep.
     */
    Path setAside() throws IOException {
        if (!keepsOurs()) {
            return null;
        }
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - ".yaml".length());
        Path to = file.resolveSibling(stem + "-a.yaml");
        for (int i = 2; Files.exists(to, LinkOption.NOFOLLOW_LINKS); i++) {
            to = file.resolveSibling(stem + "-a" + i + ".yaml");
        }
        Files.move(file, to);
        return to;
    }

    /** The case of {@code e} is now this session's (already kept in its own file): remove the old file. */
    void taken(Entry e) {
        delete(e.file());
    }

    /** Drops the file of {@code e}. */
    void discard(Entry e) {
        delete(e.file());
    }

    private static void delete(Path recoveryFile) {
        try {
            Files.deleteIfExists(recoveryFile);
            Files.deleteIfExists(lockOf(recoveryFile));
        } catch (IOException ignored) {
            // a leftover file is only offered again
        }
    }

    /** This session's work is safe elsewhere (saved, or nothing to keep): remove its file. */
    void release() {
        if (enabled()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover recovery file is only offered again
            }
        }
    }

    /** The session ends: its file (if any) becomes recoverable by the next sessions. */
    void close() {
        if (lock == null) {
            return;
        }
        try {
            Files.deleteIfExists(lockFile);
            lockChannel.close(); // releases the lock
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
        HELD.remove(lockFile.toAbsolutePath().normalize());
        lock = null;
        lockChannel = null;
    }
}
