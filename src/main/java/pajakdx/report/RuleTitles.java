package pajakdx.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pajakdx.base.Lang;
import pajakdx.base.Text;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.Rule;

/** The titles of a rule base's rules in both languages, by rule name (see {@link Catalog#title(Rule)}). */
public final class RuleTitles {
    private final Map<String, Text> titles = new HashMap<>();

    public RuleTitles(Catalog catalog, List<Rule> rules) {
        for (Rule r : rules) {
            titles.put(r.name(), catalog.title(r));
        }
    }

    /** The title of the rule named {@code name} in {@code lang}; the name itself for a rule it does not know. */
    public String of(String name, Lang lang) {
        Text t = titles.get(name);
        return t == null ? name : t.in(lang);
    }
}
