package pajakdx.repl;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The PajakDx home folder, where the REPL keeps its history and recovery files:
 * {@code $PAJAKDX_HOME} when set, else {@code ~/.pajakdx}. Created owner-only (0700): the
 * recovery files in it hold NPWP and NIK unmasked.
 */
public final class Home {
    /** Environment variable naming the home folder. */
    public static final String ENV = "PAJAKDX_HOME";

    private Home() {
    }

    /** The home folder: {@code option} when given, else {@code $PAJAKDX_HOME}, else {@code ~/.pajakdx}. */
    public static Path resolve(Path option) {
        if (option != null) {
            return option;
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".pajakdx");
    }

    /**
     * Creates {@code dir} (and missing parents) owner-only, 0700 from creation on; an existing
     * folder keeps the permissions its owner gave it.
     */
    static void create(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path existing = dir.toAbsolutePath().getParent();
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && CaseFile.posix(existing)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Creates the home folder; returns which folder cannot be used and why, or null when it can. */
    public static String prepare(Path dir) {
        try {
            create(dir);
            return Files.isWritable(dir) ? null : dir + ": not writable";
        } catch (FileAlreadyExistsException e) {
            return dir + ": is a file, not a folder";
        } catch (IOException e) {
            return dir + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
