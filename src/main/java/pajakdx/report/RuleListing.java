package pajakdx.report;

import pajakdx.internal.RuleBases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import pajakdx.RuleBase;
import pajakdx.base.Lang;
import pajakdx.json.Json;
import pajakdx.knowledge.Conclusion;
import pajakdx.knowledge.Rule;
import pajakdx.verify.Coverage;

/** {@code pajakdx rules}: every rule with its topic, relations, sources and conclusions, as text or JSON. */
public final class RuleListing {
    private RuleListing() {
    }

    /**
     * Rules grouped by topic, in file order, each by its title in {@code lang}; the topic, file,
     * relation, source, cause and remedy ids stay as written.
     */
    public static String text(RuleBase base, Lang lang) {
        boolean en = lang == Lang.EN;
        RuleTitles titles = RuleTitles.of(base);
        StringBuilder s = new StringBuilder();
        Map<String, List<Rule>> byTopic = byTopic(RuleBases.of(base).rules());
        for (var e : byTopic.entrySet()) {
            s.append(e.getKey()).append(" (").append(e.getValue().size()).append(en ? " rules)\n" : " aturan)\n");
            for (Rule r : e.getValue()) {
                s.append("  ").append(r.at()).append("  ").append(titles.of(r, lang))
                        .append(r.derivedFrom() == null ? "" : en ? "  (derived)" : "  (turunan)").append('\n');
                s.append(en ? "      relations " : "      relasi ").append(orNone(r.relations(), lang))
                        .append(en ? "; sources " : "; sumber ").append(orNone(r.sources(), lang))
                        .append(en ? "; concludes " : "; menyimpulkan ")
                        .append(orNone(r.conclusions().stream().map(k -> Words.say(k.toString(), lang)).toList(), lang))
                        .append('\n');
            }
        }
        s.append(totals(base, lang)).append('\n');
        return s.toString();
    }

    /**
     * One JSON document: the rules, and (when cases were run) every relation with its rules and
     * cases, its summary in English ({@code summary}) and in Indonesian ({@code summaryId}, the
     * English one when relations.yaml gives none). The same whatever the language asked.
     */
    public static String json(RuleBase base, Coverage coverage) {
        Map<String, Object> doc = new LinkedHashMap<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule r : RuleBases.of(base).rules()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("topic", r.topic());
            m.put("file", r.at().file());
            m.put("line", r.at().line());
            m.put("relations", r.relations());
            m.put("sources", r.sources());
            m.put("concludes", r.conclusions().stream().map(Conclusion::toString).toList());
            if (r.derivedFrom() != null) {
                m.put("derivedFrom", r.derivedFrom());
            }
            if (coverage != null) {
                m.put("casesFiring", coverage.firings().getOrDefault(r.name(), 0));
            }
            rules.add(m);
        }
        doc.put("rules", rules);
        if (coverage != null) {
            List<Map<String, Object>> relations = new ArrayList<>();
            for (Coverage.RelationUse u : coverage.relations()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", u.relation().id());
                m.put("kind", u.relation().kind().label());
                m.put("source", u.relation().source());
                // Not masked: knowledge is public text (error codes such as ETAX-20009/20010/20019,
                // DJP's stand-in NPWP), which the free-text mask of case data would blank out.
                m.put("summary", u.relation().summary());
                m.put("summaryId", u.relation().summary(Lang.ID)); // the English when it has no Indonesian
                m.put("rules", u.rules().stream().map(Rule::name).toList());
                m.put("cases", u.cases().stream().map(c -> Map.of("case", c.caseName(), "use", c.use().label()))
                        .toList());
                m.put("covered", u.covered());
                relations.add(m);
            }
            doc.put("relations", relations);
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("rules", RuleBases.of(base).rules().size());
        totals.put("topics", byTopic(RuleBases.of(base).rules()).size());
        totals.put("relationsNamed", named(base, true).size());
        totals.put("sourcesCited", named(base, false).size());
        if (coverage != null) {
            totals.put("relations", coverage.relations().size());
            totals.put("relationsCovered", coverage.coveredRelations());
            totals.put("rulesFired", coverage.rules().size() - coverage.neverFired().size());
        }
        doc.put("totals", totals);
        return Json.write(doc) + "\n";
    }

    static Map<String, List<Rule>> byTopic(List<Rule> rules) {
        Map<String, List<Rule>> out = new LinkedHashMap<>();
        for (Rule r : rules) {
            out.computeIfAbsent(r.topic(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static TreeSet<String> named(RuleBase base, boolean relations) {
        TreeSet<String> out = new TreeSet<>();
        RuleBases.of(base).rules().forEach(r -> out.addAll(relations ? r.relations() : r.sources()));
        return out;
    }

    static String totals(RuleBase base, Lang lang) {
        List<Rule> rules = RuleBases.of(base).rules();
        int topics = byTopic(rules).size();
        int relations = named(base, true).size();
        int sources = named(base, false).size();
        return lang == Lang.EN
                ? rules.size() + " rules in " + topics + " topics, naming " + relations + " relations and citing "
                        + sources + " sources"
                : rules.size() + " aturan dalam " + topics + " topik, menyebut " + relations + " relasi dan mengutip "
                        + sources + " sumber";
    }

    private static String orNone(List<String> items, Lang lang) {
        return items.isEmpty() ? Labels.NONE.in(lang) : String.join(", ", items);
    }
}
