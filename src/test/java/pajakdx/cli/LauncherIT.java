package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TestRules;
import pajakdx.json.Json;

/** The README's first command, run as a user runs it: the ./pajakdx launcher on the built jar. */
class LauncherIT {
    record Result(int code, String out, String err) {
    }

    static Result launch(String... args) throws IOException, InterruptedException {
        return launch(Map.of(), args);
    }

    static Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path root = TestRules.projectRoot();
        List<String> command = new ArrayList<>(List.of(root.resolve("pajakdx").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        // Outside Maven (an IDE), the rule cache still goes where failsafe puts it, never to the user's home.
        builder.environment().putIfAbsent("PAJAKDX_HOME", root.resolve("target/it-pajakdx-home").toString());
        // Standard error to a file: read after standard output, a full pipe would block the process.
        Path errFile = Files.createTempFile("launcher-err", ".txt");
        builder.redirectError(errFile.toFile());
        try {
            Process p = builder.start();
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(Files.readAllBytes(errFile), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(errFile);
        }
    }

    @Test
    void readmeFirstCommandDiagnosesTheExampleCase() throws Exception {
        Result r = launch("diagnose", "facts/coretax/impersonate-badan-never-logged-in.yaml");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[TERKONFIRMASI] Akun Badan belum pernah login"), r.out());
        assertTrue(r.out().contains("Kring Pajak 1500200"), "escalation channel named: " + r.out());
        assertTrue(!r.err().contains("SLF4J") && !r.err().contains("INFO"), "stderr stays quiet: " + r.err());
    }

    @Test
    void jsonOutputOfTheJarParses() throws Exception {
        Result r = launch("diagnose", "--json", "--lang", "en", "facts/coretax/impersonate-pic-name-differs-ahu.yaml");
        assertEquals(0, r.code(), r.err());
        var node = Json.mapper().readTree(r.out());
        assertEquals("impersonate-pic-name-differs-ahu", node.get("caseId").asText());
        assertEquals("confirmed", node.get("causes").get(0).get("status").asText());
    }

    /**
     * JDK 17 crashed (SIGSEGV, exit 134) at every start that recorded with JFR on the launcher's
     * static class-data archive, while it still held method-handle species classes.
     */
    @Test
    void aFlightRecordingFromTheStart_doesNotCrashTheJvm(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("run.jfr");
        // A rule cache filled first: the crash came while reading it back.
        Map<String, String> env = Map.of("PAJAKDX_HOME", dir.resolve("home").toString());
        assertEquals(0, launch(env, "diagnose", "facts/coretax/impersonate-badan-never-logged-in.yaml").code());
        Result r = launch(Map.of("PAJAKDX_HOME", env.get("PAJAKDX_HOME"),
                        "PAJAKDX_JAVA_OPTS", "-XX:StartFlightRecording=filename=" + recording),
                "diagnose", "facts/coretax/impersonate-badan-never-logged-in.yaml");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[TERKONFIRMASI] Akun Badan belum pernah login"), r.out());
        assertTrue(Files.size(recording) > 0, "the recording was written");
    }

    /**
     * The JVM's own messages go to stderr: an option it does not know leaves standard output (where
     * the JSON goes) empty, and the run fails.
     */
    @Test
    void aJvmOptionTheJvmRefuses_isSaidOnStderr_notInTheOutput(@TempDir Path dir) throws Exception {
        Result r = launch(Map.of("PAJAKDX_HOME", dir.resolve("home").toString(), "PAJAKDX_JAVA_OPTS",
                "-XX:+NoSuchOptionHere"), "diagnose", "--json", "facts/coretax/impersonate-badan-never-logged-in.yaml");
        assertTrue(r.code() != 0, r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Unrecognized VM option 'NoSuchOptionHere'"), r.err());
    }

    /** The launcher's small first heap must not stop a JVM given a smaller maximum. */
    @Test
    void aSmallMaximumHeapGivenByTheUser_stillStarts(@TempDir Path dir) throws Exception {
        // The rule cache filled first: compiling the rules takes more than 24 MB, reading them back does not.
        String home = dir.resolve("home").toString();
        assertEquals(0, launch(Map.of("PAJAKDX_HOME", home), "diagnose",
                "facts/coretax/impersonate-badan-never-logged-in.yaml").code());
        Result r = launch(Map.of("PAJAKDX_HOME", home, "PAJAKDX_JAVA_OPTS", "-Xmx24m"),
                "diagnose", "facts/coretax/impersonate-badan-never-logged-in.yaml");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("[TERKONFIRMASI] Akun Badan belum pernah login"), r.out());
    }

    /**
     * A collector or a generation size the user gives is theirs: the launcher adds neither a second
     * collector (the JVM would refuse to start) nor heap sizes that disagree with it (the JVM would
     * warn on standard output, inside the JSON), however the options are separated.
     */
    @Test
    void aCollectorOrGenerationSizeGivenByTheUser_keepsTheOutputClean(@TempDir Path dir) throws Exception {
        Path argFile = Files.writeString(dir.resolve("jvm.args"), "-XX:+UseG1GC\n-Xmx40m\n");
        for (String opts : List.of("-XX:+UseParallelGC", "-XX:OldSize=10m", "-Dx=1\t-Xmx40m", "-Dx=1\n-XX:+UseG1GC",
                "@" + argFile, "-Dx=*")) {
            Result r = launch(Map.of("PAJAKDX_HOME", dir.resolve("home").toString(), "PAJAKDX_JAVA_OPTS", opts),
                    "diagnose", "--json", "facts/coretax/impersonate-badan-never-logged-in.yaml");
            assertEquals(0, r.code(), opts + ": " + r.out() + r.err());
            assertEquals("impersonate-badan-never-logged-in", Json.mapper().readTree(r.out()).get("caseId").asText(), opts);
        }
    }

    /**
     * Short commands get the heap in huge pages exactly where the kernel gives them on request (a
     * JVM asked for them elsewhere warns on standard output), with the young generation a one-case
     * run does not fill; elsewhere the small first heap.
     */
    @Test
    void hugePagesForTheHeap_exactlyWhereTheKernelOffersThem(@TempDir Path dir) throws Exception {
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean offered = Files.isReadable(thp) && Files.readString(thp).matches("(?s).*\\[(always|madvise)\\].*");
        Result r = launch(Map.of("PAJAKDX_HOME", dir.resolve("home").toString(), "PAJAKDX_JAVA_OPTS",
                "-XX:+PrintFlagsFinal"), "diagnose", "facts/coretax/impersonate-badan-never-logged-in.yaml");
        assertEquals(0, r.code(), r.err());
        assertFlag(r.err(), "UseTransparentHugePages", Boolean.toString(offered));
        if (offered) {
            assertFlag(r.err(), "NewSize", Long.toString(48L << 20)); // a young generation one case does not fill
        }
        assertFlag(r.err(), "InitialHeapSize", Long.toString((offered ? 64L : 32L) << 20)); // the first heap
        assertTrue(r.out().contains("[TERKONFIRMASI] Akun Badan belum pernah login"), "the diagnosis as usual");
        assertFalse(r.out().contains("warning"), "no JVM warning in the output");
    }

    /**
     * `batch` runs with smaller inlining and the serial collector on two cores or fewer (a cold batch
     * spends most of its time compiling otherwise), and the user's own inlining or collector still
     * wins; on more cores, and for `serve`, the JVM's defaults. The cores are what `nproc` says: a
     * stand-in on the PATH says 2, then 4, so that both sides run on any machine.
     */
    @Test
    void aBatch_compilesLessOnTwoCores_andTheUsersOptionsWin(@TempDir Path dir) throws Exception {
        Path cases = oneCase(dir);
        String home = dir.resolve("home").toString();
        Result r = launch(Map.of("PAJAKDX_HOME", home, "PAJAKDX_JAVA_OPTS", "-XX:+PrintFlagsFinal",
                "PATH", fakeNproc(dir, 2)), "batch", cases.toString());
        assertEquals(0, r.code(), r.err());
        assertFlag(r.err(), "MaxInlineLevel", "5");
        assertFlag(r.err(), "FreqInlineSize", "100");
        assertFlag(r.err(), "InlineSmallCode", "1000");
        assertFlag(r.err(), "UseSerialGC", "true");
        assertFlag(r.err(), "TieredStopAtLevel", "4");
        assertTrue(r.out().contains("{\"schemaVersion\""), "the diagnosis as usual: " + r.out());

        Result four = launch(Map.of("PAJAKDX_HOME", home, "PAJAKDX_JAVA_OPTS", "-XX:+PrintFlagsFinal",
                "PATH", fakeNproc(dir, 4)), "batch", cases.toString());
        assertEquals(0, four.code(), four.err());
        assertFlag(four.err(), "MaxInlineLevel", "15");
        assertFalse(four.err().matches("(?s).*\\bUseSerialGC\\s+= true\\s+\\{product\\} \\{command line\\}.*"),
                "no serial collector of the launcher's on four cores");

        for (Map<String, String> mine : List.of(
                Map.of("PAJAKDX_JAVA_OPTS", "-XX:+PrintFlagsFinal -XX:MaxInlineLevel=15 -XX:+UseParallelGC"),
                Map.of("PAJAKDX_JAVA_OPTS", "-XX:+PrintFlagsFinal -XX:+AggressiveHeap"),
                // a collector in a quoted argument file (the JVM removes the quotes of JDK_JAVA_OPTIONS)
                Map.of("PAJAKDX_JAVA_OPTS", "-XX:+PrintFlagsFinal", "JDK_JAVA_OPTIONS",
                        "\"@" + Files.writeString(dir.resolve("gc.args"), "-XX:+UseParallelGC\n") + "\""))) {
            Map<String, String> env = new java.util.HashMap<>(mine);
            env.putAll(Map.of("PAJAKDX_HOME", home, "PATH", fakeNproc(dir, 2)));
            Result theirs = launch(env, "batch", cases.toString());
            assertEquals(0, theirs.code(), mine + ": " + theirs.out() + theirs.err());
            assertFlag(theirs.err(), "UseParallelGC", "true");
            assertFlag(theirs.err(), "UseSerialGC", "false");
        }

        Result serve = launch(Map.of("PAJAKDX_HOME", home, "PAJAKDX_JAVA_OPTS", "-XX:+PrintFlagsFinal",
                "PATH", fakeNproc(dir, 2)), "serve", "--help");
        assertEquals(0, serve.code(), serve.err());
        assertFlag(serve.err(), "MaxInlineLevel", "15");
    }

    /**
     * A CPU quota counts as fewer cores, as the JVM counts them: four cores under a quota of one and a
     * half (cgroup v2) or one (v1) get the two-core flags; a quota of four, none, or an unreadable one
     * leaves the four cores' defaults.
     */
    @Test
    void aCpuQuota_countsAsFewerCores(@TempDir Path dir) throws Exception {
        Path cases = oneCase(dir);
        String home = dir.resolve("home").toString();
        Path v2 = Files.createDirectories(dir.resolve("v2"));
        Path v1 = Files.createDirectories(dir.resolve("v1/cpu,cpuacct"));
        Files.writeString(v1.resolve("cpu.cfs_quota_us"), "100000\n");
        Files.writeString(v1.resolve("cpu.cfs_period_us"), "100000\n");
        Map<String, String> limits = new java.util.LinkedHashMap<>();
        limits.put("150000 100000\n", "5");  // 1.5 CPUs: 2 cores
        limits.put("400000 100000\n", "15"); // 4 CPUs
        limits.put("max 100000\n", "15");    // no quota
        limits.put("garbage\n", "15");
        for (Map.Entry<String, String> limit : limits.entrySet()) {
            Files.writeString(v2.resolve("cpu.max"), limit.getKey());
            Result r = launch(Map.of("PAJAKDX_HOME", home, "PAJAKDX_JAVA_OPTS", "-XX:+PrintFlagsFinal",
                    "PATH", fakeNproc(dir, 4), "PAJAKDX_CGROUP_ROOT", v2.toString()), "batch", cases.toString());
            assertEquals(0, r.code(), r.err());
            assertFlag(r.err(), "MaxInlineLevel", limit.getValue());
        }
        Result r = launch(Map.of("PAJAKDX_HOME", home, "PAJAKDX_JAVA_OPTS", "-XX:+PrintFlagsFinal",
                "PATH", fakeNproc(dir, 4), "PAJAKDX_CGROUP_ROOT", dir.resolve("v1").toString()), "batch", cases.toString());
        assertEquals(0, r.code(), r.err());
        assertFlag(r.err(), "MaxInlineLevel", "5");
    }

    /** A JVM built without C2 refuses its inlining options: the launcher asks it first, and leaves them out. */
    @Test
    void aJvmWithoutC2_stillRunsABatch(@TempDir Path dir) throws Exception {
        String path = fakeNproc(dir, 2);
        Path fakeJava = dir.resolve("bin/java");
        Files.writeString(fakeJava, "#!/bin/sh\ncase \"$*\" in *InlineLevel*|*InlineSize*|*InlineSmallCode*)\n"
                + "  echo \"Unrecognized VM option\"; echo \"Error: Could not create the Java Virtual Machine.\"; exit 1 ;;\n"
                + "esac\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        assertTrue(fakeJava.toFile().setExecutable(true));
        Result r = launch(Map.of("PAJAKDX_HOME", dir.resolve("home").toString(), "PAJAKDX_CDS", "off", "PATH", path),
                "batch", oneCase(dir).toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("{\"schemaVersion\""), r.out());
    }

    private static Path oneCase(Path dir) throws IOException {
        return Files.writeString(dir.resolve("cases.jsonl"),
                "{\"id\":\"a\",\"as_of\":\"2025-01-15\",\"findings\":{\"problem\":\"cannot-access-coretax\"}}\n");
    }

    /** A PATH whose first folder holds an `nproc` that says {@code cores}. */
    private static String fakeNproc(Path dir, int cores) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path nproc = Files.writeString(bin.resolve("nproc"), "#!/bin/sh\necho " + cores + "\n");
        assertTrue(nproc.toFile().setExecutable(true));
        return bin + java.io.File.pathSeparator + System.getenv("PATH");
    }

    private static void assertFlag(String printFlagsFinal, String flag, String value) {
        assertTrue(printFlagsFinal.matches("(?s).*\\b" + flag + "\\s+= " + value + "\\b.*"), flag + " = " + value);
    }

    /**
     * JDK 17 sometimes crashes while it records the class-data archive (JDK-8274944). The crash must
     * not reach the user: no shell report of it, no crash file in the folder, the command's output
     * as usual, and the archive recorded at a later start.
     */
    @Test
    void aJvmThatCrashesWhileRecordingTheArchive_goesUnnoticed(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("java"); // another java binary, so the launcher records the archive again
        String real = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(fake, "#!/bin/bash\nfor a in \"$@\"; do [ \"$a\" = -Xshare:dump ] && kill -ABRT $$; done\n"
                + "exec '" + real + "' \"$@\"\n");
        assertTrue(fake.toFile().setExecutable(true));
        Path root = TestRules.projectRoot();
        List<Path> crashFilesBefore = crashFiles(root);
        Result r = launch(Map.of("PATH", bin + ":" + System.getenv("PATH"), "PAJAKDX_HOME", dir.resolve("home").toString()),
                "diagnose", "facts/coretax/impersonate-badan-never-logged-in.yaml");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[TERKONFIRMASI] Akun Badan belum pernah login"), r.out());
        assertEquals("", r.err(), "nothing about the crash on standard error");
        assertEquals(crashFilesBefore, crashFiles(root), "no crash report left in the folder");
    }

    private static List<Path> crashFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err")).sorted().toList();
        }
    }

