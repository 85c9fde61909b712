package pajakdx.service;

import java.util.List;
import pajakdx.base.Lang;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.base.Text;

/**
 * An error answered as RFC 9457 problem details: a kind (its type URI, status and title), a detail
 * in both languages, and the library's problems (file, field, line, message) when it has any.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kinds of error the service answers, each with its status and title. */
    enum Kind {
        MALFORMED_REQUEST(400, "malformed-request", "Permintaan tidak dapat dibaca", "The request cannot be read"),
        INVALID_CASE(422, "invalid-case", "Kasus tidak sesuai dengan kosakata aturan",
                "The case does not fit the rules' vocabulary"),
        BODY_TOO_LARGE(413, "body-too-large", "Isi permintaan terlalu besar", "The request body is too large"),
        NOT_FOUND(404, "not-found", "Tidak ditemukan", "Not found"),
        METHOD_NOT_ALLOWED(405, "method-not-allowed", "Metode tidak diizinkan", "Method not allowed"),
        CONSULTATION_NOT_FOUND(404, "consultation-not-found", "Konsultasi tidak ditemukan",
                "Consultation not found"),
        UNKNOWN_CAUSE(404, "unknown-cause", "Penyebab tidak dikenal", "Unknown cause"),
        NOT_A_QUESTION(404, "not-a-question", "Bukan pertanyaan yang terbuka", "Not an open question"),
        TOO_MANY_CONSULTATIONS(429, "too-many-consultations", "Terlalu banyak konsultasi terbuka",
                "Too many open consultations"),
        CONSULTATIONS_FULL(503, "consultations-full", "Layanan sedang penuh", "The service is full"),
        RELOAD_OFF(404, "reload-off", "Muat ulang aturan tidak diaktifkan", "Reloading the rules is off"),
        RELOAD_FORBIDDEN(403, "reload-forbidden", "Token muat ulang salah", "Wrong reload token"),
        RELOAD_FAILED(422, "reload-failed", "Aturan tidak dimuat ulang; aturan lama tetap dipakai",
                "Rules not reloaded; the last good rules stay in use"),
        RULE_FAILURE(500, "rule-failure", "Aturan gagal dijalankan", "A rule failed"),
        INTERNAL(500, "internal-error", "Galat internal", "Internal error");

        final int status;
        final String slug;
        final Text title;

        Kind(int status, String slug, String titleId, String titleEn) {
            this.status = status;
            this.slug = slug;
            this.title = new Text(titleId, titleEn);
        }

        /** The problem type URI (documented in docs/SERVICE.md). */
        String type() {
            return "https://pajakdx.example/errors/" + slug;
        }
    }

    final transient Kind kind;
    final transient Text detail;
    final transient List<Problem> problems;

    ApiError(Kind kind, Text detail, List<Problem> problems) {
        super(kind.slug + ": " + detail.en());
        this.kind = kind;
        this.detail = detail;
        this.problems = List.copyOf(problems);
    }

    ApiError(Kind kind, Text detail) {
        this(kind, detail, List.of());
    }

    /** A detail in both languages, formatted with the same arguments. */
    static ApiError of(Kind kind, String detailId, String detailEn, Object... args) {
        return new ApiError(kind, new Text(String.format(detailId, args), String.format(detailEn, args)));
    }

    /**
     * The library's problems, each as the command line prints it ({@code file: field: message}),
     * in the detail, in each language; the {@code problems} list keeps the library's English.
     */
    static ApiError from(Kind kind, PajakDxException e) {
        return new ApiError(kind, new Text(lines(e, Lang.ID), lines(e, Lang.EN)), e.problems());
    }

    private static String lines(PajakDxException e, Lang lang) {
        return String.join("\n", e.problems().stream().map(p -> p.toString(lang)).toList());
    }
}
