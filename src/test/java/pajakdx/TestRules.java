package pajakdx;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's own rules/ and facts/ folders, loaded once for all tests. */
public final class TestRules {
    private static RuleBase bundled;

    private TestRules() {
    }

    /** The project root (where pom.xml is). */
    public static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("pom.xml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the project root from " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    public static Path rulesDir() {
        return projectRoot().resolve("rules");
    }

    public static Path factsDir() {
        return projectRoot().resolve("facts");
    }

    /** The compiled rules of rules/ (for tests of the engine, outside this package). */
    public static pajakdx.engine.CompiledRules compiled() {
        return rules().compiled();
    }

    /** The rule base of rules/, compiled once per test JVM. */
    public static synchronized RuleBase rules() {
        if (bundled == null) {
            bundled = RuleBase.load(rulesDir());
        }
        return bundled;
    }
}
