package pajakdx.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import pajakdx.DiagnoseOptions;
import pajakdx.TestRules;
import pajakdx.internal.RuleBases;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.FindingDef;

/**
 * A choice answered by a value's id is looked up, not scanned for: whatever its case, it gives
 * the value the scan by {@code equalsIgnoreCase} gave, for every value of every choice finding
 * of the bundled catalog; a label still works, and an unknown answer is still refused.
 */
class ChoiceAnswersTest {
    private final Catalog catalog = RuleBases.of(TestRules.rules()).catalog();
    private final FactCollector collector = new FactCollector(catalog, DiagnoseOptions.DEFAULT.clock());

    @Test
    void everyValueId_inAnyCase_givesThatValue() {
        int checked = 0;
        for (FindingDef def : catalog.findings().values()) {
            if (def.type() != pajakdx.facts.FindingType.CHOICE) {
                continue;
            }
            for (String id : def.valueIds()) {
                for (String said : List.of(id, id.toUpperCase(java.util.Locale.ROOT), capitalised(id))) {
                    assertEquals(id, catalog.valueId(def.id(), said), def.id() + " " + said);
                    assertEquals(List.of(id), collector.toFinding(def.id(), said).getValues(), def.id() + " " + said);
                }
                checked++;
            }
        }
        assertTrue(checked > 300, "the bundled catalog has hundreds of values: " + checked);
    }

    @Test
    void aLabel_isNotAnId_butStillNamesItsValue() {
        FindingDef def = catalog.findings().values().stream()
                .filter(d -> d.type() == pajakdx.facts.FindingType.CHOICE && !d.id().equals(Catalog.PROBLEM))
                .filter(d -> d.values().stream().anyMatch(v -> !v.text().id().equalsIgnoreCase(v.id())))
                .findFirst().orElseThrow();
        FindingDef.Value value = def.values().stream().filter(v -> !v.text().id().equalsIgnoreCase(v.id()))
                .findFirst().orElseThrow();
        assertNull(catalog.valueId(def.id(), value.text().id()), "a label is looked up as words, not as an id");
        assertEquals(List.of(value.id()), collector.toFinding(def.id(), value.text().id()).getValues());
        assertThrows(IllegalArgumentException.class, () -> collector.toFinding(def.id(), "no-such-value-at-all"));
        assertNull(catalog.valueId("no-such-finding", "x"));
    }

    private static String capitalised(String id) {
        return id.isEmpty() ? id : id.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + id.substring(1);
    }
}
