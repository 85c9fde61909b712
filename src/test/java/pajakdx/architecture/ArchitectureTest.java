package pajakdx.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pajakdx.TestRules;

/**
 * The shape of the code, read off the compiled classes by jdeps: packages form no cycle, and
 * Drools and MVEL are reached from one adapter package only ({@code pajakdx.engine}), so that a
 * Drools upgrade or a change of engine touches one place.
 */
class ArchitectureTest {
    /** Package to the packages it uses (only PajakDx's own and the engine's libraries kept). */
    private static final Map<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readDependencies() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        // target/classes holds module-info: jdeps resolves the module against the libraries it requires
        String libraries = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.endsWith(".jar") && !p.contains("junit") && !p.contains("opentest4j")
                        && !p.contains("apiguardian") && !p.contains("surefire"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        StringWriter err = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(err), "--multi-release", "17", "--module-path", libraries,
                "-verbose:package",
                "-filter:none", TestRules.projectRoot().resolve("target/classes").toString());
        assertEquals(0, code, out + "\n" + err);
        for (String line : out.toString().split("\n")) {
            if (!line.startsWith(" ")) {
                continue; // module-level summary lines ("pajakdx -> org.kie.api"); packages are indented
            }
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[1].equals("->") && f[0].startsWith("pajakdx")) {
                USES.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[2]);
            }
        }
        assertTrue(USES.size() > 10, USES.toString());
    }

    @Test
    void packagesFormNoCycle() {
        Map<String, Set<String>> own = new HashMap<>();
        USES.forEach((from, to) -> own.put(from, to.stream().filter(p -> p.startsWith("pajakdx") && !p.equals(from))
                .collect(java.util.stream.Collectors.toSet())));
        List<List<String>> cycles = new ArrayList<>();
        for (String start : own.keySet()) {
            findCycle(start, start, own, new LinkedHashSet<>(), cycles);
        }
        assertEquals(List.of(), cycles, "package cycles");
    }

    private static void findCycle(String start, String at, Map<String, Set<String>> g, LinkedHashSet<String> path,
                                  List<List<String>> cycles) {
        if (!path.add(at)) {
            return;
        }
        for (String next : g.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> c = new ArrayList<>(path);
                c.add(start);
                cycles.add(c);
            } else if (next.compareTo(start) > 0) { // each cycle once, from its smallest package
                findCycle(start, next, g, path, cycles);
            }
        }
        path.remove(at);
    }

    @Test
    void onlyTheEnginePackageReachesDroolsOrMvel() {
        Map<String, Set<String>> offenders = new TreeMap<>();
        USES.forEach((from, to) -> {
            if (!from.equals("pajakdx.engine")) {
                for (String p : to) {
                    if (p.startsWith("org.drools") || p.startsWith("org.kie") || p.startsWith("org.mvel2")) {
                        offenders.computeIfAbsent(from, k -> new TreeSet<>()).add(p);
                    }
                }
            }
        });
        assertEquals(Map.of(), offenders);
    }

    @Test
    void theApiPackageDependsOnNoToolPackage() {
        Set<String> tools = Set.of("pajakdx.cli", "pajakdx.repl", "pajakdx.batch", "pajakdx.report", "pajakdx.verify",
                "pajakdx.service");
        Set<String> used = new TreeSet<>(USES.getOrDefault("pajakdx", Set.of()));
        used.retainAll(tools);
        assertEquals(Set.of(), used);
    }
}
