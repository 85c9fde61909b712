package pajakdx.cli;

import pajakdx.knowledge.RuleFolder;

import pajakdx.internal.RuleBases;

import java.nio.file.Path;
import pajakdx.RuleBase;
import pajakdx.engine.RuleCache;
import pajakdx.repl.Home;
import picocli.CommandLine.Option;

/**
 * {@code --rules DIR}: the rules folder; default: the copy bundled with PajakDx. Compiled rules
 * are kept in the PajakDx home's cache between runs (a changed rule file is compiled again);
 * {@code --no-cache} or {@code PAJAKDX_CACHE=off} compiles every time.
 */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder to load at run time (default: the bundled rules).")
    Path dir;

    @Option(names = "--no-cache", description = "Compile the rules even when a compiled copy of the same files is"
            + " cached (in $PAJAKDX_HOME/cache or ~/.pajakdx/cache).")
    boolean noCache;

    /** The bundled rules' entry, being read since the command started (see {@link EarlyRules}); may be null. */
    EarlyRules early;

    RuleBase load() {
        return load(true);
    }

    /** For a command that diagnoses one case and ends (see {@link RuleBases#loadForOneCase}). */
    RuleBase loadForOneCase() {
        return load(false);
    }

    private RuleBase load(boolean manyCases) {
        boolean fromEarly = early != null && dir == null && !noCache && !cacheOff();
        if (early != null && !fromEarly) {
            early.cache().dropPrefetch(); // a guess that missed: a long-running service must not keep its read
            early = null;
        }
        RuleCache cache = noCache || cacheOff() ? null : fromEarly ? early.cache() : RuleCache.inHome();
        if (cache != null) {
            // The cache is the home folder's first use for most commands: create the home owner-only
            // (0700), as the REPL would, since its recovery files hold NPWP and NIK. A home that cannot
            // be made only costs the cache.
            Home.prepare(RuleCache.home());
        }
        RuleFolder folder = fromEarly ? early.folder() : dir == null ? RuleFolder.bundled() : RuleFolder.of(dir);
        return manyCases ? RuleBases.load(RuleBase.class, folder, cache)
                : RuleBases.loadForOneCase(RuleBase.class, folder, cache);
    }

    /** {@code PAJAKDX_CACHE=off}: no cache at all. */
    static boolean cacheOff() {
        return "off".equalsIgnoreCase(System.getenv("PAJAKDX_CACHE"));
    }
}
