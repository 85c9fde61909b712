package pajakdx.internal;

import java.util.List;
import java.util.Optional;
import pajakdx.engine.RuleCache;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.Rule;
import pajakdx.knowledge.RuleFolder;

/**
 * The one door from PajakDx's own tools (command line, REPL, reports, service) into what a
 * {@code pajakdx.RuleBase} holds but does not publish: its catalog and rules, and loading through
 * the compiled-rule cache. RuleBase opens the door when it is loaded (the pattern of the JDK's
 * own SharedSecrets). Embedders never see it: module-info does not export this package, and the
 * public API names none of these types.
 */
public final class RuleBases {
    /** What a rule base holds besides what its public methods give. */
    public record Parts(Catalog catalog, List<Rule> rules) {
        /** The rule named {@code name}. */
        public Optional<Rule> rule(String name) {
            return rules.stream().filter(r -> r.name().equals(name)).findFirst();
        }
    }

    /** Implemented by RuleBase. */
    public interface Door {
        /** The parts of {@code ruleBase}, a RuleBase. */
        Parts parts(Object ruleBase);

        /**
         * Loads {@code folder}, through {@code cache} when it is not null; throws as RuleBase.load
         * does. {@code manyCases}: false when the process diagnoses one case and ends.
         */
        Object load(RuleFolder folder, RuleCache cache, boolean manyCases);

        /** Waits until the partitions {@code ruleBase} is building are built and stored. */
        void settle(Object ruleBase);
    }

    private static volatile Door door;

    private RuleBases() {
    }

    /** Called once, by RuleBase's static initializer. */
    public static void open(Door d) {
        if (door != null) {
            throw new IllegalStateException("the door is open already");
        }
        door = d;
    }

    /** The catalog and rules of {@code ruleBase} (a RuleBase). */
    public static Parts of(Object ruleBase) {
        return door().parts(ruleBase);
    }

    /** Loads {@code folder} through {@code cache} (null: none) as a {@code type}, i.e. RuleBase. */
    public static <R> R load(Class<R> type, RuleFolder folder, RuleCache cache) {
        return type.cast(door().load(folder, cache, true));
    }

    /**
     * The same, for a process that diagnoses one case and ends: a network the cache holds is read
     * only when that case needs it (its partition is not stored), not ahead of time.
     */
    public static <R> R loadForOneCase(Class<R> type, RuleFolder folder, RuleCache cache) {
        return type.cast(door().load(folder, cache, false));
    }

    /**
     * Waits until the partitions {@code ruleBase} builds in the background are built and kept in
     * its cache (before a test removes the cache folder).
     */
    public static void settle(Object ruleBase) {
        door().settle(ruleBase);
    }

    private static Door door() {
        if (door == null) {
            try {
                // RuleBase's static initializer opens the door; make sure it has run.
                Class.forName("pajakdx.RuleBase", true, RuleBases.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("pajakdx.RuleBase is missing", e);
            }
        }
        return door;
    }
}
