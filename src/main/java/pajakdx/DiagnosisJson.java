package pajakdx;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import pajakdx.base.Text;
import pajakdx.json.Json;
import pajakdx.json.Omitted;

/**
 * Writes a {@link Diagnosis} field by field, in the records' order, as Jackson's reflective
 * serialiser writes it: the same JSON (DiagnosisJsonTest compares them on every golden case), but
 * without a reflective call per field and a serialiser looked up per value, and with far less code
 * for the JIT to compile before a batch runs at speed. A list left out on purpose ({@link Omitted})
 * is not written, as before. Only {@link Diagnosis#toJson()} uses it: a Jackson mapper of the
 * embedding program still serialises a Diagnosis by reflection, with its own settings.
 */
final class DiagnosisJson {
    private DiagnosisJson() {
    }

    /** Writes one element of a list. */
    private interface Element<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    /** {@code d} as one line of JSON. */
    static String write(Diagnosis d) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            diagnosis(g, d);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void diagnosis(JsonGenerator g, Diagnosis d) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schemaVersion", d.schemaVersion());
        g.writeStringField("caseId", d.caseId());
        g.writeStringField("title", d.title());
        g.writeStringField("asOf", d.asOf());
        g.writeBooleanField("asOfAssumed", d.asOfAssumed());
        list(g, "causes", d.causes(), DiagnosisJson::cause);
        list(g, "notConcluded", d.notConcluded(), DiagnosisJson::notConcluded);
        list(g, "remedies", d.remedies(), DiagnosisJson::remedy);
        list(g, "questions", d.questions(), DiagnosisJson::question);
        list(g, "notes", d.notes(), DiagnosisJson::text);
        list(g, "trace", d.trace(), DiagnosisJson::firing);
        g.writeEndObject();
    }

    private static void cause(JsonGenerator g, Diagnosis.CauseResult c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("kind", c.kind());
        g.writeStringField("status", c.status());
        g.writeNumberField("rank", c.rank());
        strings(g, "relations", c.relations());
        strings(g, "sources", c.sources());
        text(g, "text", c.text());
        text(g, "detail", c.detail());
        list(g, "how", c.how(), DiagnosisJson::support);
        list(g, "whyNot", c.whyNot(), DiagnosisJson::ruleCheck);
        strings(g, "explainedBy", c.explainedBy());
        g.writeEndObject();
    }

    private static void notConcluded(JsonGenerator g, Diagnosis.NotConcluded n) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", n.id());
        g.writeStringField("kind", n.kind());
        strings(g, "relations", n.relations());
        strings(g, "sources", n.sources());
        text(g, "text", n.text());
        list(g, "whyNot", n.whyNot(), DiagnosisJson::ruleCheck);
        g.writeEndObject();
    }

    private static void support(JsonGenerator g, Diagnosis.Support s) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", s.rule());
        g.writeStringField("file", s.file());
        strings(g, "relations", s.relations());
        strings(g, "sources", s.sources());
        strings(g, "facts", s.facts());
        g.writeEndObject();
    }

    private static void ruleCheck(JsonGenerator g, Diagnosis.RuleCheck r) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", r.rule());
        g.writeStringField("file", r.file());
        g.writeStringField("concludes", r.concludes());
        g.writeStringField("outcome", r.outcome());
        list(g, "conditions", r.conditions(), DiagnosisJson::conditionCheck);
        g.writeEndObject();
    }

    private static void conditionCheck(JsonGenerator g, Diagnosis.ConditionCheck c) throws IOException {
        g.writeStartObject();
        g.writeStringField("condition", c.condition());
        g.writeStringField("state", c.state());
        g.writeStringField("fact", c.fact());
        g.writeStringField("ask", c.ask());
        g.writeEndObject();
    }

    private static void remedy(JsonGenerator g, Diagnosis.RemedyStep r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("step", r.step());
        g.writeStringField("id", r.id());
        text(g, "text", r.text());
        g.writeStringField("actor", r.actor());
        g.writeBooleanField("escalation", r.escalation());
        list(g, "channels", r.channels(), DiagnosisJson::text);
        strings(g, "forCauses", r.forCauses());
        strings(g, "relations", r.relations());
        strings(g, "sources", r.sources());
        g.writeEndObject();
    }

    private static void question(JsonGenerator g, Diagnosis.Question q) throws IOException {
        g.writeStartObject();
        g.writeStringField("finding", q.finding());
        text(g, "text", q.text());
        g.writeStringField("type", q.type());
        strings(g, "values", q.values());
        g.writeStringField("cost", q.cost());
        strings(g, "decides", q.decides());
        g.writeBooleanField("answeredUnknown", q.answeredUnknown());
        g.writeEndObject();
    }

    private static void firing(JsonGenerator g, Diagnosis.Firing f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("seq", f.seq());
        g.writeStringField("rule", f.rule());
        strings(g, "relations", f.relations());
        strings(g, "facts", f.facts());
        strings(g, "concluded", f.concluded());
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String name, Text t) throws IOException {
        g.writeFieldName(name);
        text(g, t);
    }

    private static void text(JsonGenerator g, Text t) throws IOException {
        if (t == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeStringField("en", t.en());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        list(g, name, values, JsonGenerator::writeString);
    }

    /** A list field; left out when omitted on purpose, null when absent. */
    private static <T> void list(JsonGenerator g, String name, List<T> values, Element<T> element) throws IOException {
        if (Omitted.is(values)) {
            return;
        }
        g.writeFieldName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (T v : values) {
            if (v == null) {
                g.writeNull();
            } else {
                element.write(g, v);
            }
        }
        g.writeEndArray();
    }
}
