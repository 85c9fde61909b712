package pajakdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import pajakdx.collect.FactCollector;
import pajakdx.facts.Finding;
import pajakdx.facts.FindingType;

/**
 * A problem's own rules compiled apart give the very diagnosis the whole rule base gives, for
 * every case in facts/, explained (HOW, WHY NOT, trace and its order included).
 */
class PartitionsTest {

    @Test
    void everyGoldenCase_diagnosedOnItsPartition_isTheWholeRuleBasesDiagnosis() throws IOException {
        RuleBase whole = TestRules.rules();
        RuleBase parted = whole.withPartitionThreshold(0);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TestRules.factsDir())) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList();
        }
        int onPartition = 0;
        for (Path file : files) {
            Case c = Case.read(file);
            for (DiagnoseOptions options : List.of(DiagnoseOptions.DEFAULT, DiagnoseOptions.DEFAULT.withExplain(false))) {
                assertEquals(whole.diagnose(c, options).toJson(), parted.diagnose(c, options).toJson(),
                        file + " explain=" + options.explain());
            }
            Map<String, Finding> findings = new FactCollector(whole.catalog(), DiagnoseOptions.DEFAULT.clock())
                    .collect(c).findings();
            if (parted.kieBaseFor(findings) != whole.kieBase()) {
                onPartition++;
            }
        }
        assertTrue(files.size() > 100, "cases: " + files.size());
        assertTrue(onPartition > files.size() * 95 / 100, "diagnosed on a partition: " + onPartition + " of " + files.size());
    }

    @Test
    void partition_holdsOnlyTheRulesOfItsProblem_andIsMadeOncePastTheThreshold() {
        RuleBase whole = TestRules.rules();
        RuleBase parted = whole.withPartitionThreshold(2);
        Map<String, Finding> findings = Map.of("problem", Finding.of("problem", FindingType.CHOICE, "impersonate-fails"));
        assertSame(whole.kieBase(), parted.kieBaseFor(findings), "first diagnosis: the whole rule base");
        assertSame(whole.kieBase(), parted.kieBaseFor(findings), "second");
        KieBase part = parted.kieBaseFor(findings);
        assertNotSame(whole.kieBase(), part, "past the threshold: a partition");
        assertSame(part, parted.kieBaseFor(findings), "made once");
        long rules = part.getKiePackages().stream().mapToLong(p -> p.getRules().size()).sum();
        long all = whole.kieBase().getKiePackages().stream().mapToLong(p -> p.getRules().size()).sum();
        assertTrue(rules > 0 && rules < all / 4, rules + " of " + all);
        assertSame(whole.kieBase(), parted.kieBaseFor(Map.of()), "no problem stated: the whole rule base");
        assertSame(whole.kieBase(), parted.kieBaseFor(Map.of("problem", Finding.unknown("problem", FindingType.CHOICE))));
    }
}
