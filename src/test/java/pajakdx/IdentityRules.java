package pajakdx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A temporary copy of rules/ plus the test-only identity topic (src/test/resources/reliability),
 * which declares NPWP, NIK and NITKU findings, one finding of every other type, and a message
 * pattern: the rule base the fuzz and privacy tests run against.
 */
public final class IdentityRules {
    private IdentityRules() {
    }

    /** The extra files: rules-extra/ under the test resources. */
    public static Path extraDir() {
        return TestRules.projectRoot().resolve("src/test/resources/reliability/rules-extra");
    }

    /** Test cases that carry identifiers. */
    public static Path casesDir() {
        return TestRules.projectRoot().resolve("src/test/resources/reliability/cases");
    }

    /** rules/ with the identity topic added, under {@code dir}/rules. */
    public static Path copy(Path dir) {
        Path rules = TempRules.copyOfRules(dir);
        Path extra = extraDir();
        try (Stream<Path> walk = Files.walk(extra)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    TempRules.write(rules, extra.relativize(p).toString(), Files.readString(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }
}
