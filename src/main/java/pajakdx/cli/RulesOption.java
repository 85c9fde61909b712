package pajakdx.cli;

import java.nio.file.Path;
import pajakdx.RuleBase;
import picocli.CommandLine.Option;

/** {@code --rules DIR}: the rules folder; default: the copy bundled with PajakDx. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder to load at run time (default: the bundled rules).")
    Path dir;

    RuleBase load() {
        return dir == null ? RuleBase.bundled() : RuleBase.load(dir);
    }
}