    /** The same for JFR started on a running process, as an operator does it (jcmd). */
    @Test
    void aFlightRecordingAttachedLater_doesNotCrashTheJvm(@TempDir Path dir) throws Exception {
        Path root = TestRules.projectRoot();
        String lines = String.join("\n", BatchCommandTest.caseLines(40));
        Map<String, String> env = Map.of("PAJAKDX_HOME", dir.resolve("home").toString());
        assertEquals(0, launch(env, "diagnose", "facts/coretax/impersonate-badan-never-logged-in.yaml").code());
        ProcessBuilder builder = new ProcessBuilder(root.resolve("pajakdx").toString(), "batch", "-")
                .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process p = builder.start();
        // The launcher execs java: the process becomes the JVM. jcmd waits until it can attach, but a
        // JVM still starting (the launcher may first ask java about its options) can answer before
        // JFR's commands exist: asked again, as an operator would.
        String said = "";
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); ; Thread.sleep(200)) {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(p.pid()), "JFR.start", "filename=" + dir.resolve("late.jfr"))
                    .redirectErrorStream(true).start();
            said = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(jcmd.waitFor(60, TimeUnit.SECONDS), "jcmd did not finish");
            if (jcmd.exitValue() == 0 && !said.contains("Unknown diagnostic command")) {
                break;
            }
            assertTrue(said.contains("Unknown diagnostic command") && System.nanoTime() < end, said);
        }
        p.getOutputStream().write(lines.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "batch did not finish");
        assertEquals(40, out.lines().count(), out);
        assertTrue(p.exitValue() == 0 || p.exitValue() == 2, "exit " + p.exitValue());
    }

    @Test
    void missingCaseFileExits2WithoutStackTrace() throws Exception {
        Result r = launch("diagnose", "facts/no-such-case.yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("error: facts/no-such-case.yaml: berkas tidak ada"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
    }
}
