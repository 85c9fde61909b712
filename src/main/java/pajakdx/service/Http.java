package pajakdx.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pajakdx.base.Lang;
import pajakdx.base.Problem;

/** Reading requests and writing responses: language, bounded bodies, JSON, problem details. */
final class Http {
    static final String JSON = "application/json; charset=utf-8";
    static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
    static final String NDJSON = "application/x-ndjson; charset=utf-8";
    /** A language, optionally with one region or script subtag: {@code en}, {@code en-US}, {@code id_ID}. */
    private static final java.util.regex.Pattern LANG_TAG =
            java.util.regex.Pattern.compile("([A-Za-z]{2,10})(?:[-_][A-Za-z0-9]{2,8})?");

    private Http() {
    }

    /**
     * The language asked for: {@code ?lang=en|id} first, then the first of {@code en}/{@code id}
     * in {@code Accept-Language} by quality; Indonesian otherwise.
     */
    static Lang lang(Context ctx) {
        Lang asked = queryLang(ctx.queryParam("lang"));
        return asked != null ? asked : lang(ctx.header("Accept-Language"));
    }

    /** {@code ?lang=}'s language ({@code en}, {@code en-US}, {@code id}, ...), or null when absent or unknown. */
    static Lang queryLang(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        java.util.regex.Matcher m = LANG_TAG.matcher(q.strip());
        if (!m.matches()) {
            return null; // refused before any endpoint runs; its refusal follows Accept-Language
        }
        try {
            return Lang.parse(m.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A {@code %} that starts no escape: not followed by two hexadecimal digits. */
    private static final java.util.regex.Pattern BROKEN_ESCAPE = java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");

    /**
     * The value of a {@code lang} parameter in the raw query string {@code query} whose percent
     * encoding is broken ({@code ?lang=%zz}), its good escapes decoded; null when there is none.
     * Jetty passes such a query on as it came, and Javalin leaves the parameter out as if it were
     * absent: {@link #queryLang} never sees it.
     */
    static String brokenLang(String query) {
        if (query == null || query.indexOf('%') < 0) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && BROKEN_ESCAPE.matcher(pair.substring(eq + 1)).find()
                    && "lang".equals(readable(pair.substring(0, eq)))) {
                return readable(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /** {@code s} percent-decoded, with a {@code %} that starts no escape kept as it is. */
    private static String readable(String s) {
        return java.net.URLDecoder.decode(BROKEN_ESCAPE.matcher(s).replaceAll("%25"), StandardCharsets.UTF_8);
    }

    /** The first of {@code en}/{@code id} in an {@code Accept-Language} header by quality; Indonesian otherwise. */
    static Lang lang(String header) {
        if (header == null) {
            return Lang.ID;
        }
        Lang best = Lang.ID;
        double bestQ = -1;
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            String tag = pieces[0].trim().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            Lang l = tag.startsWith("en") ? Lang.EN : tag.startsWith("id") || tag.startsWith("in") ? Lang.ID : null;
            if (l != null && quality > 0 && quality > bestQ) {
                best = l;
                bestQ = quality;
            }
        }
        return best;
    }

    /** A query flag: absent is {@code fallback}; {@code true}/{@code 1}/{@code yes} or {@code false}/{@code 0}/{@code no}. */
    static boolean flag(Context ctx, String name, boolean fallback) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "", "true", "1", "yes", "ya" -> true;
            case "false", "0", "no", "tidak" -> false;
            default -> throw ApiError.of(ApiError.Kind.MALFORMED_REQUEST,
                    "parameter %s: '%s' bukan true atau false", "parameter %s: '%s' is not true or false",
                    name, Internals.mask(v));
        };
    }

    /**
     * The request body as UTF-8 text, refused (413) past {@code limit} bytes whether the client
     * announced its length or not.
     */
    static String body(Context ctx, int limit) {
        long announced = ctx.req().getContentLengthLong();
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            if (announced > limit) {
                throw tooLarge(limit, in, announced);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > limit) {
                    throw tooLarge(limit, in, announced);
                }
            }
            bytes = out.toByteArray();
        } catch (IOException e) {
            // Said plainly: a Java class name (HttpEofException) tells a client nothing.
            throw ApiError.of(ApiError.Kind.MALFORMED_REQUEST,
                    "isi permintaan terputus atau rusak (panjangnya atau potongan chunked-nya tidak sesuai)",
                    "the request body ended early or is broken (its length or its chunks do not match)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.of(ApiError.Kind.MALFORMED_REQUEST, "isi permintaan bukan teks UTF-8",
                    "the request body is not UTF-8 text");
        }
    }

