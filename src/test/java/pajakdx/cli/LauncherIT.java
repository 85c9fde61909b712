package pajakdx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
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
     * static class-data archive; the launcher now leaves the archive out for JFR and agents.
     */
    @Test
    void aFlightRecording_doesNotCrashTheJvm(@TempDir Path dir) throws Exception {
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

    @Test
    void missingCaseFileExits2WithoutStackTrace() throws Exception {
        Result r = launch("diagnose", "facts/no-such-case.yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("facts/no-such-case.yaml: no such file"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
    }
}
