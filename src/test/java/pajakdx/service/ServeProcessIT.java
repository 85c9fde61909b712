package pajakdx.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TestRules;

/**
 * {@code ./pajakdx serve} as an operator runs it: the launcher, the fat jar, a free port, SIGTERM
 * to stop. Its log masks every NPWP/NIK, and it writes nothing to disk but the compiled-rule
 * cache in PAJAKDX_HOME (not in the temporary folder, not in the user's home).
 */
class ServeProcessIT {
    private static final Pattern LISTENING = Pattern.compile("(?:Layanan PajakDx|PajakDx service): (http://\\S+/) ");
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(URI base, String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Process launch(Path dir, String... args) throws IOException {
        Path root = TestRules.projectRoot();
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("pajakdx").toString(), "serve"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(dir.resolve("stderr.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("PAJAKDX_HOME", dir.resolve("home").toString());
        env.put("HOME", dir.resolve("user").toString());
        env.put("PAJAKDX_JAVA_OPTS", "-Djava.io.tmpdir=" + dir.resolve("tmp"));
        env.remove("PAJAKDX_RELOAD_TOKEN");
        return pb.start();
    }

    private static URI waitForAddress(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher m = line == null ? null : LISTENING.matcher(line);
        assertTrue(m != null && m.find(), "first line: " + line);
        assertTrue(line.matches("Layanan PajakDx: \\S+ \\(\\d+ aturan; muat ulang (aktif|mati)\\)\\. Hentikan dengan"
                + " Ctrl-C\\."), "in Indonesian by default: " + line);
        return URI.create(m.group(1));
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).toList();
        }
    }

    @Test
    void servesFromTheFatJar_masksTheLog_writesOnlyTheCache_andStopsOnSigterm(@TempDir Path dir) throws Exception {
        for (String sub : List.of("home", "user", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Path tokenFile = Files.writeString(dir.resolve("token"), "tok-" + System.nanoTime() + "\n");
        Process p = launch(dir, "--port", "0", "--reload-token-file", tokenFile.toString());
        try {
            URI base = waitForAddress(p);
            assertEquals("127.0.0.1", base.getHost(), "loopback by default");

            HttpResponse<String> page = send(base, "GET", "/", null);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<script src=\"/app.js\""), page.body());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
            assertEquals(200, send(base, "GET", "/app.js", null).statusCode());

            String npwp = "739184625947361";
            String nik = "3174051234567890";
            HttpResponse<String> ok = send(base, "POST", "/v1/diagnose", "{\"title\": \"NIK " + nik + "\","
                    + " \"problem\": \"efaktur-username-refused\", \"as_of\": \"2025-02-03\","
                    + " \"findings\": {\"efaktur.username\": \"" + npwp + "\"}}");
            assertEquals(200, ok.statusCode(), ok.body());
            assertFalse(ok.body().contains(npwp) || ok.body().contains(nik), "masked in the answer");
            assertEquals(422, send(base, "POST", "/v1/diagnose", "{\"problem\": \"upload-fails\","
                    + " \"findings\": {\"efaktur.username\": \"" + npwp.substring(1) + "\"}}").statusCode());
            assertEquals(404, send(base, "GET", "/v1/consultations/" + npwp, null).statusCode());
            assertEquals(200, send(base, "POST", "/v1/batch", "{\"problem\": \"efaktur-username-refused\","
                    + " \"findings\": {\"efaktur.username\": \"" + nik + "\"}}\n").statusCode());
            HttpResponse<String> reload = send(base, "POST", "/v1/reload", null,
                    "Authorization", "Bearer " + Files.readString(tokenFile).trim());
            assertEquals(200, reload.statusCode(), reload.body());
        } finally {
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");
        }
        assertTrue(p.exitValue() == 0 || p.exitValue() == 143, "exit " + p.exitValue());

        String log = Files.readString(dir.resolve("stderr.txt"));
        assertTrue(log.contains("POST /v1/diagnose 200"), log);
        Matcher identifier = Pattern.compile("\\d{12,}").matcher(log);
        assertFalse(identifier.find(), "unmasked identifier in the log: " + log);
        assertFalse(log.contains("Exception"), log);

        assertEquals(List.of(), filesUnder(dir.resolve("tmp")), "nothing in the temporary folder");
        assertEquals(List.of(), filesUnder(dir.resolve("user")), "nothing in the user's home");
        for (Path f : filesUnder(dir.resolve("home"))) {
            assertTrue(f.startsWith("cache"), "only the compiled-rule cache in PAJAKDX_HOME: " + f);
        }
    }

    @Test
    void aPortInUse_isAClearErrorAndExit2(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Process p = launch(dir, "--port", String.valueOf(taken.getLocalPort()), "--lang", "en");
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue());
            String err = Files.readString(dir.resolve("stderr.txt"));
            assertTrue(err.contains("error: cannot listen on 127.0.0.1:" + taken.getLocalPort()), err);
            assertFalse(err.contains("\tat "), err);
        }
    }
}
