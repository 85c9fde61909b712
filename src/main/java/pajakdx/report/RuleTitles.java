package pajakdx.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pajakdx.RuleBase;
import pajakdx.base.Lang;
import pajakdx.base.Text;
import pajakdx.internal.RuleBases;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.Rule;

/**
 * The titles of a rule base's rules in both languages, by rule name (see {@link Catalog#title(Rule)}),
 * each made when first asked for: a report names a few of the rule base's hundreds of rules, and
 * a cold start should not derive the Indonesian title of every one (docs/PERFORMANCE.md, sixth run).
 * Safe for concurrent use.
 */
public final class RuleTitles {
    private final Catalog catalog;
    private final Map<String, Rule> rules = new HashMap<>();
    private final Map<String, Text> titles = new ConcurrentHashMap<>();

    public RuleTitles(Catalog catalog, List<Rule> rules) {
        this.catalog = catalog;
        for (Rule r : rules) {
            this.rules.put(r.name(), r); // a later rule of the same name wins, as before
        }
    }

    /** The titles of the rules of {@code base}. */
    public static RuleTitles of(RuleBase base) {
        RuleBases.Parts parts = RuleBases.of(base);
        return new RuleTitles(parts.catalog(), parts.rules());
    }

    /** The title of {@code rule} in {@code lang}. */
    public String of(Rule rule, Lang lang) {
        return of(rule.name(), lang);
    }

    /** The title of the rule named {@code name} in {@code lang}; the name itself for a rule it does not know. */
    public String of(String name, Lang lang) {
        Rule rule = rules.get(name);
        return rule == null ? name : titles.computeIfAbsent(name, n -> catalog.title(rule)).in(lang);
    }
}
