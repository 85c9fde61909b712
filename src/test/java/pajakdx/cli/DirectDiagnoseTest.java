package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code diagnose} read without picocli ({@link DiagnoseCommand#direct}) reads every command line
 * it accepts as picocli does, and leaves all others to picocli.
 */
class DirectDiagnoseTest {
    private static final String CASE = "facts/coretax/impersonate-badan-never-logged-in.yaml";
    private static final String OTHER = "facts/coretax/impersonate-pic-name-differs-ahu.yaml";

    /** What a parsed command holds, to compare. */
    private static List<Object> fields(DiagnoseCommand d) {
        return List.of(d.json, d.reveal, d.noExplain, d.whyNot, d.lang.lang, d.cases, String.valueOf(d.rules.dir),
                d.rules.noCache);
    }

    private static DiagnoseCommand byPicocli(String[] args) {
        CommandLine cl = Main.commandLine(args, System.in, null);
        cl.parseArgs(args);
        return cl.getSubcommands().get("diagnose").getCommand();
    }

    @Test
    void everyCommandLineItReads_picocliReadsAlike() {
        List<List<String>> options = new ArrayList<>();
        List<String> flags = List.of("--json", "--reveal-identifiers", "--no-explain", "--why-not");
        for (int mask = 0; mask < 16; mask++) {
            for (List<String> lang : List.of(List.<String>of(), List.of("--lang", "en"), List.of("--lang=EN"),
                    List.of("--lang", "id"), List.of("--lang", " Indonesian "))) {
                List<String> o = new ArrayList<>(lang);
                for (int f = 0; f < 4; f++) {
                    if ((mask & 1 << f) != 0) {
                        o.add(f % 2 == 0 ? 0 : o.size(), flags.get(f)); // some before the language, some after
                    }
                }
                options.add(o);
            }
        }
        int read = 0;
        for (List<String> o : options) {
            for (List<String> files : List.of(List.of(CASE), List.of(CASE, OTHER), List.of("no/such/case.yaml"))) {
                for (boolean filesFirst : new boolean[] {false, true}) {
                    List<String> args = new ArrayList<>(List.of("diagnose"));
                    args.addAll(filesFirst ? files : o);
                    args.addAll(filesFirst ? o : files);
                    String[] a = args.toArray(String[]::new);
                    DiagnoseCommand direct = DiagnoseCommand.direct(a);
                    assertNotNull(direct, "read directly: " + args);
                    assertEquals(fields(byPicocli(a)), fields(direct), String.join(" ", args));
                    read++;
                }
            }
        }
        assertEquals(16 * 5 * 3 * 2, read);
    }

    @Test
    void whatItCannotBeSureOf_isLeftToPicocli() {
        for (String line : List.of("diagnose", "diagnose --json", "diagnose -h " + CASE, "diagnose --help " + CASE,
                "diagnose -V " + CASE, "diagnose --version", "diagnose --rules rules " + CASE,
                "diagnose --rules=rules " + CASE, "diagnose --no-cache " + CASE, "diagnose -- " + CASE,
                "diagnose @args.txt", "diagnose --json --json " + CASE, "diagnose --lang xx " + CASE,
                "diagnose --lang= " + CASE, "diagnose " + CASE + " --lang", "diagnose --lang --json " + CASE,
                "diagnose --lang en --lang id " + CASE, "diagnose --json=true " + CASE, "diagnose --frob " + CASE,
                "diagnose - ", "batch " + CASE, "Diagnose " + CASE, "repl")) {
            assertNull(DiagnoseCommand.direct(line.split(" ")), line);
        }
        assertNull(DiagnoseCommand.direct(new String[] {"diagnose", ""}), "an empty argument");
        // picocli's own settings change how it reads arguments (picocli.trimQuotes: "q.yaml" is q.yaml).
        System.setProperty("picocli.trimQuotes", "true");
        try {
            assertNull(DiagnoseCommand.direct(new String[] {"diagnose", "\"" + CASE + "\""}), "picocli.trimQuotes");
        } finally {
            System.clearProperty("picocli.trimQuotes");
        }
        assertNotNull(DiagnoseCommand.direct(new String[] {"diagnose", CASE}));
        assertNull(DiagnoseCommand.direct(new String[] {"diagnose", "a\0b.yaml"}), "a path that cannot be");
    }

    @Test
    void theOutput_isWhatPicocliGives() {
        // "--" makes picocli read the same command line: the output must not tell the two apart.
        for (List<String> o : List.of(List.<String>of(), List.of("--json", "--lang", "en"),
                List.of("--why-not", "--json"), List.of("--no-explain"))) {
            for (String file : List.of(CASE, "no/such/case.yaml")) {
                List<String> direct = new ArrayList<>(List.of("diagnose"));
                direct.addAll(o);
                direct.add(file);
                List<String> viaPicocli = new ArrayList<>(direct);
                viaPicocli.add(viaPicocli.size() - 1, "--");
                assertNotNull(DiagnoseCommand.direct(direct.toArray(String[]::new)));
                CliTest.Run a = CliTest.run(direct.toArray(String[]::new));
                CliTest.Run b = CliTest.run(viaPicocli.toArray(String[]::new));
                assertEquals(b, a, String.join(" ", direct));
                String missing = o.contains("en") ? "no such file" : "berkas tidak ada";
                assertTrue(file.startsWith("no/") ? a.code() == Main.BAD_INPUT && a.err().contains(missing)
                        : a.code() == Main.OK && !a.out().isEmpty(), a.toString());
            }
        }
    }
}
