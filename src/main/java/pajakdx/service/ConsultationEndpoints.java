package pajakdx.service;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import pajakdx.Case;
import pajakdx.Consultation;
import pajakdx.DiagnoseOptions;
import pajakdx.Diagnosis;
import pajakdx.RuleBase;
import pajakdx.base.Text;

/**
 * Consultations over HTTP, as the REPL holds them: open (from a problem, a pasted error text or any
 * case), answer or unset a finding, skip a question, WHY a question is asked, HOW a cause was
 * concluded, WHY NOT, what-if, close. Every change answers with the whole state: the diagnosis so
 * far and the next question.
 */
final class ConsultationEndpoints {
    private final ServiceRules rules;
    private final ConsultationStore store;
    private final ServiceConfig config;

    ConsultationEndpoints(ServiceRules rules, ConsultationStore store, ServiceConfig config) {
        this.rules = rules;
        this.store = store;
        this.config = config;
    }

    // --- what the endpoints answer ---

    /** The next question, with what the page needs to offer its answers. */
    record NextQuestion(String finding, Text text, String type, List<Internals.ValueInfo> values,
                        List<String> formats, String cost, Text costText, List<String> decides) {
    }

    /**
     * A consultation as it stands.
     *
     * @param recognised after error texts were given: whether the message table knew one; else null
     */
    record State(String id, long expiresInSeconds, String asOf, String problem, List<Internals.AnswerInfo> answers,
                 List<String> errors, List<String> skipped, NextQuestion next, Boolean recognised, Diagnosis diagnosis) {
    }

    /** A rule whose outcome hangs on the question, and its conditions on it. */
    record WhyRule(String rule, String file, String concludes, List<String> conditions) {
    }

    record WhyCause(String id, List<String> relations, String status, Text text, List<WhyRule> rules) {
    }

    record Why(String finding, Text text, String cost, Text costText, List<WhyCause> causes) {
    }

    record HowCause(String id, String kind, List<String> relations, String status, Text text,
                    List<Diagnosis.Support> how, List<Internals.SourceInfo> sources) {
    }

    record WhyNotCause(String id, String kind, List<String> relations, String status, Text text,
                       List<Diagnosis.RuleCheck> rules) {
    }

    /** What a cause's status would become (null: not concluded). */
    record Change(String cause, String before, String after) {
    }

    record WhatIf(String finding, String value, List<Change> changes, List<String> remediesAdded,
                  List<String> remediesRemoved, String nextQuestionBefore, String nextQuestionAfter,
                  Diagnosis diagnosis) {
    }

    // --- handlers ---

    void open(Context ctx) {
        String text = Http.body(ctx, config.maxBodyBytes());
        Case start = text.isBlank() ? Case.builder(Consultation.DEFAULT_ID).build()
                : Cases.parse(text);
        RuleBase now = rules.current();
        ConsultationSession s = store.open(ctx.ip(), () -> Cases.diagnosing(
                () -> new Consultation(now, start, DiagnoseOptions.DEFAULT)));
        Boolean recognised = start.messages().isEmpty() ? null
                : start.messages().stream().anyMatch(m -> Internals.recognises(now, m));
        State state = s.use(now, x -> state(x, false, recognised));
        ctx.header("Location", "/v1/consultations/" + s.id());
        Http.json(ctx, 201, state);
    }

    void get(Context ctx) {
        boolean whyNot = Http.flag(ctx, "whyNot", false);
        Http.json(ctx, 200, session(ctx).use(rules.current(), s -> state(s, whyNot, null)));
    }

    void close(Context ctx) {
        store.close(ctx.pathParam("id"));
        ctx.status(204);
    }

    void answer(Context ctx) {
        String finding = ctx.pathParam("finding");
        Map<String, Object> body = Http.object(ctx, config.maxBodyBytes());
        if (!body.containsKey("value")) {
            throw ApiError.of(ApiError.Kind.MALFORMED_REQUEST, "isi permintaan perlu {\"value\": ...}",
                    "the body needs {\"value\": ...}");
        }
        String value = Http.text(body, "value", null);
        String v = value == null || Internals.isUnknown(value) ? Case.UNKNOWN : value;
        change(ctx, s -> {
            Cases.diagnosing(() -> s.consultation().answer(finding, v));
            s.unskip(finding);
            return null;
        });
    }

    void unset(Context ctx) {
        String finding = ctx.pathParam("finding");
        change(ctx, s -> {
            if (s.consultation().currentCase().answers().containsKey(finding)) {
                Cases.diagnosing(() -> s.consultation().unset(finding));
            }
            return null;
        });
    }

