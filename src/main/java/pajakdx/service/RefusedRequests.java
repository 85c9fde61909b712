package pajakdx.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import pajakdx.base.Lang;

/**
 * Problem details, not Jetty's HTML page, for the requests Jetty refuses before the service sees
 * them: a request line or header it cannot parse (400), headers too large (431), a URI too long
 * (414), an HTTP/2 connection preface on this HTTP/1.1 port (426). A 400 is a
 * {@code malformed-request} like the service's own; any other status is {@code about:blank} with
 * the status' reason as its title (RFC 9457, 4.2.1). Jetty hands such a request over without its
 * headers, so the language is Indonesian unless headers are there.
 */
final class RefusedRequests extends ErrorHandler {
    private final java.io.PrintStream log;

    /** {@code log}: the service's access log, which gets a line for each refused request too. */
    RefusedRequests(java.io.PrintStream log) {
        this.log = log;
    }

    /**
     * Every method gets the page: Jetty's own choice is GET, POST and HEAD only, which left the
     * others (an HTTP/2 preface's {@code PRI}, a PUT with a broken header) with an empty body.
     */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        // Neither method nor path: what Jetty could not read may hold anything, identifiers too.
        log.println(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + " "
                + client(request) + " - (refused by the HTTP server) " + code);
        Lang lang = Http.lang(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        String reason = HttpStatus.getMessage(code);
        ApiError.Kind kind = code == ApiError.Kind.MALFORMED_REQUEST.status ? ApiError.Kind.MALFORMED_REQUEST
                : code == ApiError.Kind.BODY_TOO_LARGE.status ? ApiError.Kind.BODY_TOO_LARGE : null;
        // instance empty: the path is among what could not be read
        Map<String, Object> body = Http.problemBody(kind == null ? "about:blank" : kind.type(),
                kind == null ? reason : kind.title.in(lang), code, detail(code, lang, reason), "", List.of());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Http.PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LANGUAGE, lang.code());
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(Http.write(body).getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String client(Request request) {
        try {
            return request.getConnectionMetaData().getRemoteSocketAddress() instanceof java.net.InetSocketAddress a
                    && a.getAddress() != null ? a.getAddress().getHostAddress() : "-";
        } catch (RuntimeException e) { // a request without its connection: the line is still worth writing
            return "-";
        }
    }

    /** What was wrong, in the asked language; Jetty's own message is not repeated (it may quote the request). */
    private static String detail(int code, Lang lang, String reason) {
        boolean id = lang == Lang.ID;
        return switch (code) {
            case 400 -> id ? "server HTTP tidak dapat membaca permintaan ini (baris permintaan, URI atau header rusak)"
                    : "the HTTP server cannot read this request (a broken request line, URI or header)";
            case 413 -> id ? "permintaan terlalu besar" : "the request is too large";
            case 414 -> id ? "URI permintaan terlalu panjang" : "the request URI is too long";
            case 431 -> id ? "header permintaan terlalu besar" : "the request headers are too large";
            case 426 -> id ? "server ini hanya melayani HTTP/1.1; HTTP/2 tanpa TLS (h2c) tidak didukung"
                    : "this server speaks HTTP/1.1 only; HTTP/2 without TLS (h2c) is not supported";
            default -> id ? "server HTTP menolak permintaan ini (" + code + " " + reason + ")"
                    : "the HTTP server refused this request (" + code + " " + reason + ")";
        };
    }
}
