package pajakdx.cli;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import pajakdx.engine.RuleCache;
import pajakdx.knowledge.RuleFolder;

/**
 * The bundled rules' cache entry, read from the first moment of a command that will load them
 * (see {@link RuleCache#prefetch}): on two cores, the entry is read while the command line is
 * parsed and Drools starts, instead of after. Only a guess from the raw arguments; the command
 * uses it only when what it parsed agrees ({@link RulesOption}), so a wrong guess costs nothing
 * but the reading.
 */
record EarlyRules(RuleCache cache, RuleFolder folder, CompletableFuture<?> read) {
    /** The commands that load the rules through {@link RulesOption}. */
    private static final Set<String> LOADING = Set.of("diagnose", "batch", "test", "rules", "serve");
    /** Arguments after which the bundled rules from the cache are not what the command loads, or nothing is. */
    private static final Set<String> OTHERWISE = Set.of("--no-cache", "-h", "--help", "-V", "--version");

    /** Starts reading when {@code args} name a command that will load the bundled rules from the cache; else null. */
    static EarlyRules start(String[] args) {
        if (args.length == 0 || !LOADING.contains(args[0]) || RulesOption.cacheOff()) {
            return null;
        }
        for (String a : args) {
            String option = a.indexOf('=') > 0 ? a.substring(0, a.indexOf('=')) : a; // --no-cache=true too
            if (OTHERWISE.contains(option) || a.startsWith("--rules") || a.startsWith("@")) { // @file: arguments unseen
                return null;
            }
        }
        try {
            RuleCache cache = RuleCache.inHome();
            RuleFolder bundled = RuleFolder.bundled();
            return new EarlyRules(cache, bundled, cache.prefetch(bundled));
        } catch (RuntimeException e) { // PajakDxException among them
            return null; // the command's own load reports it
        }
    }
}
