package pajakdx.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pajakdx.LiveRuleBase;
import pajakdx.TestRules;

/**
 * Review finding: requests that Jetty refuses before the service sees them were answered with
 * Jetty's HTML error page. They are problem details too.
 */
class RefusedRequestsIT {
    private static Running api;

    @BeforeAll
    static void start() {
        api = new Running(LiveRuleBase.of(TestRules::rules), ServiceConfig.defaults());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aBrokenRequestLine_isAMalformedRequest_inIndonesianByDefault() throws IOException {
        Answer a = send("GET /v1/%zz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertEquals(400, a.status(), a.raw());
        assertEquals("https://pajakdx.example/errors/malformed-request", a.json().get("type").asText());
        assertEquals("Permintaan tidak dapat dibaca", a.json().get("title").asText());
        assertTrue(a.json().get("detail").asText().startsWith("server HTTP tidak dapat membaca"), a.raw());
        assertEquals(400, a.json().get("status").asInt());
        assertTrue(api.log().matches("(?s).*\\n?\\S+ 127\\.0\\.0\\.1 - \\(refused by the HTTP server\\) 400\\n.*"), api.log());
        assertFalse(api.log().contains("%zz"), "what Jetty could not read is not logged");
    }

    /** A request Jetty cannot read has no headers to take a language from, even one it asked for: Indonesian. */
    @Test
    void aBrokenHeader_isAMalformedRequest_inIndonesian() throws IOException {
        Answer a = send("POST /v1/diagnose HTTP/1.1\r\nHost: a\r\nAccept-Language: en\r\nContent-Length: abc\r\n\r\n");
        assertEquals(400, a.status(), a.raw());
        assertTrue(a.raw().contains("\r\nContent-Language: id\r\n"), a.raw());
        assertEquals("https://pajakdx.example/errors/malformed-request", a.json().get("type").asText());
    }

    @Test
    void headersTooLarge_andAnUnknownVersion_areProblemDetails() throws IOException {
        Answer big = send("GET /healthz HTTP/1.1\r\nHost: a\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertEquals(431, big.status(), big.raw());
        assertEquals("about:blank", big.json().get("type").asText());
        assertEquals("header permintaan terlalu besar", big.json().get("detail").asText());
        Answer uri = send("GET /v1/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: a\r\n\r\n");
        assertEquals(414, uri.status(), uri.raw());
        assertEquals("URI permintaan terlalu panjang", uri.json().get("detail").asText());
        Answer version = send("GET /healthz HTTP/9.9\r\nHost: a\r\n\r\n");
        assertEquals(505, version.status(), version.raw());
        assertEquals("about:blank", version.json().get("type").asText());
        assertEquals(505, version.json().get("status").asInt());
    }

    /**
     * Review finding: an HTTP/2 connection preface ({@code PRI * HTTP/2.0}, h2c "prior knowledge")
     * got a 426 with an empty body, as any method but GET, POST and HEAD did; problem details too.
     */
    @Test
    void anHttp2Preface_andAPutJettyRefuses_areProblemDetailsToo() throws IOException {
        Answer h2 = send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertEquals(426, h2.status(), h2.raw());
        assertEquals("about:blank", h2.json().get("type").asText());
        assertEquals("Upgrade Required", h2.json().get("title").asText());
        assertEquals(426, h2.json().get("status").asInt());
        assertEquals("server ini hanya melayani HTTP/1.1; HTTP/2 tanpa TLS (h2c) tidak didukung",
                h2.json().get("detail").asText());
        assertTrue(api.log().contains(" - (refused by the HTTP server) 426\n"), api.log());
        Answer put = send("PUT /v1/consultations/x/answers/y HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n");
        assertEquals(400, put.status(), put.raw());
        assertEquals("https://pajakdx.example/errors/malformed-request", put.json().get("type").asText());
    }

    /** Review finding: a body cut short was refused with a Java class name (HttpEofException) as its detail. */
    @Test
    void aBodyCutShort_isSaidPlainly() throws IOException {
        try (Socket s = new Socket(api.base.getHost(), api.base.getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("POST /v1/diagnose HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\n{\"as_\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.shutdownOutput(); // the body ends before its last chunk
            String raw = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(raw.startsWith("HTTP/1.1 400 "), raw);
            assertTrue(raw.contains("isi permintaan terputus atau rusak"), raw);
            assertFalse(raw.contains("Exception"), raw);
        }
    }

    /**
     * Review finding: {@code ?lang=%zz}, a broken percent-escape, was ignored without a word: Jetty
     * passes the query on as it came, and Javalin leaves the parameter out. On the API's paths it
     * is refused like an unknown value (sent raw here: java.net.URI refuses to hold it).
     */
    @Test
    void aLangParameterWithABrokenEscape_isRefusedLikeAnUnknownOne() throws IOException {
        Answer zz = send("GET /v1/problems?lang=%zz HTTP/1.1\r\nHost: a\r\nAccept-Language: en\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(400, zz.status(), zz.raw());
        assertEquals("https://pajakdx.example/errors/malformed-request", zz.json().get("type").asText());
        assertEquals("lang: must be id or en, not '%zz' (its percent-encoding is broken)",
                zz.json().get("detail").asText());
        assertEquals("/v1/problems", zz.json().get("instance").asText());
        Answer id = send("GET /v1/findings?whyNot=true&lang=en% HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertEquals(400, id.status(), id.raw());
        assertEquals("lang: harus id atau en, bukan 'en%' (pengodean persennya rusak)", id.json().get("detail").asText());
        // Beside a good one too; its good escapes decoded, so an identifier in it is masked.
        Answer both = send("GET /v1/problems?lang=en&%6Cang=%33171234567890123%2 HTTP/1.1\r\nHost: a\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(400, both.status(), both.raw());
        assertTrue(both.json().get("detail").asText().startsWith("lang: must be id or en, not '"), both.raw());
        assertFalse(both.raw().contains("3171234567890123") || both.raw().contains("%33171"), both.raw());
        assertEquals(200, api.get("/v1/problems?lang=%65n").status(), "a good escape is no error");
        assertEquals(200, status("GET /healthz?lang=%zz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"),
                "only the API's paths check it");
    }

    /** A status, its headers and its body, read from a raw socket until the server closes it. */
    private record Answer(int status, String raw, JsonNode json) {
    }

    private static Answer send(String request) throws IOException {
        String raw = exchange(request);
        int status = Integer.parseInt(raw.substring(9, 12));
        String head = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertTrue(head.contains("\r\nContent-Type: application/problem+json"), raw);
        assertFalse(raw.contains("<html"), raw);
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        JsonNode json = Running.JSON.readTree(body);
        assertEquals(java.util.List.of(), OpenApi.get().errors("Problem", json), "the documented Problem: " + body);
        return new Answer(status, raw, json);
    }

    /** The status of the answer to {@code request}, whatever its body. */
    private static int status(String request) throws IOException {
        return Integer.parseInt(exchange(request).substring(9, 12));
    }

    /** The answer to {@code request} as it came: status line, headers and body. */
    private static String exchange(String request) throws IOException {
        try (Socket s = new Socket(api.base.getHost(), api.base.getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    got.write(buf, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException end) {
                // the answer so far
            }
            String raw = got.toString(StandardCharsets.UTF_8);
            assertTrue(raw.startsWith("HTTP/1.1 "), raw);
            return raw;
        }
    }
}