    void addError(Context ctx) {
        Map<String, Object> body = Http.object(ctx, config.maxBodyBytes());
        String text = Http.text(body, "text", null);
        if (text == null || text.isBlank()) {
            throw ApiError.of(ApiError.Kind.MALFORMED_REQUEST, "isi permintaan perlu {\"text\": \"...\"}",
                    "the body needs {\"text\": \"...\"}");
        }
        change(ctx, s -> {
            Cases.diagnosing(() -> s.consultation().addError(text));
            return Internals.recognises(s.consultation().rules(), text);
        });
    }

    void skip(Context ctx) {
        Map<String, Object> body = Http.object(ctx, config.maxBodyBytes());
        change(ctx, s -> {
            String finding = Http.text(body, "finding", null);
            if (finding == null) {
                NextQuestion next = next(s);
                if (next == null) {
                    throw noOpenQuestion();
                }
                finding = next.finding();
            }
            s.skip(finding);
            return null;
        });
    }

    /** Runs {@code change} on the consultation and answers with its state. */
    private void change(Context ctx, java.util.function.Function<ConsultationSession, Boolean> change) {
        ConsultationSession session = session(ctx);
        Http.json(ctx, 200, session.use(rules.current(), s -> state(s, false, change.apply(s))));
    }

    void why(Context ctx) {
        String asked = ctx.queryParam("finding");
        Http.json(ctx, 200, session(ctx).use(rules.current(), s -> {
            Diagnosis d = s.consultation().diagnosis();
            String finding = asked != null ? asked : Optional.ofNullable(next(s)).map(NextQuestion::finding)
                    .orElseThrow(ConsultationEndpoints::noOpenQuestion);
            Diagnosis.Question q = d.questions().stream().filter(x -> x.finding().equals(finding)).findFirst()
                    .orElseThrow(() -> noQuestion(finding));
            List<WhyCause> causes = new ArrayList<>();
            for (String causeId : q.decides()) {
                String now = status(d, causeId);
                List<WhyRule> hanging = new ArrayList<>();
                for (Diagnosis.RuleCheck r : s.consultation().whyNot(causeId)) {
                    List<String> conditions = r.conditions().stream().filter(k -> finding.equals(k.ask()))
                            .map(Diagnosis.ConditionCheck::condition).toList();
                    if (!conditions.isEmpty()) {
                        hanging.add(new WhyRule(r.rule(), r.file(), r.concludes(), conditions));
                    }
                }
                Internals.CauseInfo def = Internals.causes(s.consultation().rules(), causeId).stream().findFirst()
                        .orElse(new Internals.CauseInfo(causeId, "cause", List.of(), List.of(), Text.both(causeId)));
                causes.add(new WhyCause(causeId, def.relations(), now, def.text(), hanging));
            }
            Internals.FindingInfo def = Internals.finding(s.consultation().rules(), finding).orElseThrow();
            return new Why(finding, q.text(), def.cost(), def.costText(), causes);
        }));
    }

    void how(Context ctx) {
        String name = ctx.pathParam("cause");
        Http.json(ctx, 200, session(ctx).use(rules.current(), s -> {
            Diagnosis d = s.consultation().diagnosis();
            RuleBase base = s.consultation().rules();
            List<HowCause> out = new ArrayList<>();
            for (Internals.CauseInfo c : causes(base, name)) {
                Optional<Diagnosis.CauseResult> r = d.cause(c.id());
                List<Diagnosis.Support> how = r.map(Diagnosis.CauseResult::how).orElse(List.of());
                Set<String> keys = new LinkedHashSet<>();
                how.forEach(h -> keys.addAll(h.sources()));
                out.add(new HowCause(c.id(), c.kind(), c.relations(), status(d, c.id()), c.text(), how,
                        keys.stream().map(k -> Internals.source(base, k)).toList()));
            }
            return Map.of("causes", out);
        }));
    }

    void whyNot(Context ctx) {
        String name = ctx.pathParam("cause");
        Http.json(ctx, 200, session(ctx).use(rules.current(), s -> {
            Diagnosis d = s.consultation().diagnosis();
            List<WhyNotCause> out = new ArrayList<>();
            for (Internals.CauseInfo c : causes(s.consultation().rules(), name)) {
                out.add(new WhyNotCause(c.id(), c.kind(), c.relations(), status(d, c.id()), c.text(),
                        s.consultation().whyNot(c.id())));
            }
            return Map.of("causes", out);
        }));
    }

