package pajakdx.repl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The recovery files a home folder holds (each session keeps its own). */
final class RecoveryFiles {
    private RecoveryFiles() {
    }

    static List<Path> in(Path home) {
        if (!Files.isDirectory(home)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(home)) {
            return s.filter(p -> p.getFileName().toString().startsWith(Recovery.PREFIX)
                    && p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one recovery file of {@code home}; fails when there is none or several. */
    static Path only(Path home) {
        List<Path> files = in(home);
        if (files.size() != 1) {
            throw new AssertionError("expected one recovery file in " + home + ", found " + files);
        }
        return files.get(0);
    }
}
