package pajakdx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies rules/ into a temporary folder so a test can add or break files. */
public final class TempRules {
    private TempRules() {
    }

    /** A copy of the project's rules/ under {@code dir}/rules. */
    public static Path copyOfRules(Path dir) {
        Path target = dir.resolve("rules");
        Path source = TestRules.rulesDir();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /**
     * A small rule base under {@code dir}/rules: the top-level files of rules/ (sources,
     * relations, channels, shared findings) and only the given topics, e.g.
     * {@code "coretax/impersonate"}. Compiles in a fraction of the time of the whole rule base.
     */
    public static Path copyOfTopics(Path dir, String... topics) {
        Path target = dir.resolve("rules");
        Path source = TestRules.rulesDir();
        try {
            Files.createDirectories(target);
            try (Stream<Path> top = Files.list(source)) {
                for (Path p : (Iterable<Path>) top::iterator) {
                    if (Files.isRegularFile(p)) {
                        Files.copy(p, target.resolve(p.getFileName().toString()));
                    }
                }
            }
            for (String topic : topics) {
                for (String ext : new String[] {".drl", ".yaml"}) {
                    Path from = source.resolve(topic + ext);
                    if (Files.exists(from)) {
                        Path to = target.resolve(topic + ext);
                        Files.createDirectories(to.getParent());
                        Files.copy(from, to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Writes {@code text} to {@code dir/relative}, creating folders. */
    public static Path write(Path dir, String relative, String text) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            return Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rules that fail at run time in the only way rules that pass the checks can: the first one's
     * conclusion lets the second conclude what undoes the first one's condition, and so on, until
     * the firing limit stops them. They start once the last login is answered "unknown".
     */
    public static final String FAILING_RULE = """
            package rules.coretax;
            import pajakdx.facts.*;
            rule "Loops while the last login is unknown"
                @relations("IMP-4") @source("pajakku-impersonate")
            when
                Finding(id == "badan.last-login-shown", !known)
                not Cause(id == "pic-name-differs-ahu", confirmed)
            then
                insertLogical(Remedy.offer("check-connection"));
            end

            rule "Confirms what undoes it"
                @relations("IMP-3") @source("djp-coretax-2025-01-21")
            when
                Finding(id == "badan.last-login-shown", !known)
                Remedy(id == "check-connection")
            then
                insertLogical(Cause.confirmed("pic-name-differs-ahu"));
            end
            """;

    /** A copy of rules/ plus {@link #FAILING_RULE} in coretax/fails.drl. */
    public static Path copyWithFailingRule(Path dir) {
        Path rules = copyOfRules(dir);
        write(rules, "coretax/fails.drl", FAILING_RULE);
        return rules;
    }
}