    /**
     * The refusal of a body past {@code limit}; what is left of a body of at most {@link #SWALLOW}
     * bytes is read and dropped first. Otherwise the connection closes while the client is still
     * sending, and the client never reads the 413 (it sees a reset instead). Tomcat does the same.
     */
    private static ApiError tooLarge(int limit, InputStream in, long announced) {
        if (announced <= SWALLOW) { // unannounced (-1) too: read on up to the cap, then give up
            try {
                long left = SWALLOW;
                byte[] buf = new byte[8192];
                int n;
                while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                    left -= n;
                }
            } catch (IOException | RuntimeException e) {
                // the client went away: nothing to answer
            }
        }
        return tooLarge(limit);
    }

    /** Most bytes of a refused body read and dropped, so that its client can read the refusal. */
    private static final long SWALLOW = 4L << 20;

    private static ApiError tooLarge(int limit) {
        return ApiError.of(ApiError.Kind.BODY_TOO_LARGE, "isi permintaan lebih dari %d byte",
                "the request body is larger than %d bytes", limit);
    }

    /** Writes {@code value} as JSON with {@code status}. */
    static void json(Context ctx, int status, Object value) {
        ctx.status(status).contentType(JSON).result(write(value));
    }

    static String write(Object value) {
        try {
            return Internals.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code e} as RFC 9457 problem details in the request's language. */
    static void problem(Context ctx, ApiError e) {
        Lang lang = lang(ctx);
        Map<String, Object> body = problemBody(e.kind.type(), e.kind.title.in(lang), e.kind.status, e.detail.in(lang),
                Internals.mask(ctx.path()), e.problems.stream().map(Http::problem).toList());
        ctx.status(e.kind.status).contentType(PROBLEM_JSON).header("Content-Language", lang.code()).result(write(body));
    }

    /** Problem details' fields, in the order docs/openapi.yaml's {@code Problem} lists them. */
    static Map<String, Object> problemBody(String type, String title, int status, String detail, String instance,
            List<?> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("problems", problems);
        return body;
    }

    private static Map<String, Object> problem(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.file());
        m.put("field", p.field());
        m.put("line", p.line());
        m.put("column", p.column());
        m.put("message", p.message());
        return m;
    }

    /** A JSON body's text field, or {@code fallback} when absent; any other JSON scalar is taken as its text. */
    static String text(Map<String, Object> body, String field, String fallback) {
        Object v = body.get(field);
        if (v == null) {
            return body.containsKey(field) ? null : fallback;
        }
        if (v instanceof Map || v instanceof List) {
            throw new ApiError(ApiError.Kind.MALFORMED_REQUEST, new pajakdx.base.Text(
                    field + ": harus berupa teks, angka, true/false atau null",
                    field + ": must be a text, a number, true/false or null"),
                    List.of(Problem.inField("request", field, "expected a text, a number, true/false or null")));
        }
        return v.toString();
    }

    /** A small JSON object body (an answer, a what-if): field names to values. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Context ctx, int limit) {
        String text = body(ctx, limit);
        if (text.isBlank()) {
            return Map.of();
        }
        Object parsed;
        try {
            parsed = Internals.mapper().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String message = "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("");
            Problem p = new Problem("request", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    null, message);
            throw new ApiError(ApiError.Kind.MALFORMED_REQUEST, pajakdx.base.Text.both(p.toString()), List.of(p));
        }
        if (!(parsed instanceof Map)) {
            Problem p = Problem.of("expected a JSON object");
            throw new ApiError(ApiError.Kind.MALFORMED_REQUEST, pajakdx.base.Text.both("request: " + p.message()),
                    List.of(p.inFile("request")));
        }
        return (Map<String, Object>) parsed;
    }

    /** A classpath resource as it is, with its content type; 404 when it is missing from the build. */
    static void resource(Context ctx, String path, String contentType) {
        try (var in = Http.class.getResourceAsStream(path)) {
            if (in == null) {
                throw ApiError.of(ApiError.Kind.NOT_FOUND, "%s tidak ada dalam paket ini", "%s is not in this build", path);
            }
            ctx.status(200).contentType(contentType).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
