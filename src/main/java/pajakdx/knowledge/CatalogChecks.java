package pajakdx.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import pajakdx.base.Problem;

/** Cross-references inside the catalog that must hold for a diagnosis to make sense. */
final class CatalogChecks {
    private CatalogChecks() {
    }

    static List<Problem> references(Catalog c) {
        List<Problem> out = new ArrayList<>();
        for (CauseDef cause : c.causes().values()) {
            for (String r : cause.remedies()) {
                if (!c.remedies().containsKey(r)) {
                    out.add(at(cause.at(), "cause '" + cause.id() + "' names unknown remedy '" + r + "'"));
                }
            }
        }
        for (CauseDef cause : c.causes().values()) {
            for (String other : cause.coexists()) {
                if (!c.causes().containsKey(other) || other.equals(cause.id())) {
                    out.add(at(cause.at(), "cause '" + cause.id() + "' coexists with " + (other.equals(cause.id())
                            ? "itself" : "unknown cause '" + other + "'" + closest(other, c.causes().keySet()))));
                }
            }
        }
        for (CauseDef cause : c.causes().values()) {
            out.addAll(metadata(c, cause.at(), "cause '" + cause.id() + "'", cause.relations(), cause.sources()));
        }
        for (RemedyDef remedy : c.remedies().values()) {
            out.addAll(metadata(c, remedy.at(), "remedy '" + remedy.id() + "'", remedy.relations(), remedy.sources()));
        }
        for (Relation relation : c.relations().values()) {
            if (!c.sources().containsKey(relation.source()) && !c.unreadable(relation.source(), "sources.yaml")) {
                out.add(at(relation.at(), "relation '" + relation.id() + "' cites unknown source '" + relation.source()
                        + "' (not in sources.yaml)" + closest(relation.source(), c.sources().keySet())));
            }
        }
        for (RemedyDef remedy : c.remedies().values()) {
            for (String ch : remedy.channels()) {
                if (!c.channels().containsKey(ch) && !c.unreadable(ch, "channels.yaml")) {
                    out.add(at(remedy.at(), "remedy '" + remedy.id() + "' names unknown channel '" + ch + "'"));
                }
            }
        }
        // Each finding's values as a set, once: rows set the built-in problem and message findings too,
        // whose values grow with the catalog.
        java.util.Map<String, Set<String>> values = new java.util.HashMap<>();
        c.findings().values().forEach(f -> values.put(f.id(), new java.util.HashSet<>(f.valueIds())));
        for (MessagePattern m : c.messages()) {
            sets(c, values, m.at(), "message '" + m.id() + "'", m.sets(), out);
        }
        for (ComplaintPattern m : c.complaints()) {
            sets(c, values, m.at(), "complaint '" + m.id() + "'", m.sets(), out);
        }
        for (FindingDef f : c.findings().values()) {
            implies(c, values, f, f.implies(), "finding '" + f.id() + "'", out);
            for (FindingDef.Value v : f.values()) {
                implies(c, values, f, v.implies(), "value '" + v.id() + "' of finding '" + f.id() + "'", out);
            }
        }
        return out;
    }

    /** An implication names another finding of the vocabulary, with a value it can hold, and no built-in one. */
    private static void implies(Catalog c, java.util.Map<String, Set<String>> values, FindingDef f,
                                java.util.Map<String, String> implies, String what, List<Problem> out) {
        for (var e : implies.entrySet()) {
            if (e.getKey().equals(f.id()) || Catalog.builtIn(e.getKey())) {
                out.add(at(f.at(), what + " implies " + e.getKey() + ": an answer can presuppose only another finding"
                        + " of the vocabulary"));
            }
        }
        sets(c, values, f.at(), what + " (implies)", implies, out);
    }

    /** What a message or complaint row sets must be findings of the vocabulary with values they can hold. */
    private static void sets(Catalog c, java.util.Map<String, Set<String>> values, Location where, String what,
                             java.util.Map<String, String> sets, List<Problem> out) {
        for (var e : sets.entrySet()) {
            FindingDef def = c.findings().get(e.getKey());
            if (def == null || e.getKey().equals(Catalog.MESSAGE)) {
                out.add(at(where, what + " sets unknown finding '" + e.getKey() + "'"));
            } else if (!values.get(def.id()).isEmpty() && !values.get(def.id()).contains(e.getValue())) {
                out.add(at(where, what + " sets " + e.getKey() + " to '" + e.getValue()
                        + "', not one of " + String.join(", ", def.valueIds())));
            }
        }
    }

    /** Relation ids and source keys named in the catalog must exist in relations.yaml and sources.yaml. */
    private static List<Problem> metadata(Catalog c, Location where, String what, List<String> relations,
                                          List<String> sources) {
        List<Problem> out = new ArrayList<>();
        for (String r : relations) {
            if (!c.relations().containsKey(r) && !c.unreadable(r, "relations.yaml")) {
                out.add(at(where, what + " names unknown relation '" + r + "' (not in relations.yaml)"
                        + closest(r, c.relations().keySet())));
            }
        }
        for (String s : sources) {
            if (!c.sources().containsKey(s) && !c.unreadable(s, "sources.yaml")) {
                out.add(at(where, what + " cites unknown source '" + s + "' (not in sources.yaml)"
                        + closest(s, c.sources().keySet())));
            }
        }
        return out;
    }

    private static String closest(String wrong, java.util.Collection<String> known) {
        return pajakdx.text.Suggest.closest(wrong, known);
    }

    private static Problem at(Location l, String message) {
        return Problem.at(l.file(), l.line(), 0, message);
    }
}