    void whatIf(Context ctx) {
        Map<String, Object> body = Http.object(ctx, config.maxBodyBytes());
        String finding = Http.text(body, "finding", null);
        if (finding == null) {
            throw ApiError.of(ApiError.Kind.MALFORMED_REQUEST,
                    "isi permintaan perlu {\"finding\": \"...\", \"value\": \"...\"} (tanpa value: andaikan jawabannya dihapus)",
                    "the body needs {\"finding\": \"...\", \"value\": \"...\"} (without value: what if it were unset)");
        }
        boolean unset = !body.containsKey("value");
        String raw = Http.text(body, "value", null);
        String value = unset ? null : raw == null || Internals.isUnknown(raw) ? Case.UNKNOWN : raw;
        Http.json(ctx, 200, session(ctx).use(rules.current(), s -> {
            Consultation c = s.consultation();
            Diagnosis before = c.diagnosis();
            Diagnosis after = Cases.diagnosing(() -> unset ? c.whatIfUnset(finding) : c.whatIf(finding, value));
            return whatIf(finding, value == null ? null : Internals.mask(value), before, WhyNot.apply(after, false),
                    s.skipped());
        }));
    }

    // --- building the answers ---

    private ConsultationSession session(Context ctx) {
        return store.get(ctx.pathParam("id"));
    }

    private State state(ConsultationSession s, boolean whyNot, Boolean recognised) {
        Consultation c = s.consultation();
        List<Internals.AnswerInfo> answers = Internals.answers(c);
        String problem = answers.stream().filter(a -> a.finding().equals(Internals.PROBLEM))
                .map(Internals.AnswerInfo::value).findFirst().orElse(null);
        long ttlSeconds = store.ttlNanos() / 1_000_000_000L;
        return new State(s.id(), ttlSeconds, c.currentCase().asOf(), problem, answers,
                c.currentCase().messages().stream().map(Internals::mask).toList(), s.skipped(),
                problem == null ? null : next(s), recognised, WhyNot.apply(c.diagnosis(), whyNot));
    }

    /** The best question not answered "do not know" and not skipped; null when none is left. */
    private static NextQuestion next(ConsultationSession s) {
        Consultation c = s.consultation();
        List<String> skipped = s.skipped();
        for (Diagnosis.Question q : c.diagnosis().questions()) {
            if (!q.answeredUnknown() && !skipped.contains(q.finding())) {
                Optional<Internals.FindingInfo> def = Internals.finding(c.rules(), q.finding());
                if (def.isPresent()) {
                    Internals.FindingInfo f = def.get();
                    return new NextQuestion(q.finding(), q.text(), q.type(), f.values(), f.formats(), f.cost(),
                            f.costText(), q.decides());
                }
            }
        }
        return null;
    }

    private static String status(Diagnosis d, String causeId) {
        return d.cause(causeId).map(Diagnosis.CauseResult::status).orElse(null);
    }

    private static List<Internals.CauseInfo> causes(RuleBase base, String name) {
        List<Internals.CauseInfo> found = Internals.causes(base, name);
        if (found.isEmpty()) {
            String hint = Internals.suggestCause(base, name);
            throw ApiError.of(ApiError.Kind.UNKNOWN_CAUSE, "'%s' bukan id penyebab atau relasi%s",
                    "'%s' is not a cause or relation id%s", Internals.mask(name), hint);
        }
        return found;
    }

    private static ApiError noQuestion(String finding) {
        return ApiError.of(ApiError.Kind.NOT_A_QUESTION, "'%s' bukan pertanyaan yang terbuka dalam konsultasi ini",
                "'%s' is not an open question of this consultation", Internals.mask(finding));
    }

    private static ApiError noOpenQuestion() {
        return ApiError.of(ApiError.Kind.NOT_A_QUESTION, "konsultasi ini tidak punya pertanyaan terbuka saat ini",
                "this consultation has no open question now");
    }

    private static WhatIf whatIf(String finding, String value, Diagnosis before, Diagnosis after, List<String> skipped) {
        Map<String, String> was = new LinkedHashMap<>();
        before.causes().forEach(c -> was.put(c.id(), c.status()));
        Map<String, String> will = new LinkedHashMap<>();
        after.causes().forEach(c -> will.put(c.id(), c.status()));
        Set<String> ids = new LinkedHashSet<>(will.keySet());
        ids.addAll(was.keySet());
        List<Change> changes = ids.stream().filter(id -> !Objects.equals(was.get(id), will.get(id)))
                .map(id -> new Change(id, was.get(id), will.get(id))).toList();
        List<String> remediesBefore = before.remedies().stream().map(Diagnosis.RemedyStep::id).toList();
        List<String> remediesAfter = after.remedies().stream().map(Diagnosis.RemedyStep::id).toList();
        return new WhatIf(finding, value, changes,
                remediesAfter.stream().filter(r -> !remediesBefore.contains(r)).toList(),
                remediesBefore.stream().filter(r -> !remediesAfter.contains(r)).toList(),
                firstQuestion(before, skipped), firstQuestion(after, skipped), after);
    }

    private static String firstQuestion(Diagnosis d, List<String> skipped) {
        return d.questions().stream().filter(q -> !q.answeredUnknown() && !skipped.contains(q.finding()))
                .map(Diagnosis.Question::finding).findFirst().orElse(null);
    }
}
