package pajakdx.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pajakdx.base.Text;
import pajakdx.facts.FindingType;

/**
 * The catalog's index of what an answer presupposes answers exactly as the finding's own
 * {@link FindingDef#impliedBy}, which scans the values: for values with and without their own
 * implications, a value id declared twice (the first counts), an unknown value, a finding with
 * implications of its own, and a definition that is not the catalog's.
 */
class CatalogImpliesTest {
    private static final Text T = new Text("t", "t");

    private static FindingDef.Value value(String id, Map<String, String> implies) {
        return new FindingDef.Value(id, T, List.of(), implies);
    }

    private static FindingDef choice(String id, Map<String, String> implies, FindingDef.Value... values) {
        return new FindingDef(id, FindingType.CHOICE, List.of(values), List.of(), T, Cost.KNOWS, "topic",
                new Location("f.yaml", 1), implies);
    }

    @Test
    void impliedBy_answersAsTheFindingsOwnScan() {
        FindingDef role = choice("role", Map.of("a", "yes"),
                value("pic", Map.of("b", "yes", "c", "no")),
                value("staff", Map.of()),
                value("pic", Map.of("d", "yes")), // declared twice: the first one counts
                value("owner", Map.of("a", "no")));
        FindingDef plain = choice("plain", Map.of(), value("x", Map.of()), value("y", Map.of("a", "yes")));
        Map<String, FindingDef> findings = new LinkedHashMap<>();
        findings.put(role.id(), role);
        findings.put(plain.id(), plain);
        Catalog catalog = new Catalog(Map.of(), Map.of(), Map.of(), findings, Map.of(), Map.of(), List.of(),
                Map.of(), Set.of(), Map.of(), List.of());

        FindingDef stranger = choice("role", Map.of(), value("pic", Map.of("e", "yes")));
        for (FindingDef def : List.of(role, plain, stranger)) {
            for (String v : List.of("pic", "staff", "owner", "x", "y", "unknown", "PIC")) {
                Map<String, String> expected = def.impliedBy(v);
                Map<String, String> indexed = catalog.impliedBy(def, v);
                assertEquals(expected, indexed, def.id() + " = " + v);
                assertEquals(List.copyOf(expected.keySet()), List.copyOf(indexed.keySet()), "order of " + def.id() + " = " + v);
            }
        }
        assertEquals(Map.of("a", "yes", "b", "yes", "c", "no"), catalog.impliedBy(role, "pic"));
        assertEquals(Map.of("e", "yes"), catalog.impliedBy(stranger, "pic"));
    }
}
