package pajakdx.knowledge;

import java.util.ArrayList;
import java.util.List;
import pajakdx.Problem;

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
        for (RemedyDef remedy : c.remedies().values()) {
            for (String ch : remedy.channels()) {
                if (!c.channels().containsKey(ch)) {
                    out.add(at(remedy.at(), "remedy '" + remedy.id() + "' names unknown channel '" + ch + "'"));
                }
            }
        }
        for (MessagePattern m : c.messages()) {
            for (var e : m.sets().entrySet()) {
                FindingDef def = c.findings().get(e.getKey());
                if (def == null) {
                    out.add(at(m.at(), "message '" + m.id() + "' sets unknown finding '" + e.getKey() + "'"));
                } else if (!def.valueIds().isEmpty() && !def.valueIds().contains(e.getValue())) {
                    out.add(at(m.at(), "message '" + m.id() + "' sets " + e.getKey() + " to '" + e.getValue()
                            + "', not one of " + String.join(", ", def.valueIds())));
                }
            }
        }
        return out;
    }

    private static Problem at(Location l, String message) {
        return Problem.at(l.file(), l.line(), 0, message);
    }
}
