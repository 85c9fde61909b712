package pajakdx;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;
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
    // Field names quoted once: Jackson copies them instead of checking every character for escaping
    // (a third of the time spent writing strings).
    private static final SerializedString ACTOR = new SerializedString("actor");
    private static final SerializedString ANSWERED_UNKNOWN = new SerializedString("answeredUnknown");
    private static final SerializedString AS_OF = new SerializedString("asOf");
    private static final SerializedString AS_OF_ASSUMED = new SerializedString("asOfAssumed");
    private static final SerializedString ASK = new SerializedString("ask");
    private static final SerializedString CASE_ID = new SerializedString("caseId");
    private static final SerializedString CAUSES = new SerializedString("causes");
    private static final SerializedString CHANNELS = new SerializedString("channels");
    private static final SerializedString CONCLUDED = new SerializedString("concluded");
    private static final SerializedString CONCLUDES = new SerializedString("concludes");
    private static final SerializedString CONDITION = new SerializedString("condition");
    private static final SerializedString CONDITIONS = new SerializedString("conditions");
    private static final SerializedString COST = new SerializedString("cost");
    private static final SerializedString DECIDES = new SerializedString("decides");
    private static final SerializedString DETAIL = new SerializedString("detail");
    private static final SerializedString EN = new SerializedString("en");
    private static final SerializedString ESCALATION = new SerializedString("escalation");
    private static final SerializedString EXPLAINED_BY = new SerializedString("explainedBy");
    private static final SerializedString FACT = new SerializedString("fact");
    private static final SerializedString FACTS = new SerializedString("facts");
    private static final SerializedString FILE = new SerializedString("file");
    private static final SerializedString FINDING = new SerializedString("finding");
    private static final SerializedString FOR_CAUSES = new SerializedString("forCauses");
    private static final SerializedString HOW = new SerializedString("how");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString KIND = new SerializedString("kind");
    private static final SerializedString NOT_CONCLUDED = new SerializedString("notConcluded");
    private static final SerializedString NOTES = new SerializedString("notes");
    private static final SerializedString OUTCOME = new SerializedString("outcome");
    private static final SerializedString QUESTIONS = new SerializedString("questions");
    private static final SerializedString RANK = new SerializedString("rank");
    private static final SerializedString RELATIONS = new SerializedString("relations");
    private static final SerializedString REMEDIES = new SerializedString("remedies");
    private static final SerializedString RULE = new SerializedString("rule");
    private static final SerializedString SCHEMA_VERSION = new SerializedString("schemaVersion");
    private static final SerializedString SEQ = new SerializedString("seq");
    private static final SerializedString SOURCES = new SerializedString("sources");
    private static final SerializedString STATE = new SerializedString("state");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString STEP = new SerializedString("step");
    private static final SerializedString TEXT = new SerializedString("text");
    private static final SerializedString TITLE = new SerializedString("title");
    private static final SerializedString TRACE = new SerializedString("trace");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString VALUES = new SerializedString("values");
    private static final SerializedString WHY_NOT = new SerializedString("whyNot");

    private DiagnosisJson() {
    }

    /** Writes one element of a list. */
    private interface Element<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    /** {@code d} as one line of JSON. */
    static String write(Diagnosis d) {
        // As ObjectMapper.writeValueAsString writes: into recycled segments, made one String at the
        // end. A StringWriter would append through a synchronized builder that checks every
        // character for Latin-1 and grows by copying (a fifth of the time, measured).
        JsonFactory factory = Json.mapper().getFactory();
        BufferRecycler recycler = factory._getBufferRecycler();
        try (SegmentedStringWriter out = new SegmentedStringWriter(recycler)) {
            try (JsonGenerator g = factory.createGenerator(out)) {
                diagnosis(g, d);
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        } finally {
            recycler.releaseToPool(); // as writeValueAsString does: a pool other than per-thread needs it back
        }
    }

    private static void diagnosis(JsonGenerator g, Diagnosis d) throws IOException {
        g.writeStartObject();
        g.writeFieldName(SCHEMA_VERSION);
        g.writeNumber(d.schemaVersion());
        g.writeFieldName(CASE_ID);
        g.writeString(d.caseId());
        g.writeFieldName(TITLE);
        g.writeString(d.title());
        g.writeFieldName(AS_OF);
        g.writeString(d.asOf());
        g.writeFieldName(AS_OF_ASSUMED);
        g.writeBoolean(d.asOfAssumed());
        list(g, CAUSES, d.causes(), DiagnosisJson::cause);
        list(g, NOT_CONCLUDED, d.notConcluded(), DiagnosisJson::notConcluded);
        list(g, REMEDIES, d.remedies(), DiagnosisJson::remedy);
        list(g, QUESTIONS, d.questions(), DiagnosisJson::question);
        list(g, NOTES, d.notes(), DiagnosisJson::text);
        list(g, TRACE, d.trace(), DiagnosisJson::firing);
        g.writeEndObject();
    }

    private static void cause(JsonGenerator g, Diagnosis.CauseResult c) throws IOException {
        g.writeStartObject();
        g.writeFieldName(ID);
        g.writeString(c.id());
        g.writeFieldName(KIND);
        g.writeString(c.kind());
        g.writeFieldName(STATUS);
        g.writeString(c.status());
        g.writeFieldName(RANK);
        g.writeNumber(c.rank());
        strings(g, RELATIONS, c.relations());
        strings(g, SOURCES, c.sources());
        text(g, TEXT, c.text());
        text(g, DETAIL, c.detail());
        list(g, HOW, c.how(), DiagnosisJson::support);
        list(g, WHY_NOT, c.whyNot(), DiagnosisJson::ruleCheck);
        strings(g, EXPLAINED_BY, c.explainedBy());
        g.writeEndObject();
    }

    private static void notConcluded(JsonGenerator g, Diagnosis.NotConcluded n) throws IOException {
        g.writeStartObject();
        g.writeFieldName(ID);
        g.writeString(n.id());
        g.writeFieldName(KIND);
        g.writeString(n.kind());
        strings(g, RELATIONS, n.relations());
        strings(g, SOURCES, n.sources());
        text(g, TEXT, n.text());
        list(g, WHY_NOT, n.whyNot(), DiagnosisJson::ruleCheck);
        g.writeEndObject();
    }

    private static void support(JsonGenerator g, Diagnosis.Support s) throws IOException {
        g.writeStartObject();
        g.writeFieldName(RULE);
        g.writeString(s.rule());
        g.writeFieldName(FILE);
        g.writeString(s.file());
        strings(g, RELATIONS, s.relations());
        strings(g, SOURCES, s.sources());
        strings(g, FACTS, s.facts());
        g.writeEndObject();
    }

    private static void ruleCheck(JsonGenerator g, Diagnosis.RuleCheck r) throws IOException {
        g.writeStartObject();
        g.writeFieldName(RULE);
        g.writeString(r.rule());
        g.writeFieldName(FILE);
        g.writeString(r.file());
        g.writeFieldName(CONCLUDES);
        g.writeString(r.concludes());
        g.writeFieldName(OUTCOME);
        g.writeString(r.outcome());
        list(g, CONDITIONS, r.conditions(), DiagnosisJson::conditionCheck);
        g.writeEndObject();
    }

    private static void conditionCheck(JsonGenerator g, Diagnosis.ConditionCheck c) throws IOException {
        g.writeStartObject();
        g.writeFieldName(CONDITION);
        g.writeString(c.condition());
        g.writeFieldName(STATE);
        g.writeString(c.state());
        g.writeFieldName(FACT);
        g.writeString(c.fact());
        g.writeFieldName(ASK);
        g.writeString(c.ask());
        g.writeEndObject();
    }

    private static void remedy(JsonGenerator g, Diagnosis.RemedyStep r) throws IOException {
        g.writeStartObject();
        g.writeFieldName(STEP);
        g.writeNumber(r.step());
        g.writeFieldName(ID);
        g.writeString(r.id());
        text(g, TEXT, r.text());
        g.writeFieldName(ACTOR);
        g.writeString(r.actor());
        g.writeFieldName(ESCALATION);
        g.writeBoolean(r.escalation());
        list(g, CHANNELS, r.channels(), DiagnosisJson::text);
        strings(g, FOR_CAUSES, r.forCauses());
        strings(g, RELATIONS, r.relations());
        strings(g, SOURCES, r.sources());
        g.writeEndObject();
    }

    private static void question(JsonGenerator g, Diagnosis.Question q) throws IOException {
        g.writeStartObject();
        g.writeFieldName(FINDING);
        g.writeString(q.finding());
        text(g, TEXT, q.text());
        g.writeFieldName(TYPE);
        g.writeString(q.type());
        strings(g, VALUES, q.values());
        g.writeFieldName(COST);
        g.writeString(q.cost());
        strings(g, DECIDES, q.decides());
        g.writeFieldName(ANSWERED_UNKNOWN);
        g.writeBoolean(q.answeredUnknown());
        g.writeEndObject();
    }

    private static void firing(JsonGenerator g, Diagnosis.Firing f) throws IOException {
        g.writeStartObject();
        g.writeFieldName(SEQ);
        g.writeNumber(f.seq());
        g.writeFieldName(RULE);
        g.writeString(f.rule());
        strings(g, RELATIONS, f.relations());
        strings(g, FACTS, f.facts());
        strings(g, CONCLUDED, f.concluded());
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, SerializedString name, Text t) throws IOException {
        g.writeFieldName(name);
        text(g, t);
    }

    private static void text(JsonGenerator g, Text t) throws IOException {
        if (t == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeFieldName(ID);
        g.writeString(t.id());
        g.writeFieldName(EN);
        g.writeString(t.en());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, SerializedString name, List<String> values) throws IOException {
        list(g, name, values, JsonGenerator::writeString);
    }

    /** A list field; left out when omitted on purpose, null when absent. */
    private static <T> void list(JsonGenerator g, SerializedString name, List<T> values, Element<T> element) throws IOException {
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
