package pajakdx.repl;

import java.nio.file.Path;

/**
 * The PajakDx home folder, where the REPL keeps its history and recovery file:
 * {@code $PAJAKDX_HOME} when set, else {@code ~/.pajakdx}.
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
}
