package pajakdx.service;

import pajakdx.internal.RuleBases;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pajakdx.Case;
import pajakdx.Consultation;
import pajakdx.DiagnoseOptions;
import pajakdx.RuleBase;
import pajakdx.base.Text;
import pajakdx.batch.BatchRunner;
import pajakdx.collect.FactCollector;
import pajakdx.collect.MessageRecognizer;
import pajakdx.text.Suggest;
import pajakdx.doc.DocReader;
import pajakdx.facts.Finding;
import pajakdx.text.Masking;
import pajakdx.json.Json;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.CauseDef;
import pajakdx.knowledge.FindingDef;
import pajakdx.knowledge.Rule;
import pajakdx.knowledge.Source;

/**
 * The one place where the service reaches below PajakDx's public API (the classes of package
 * {@code pajakdx}): the vocabulary, the catalog's causes and sources, masking, the JSON mapper and
 * the library's input limits. Everything else in {@code pajakdx.service} uses the public API only,
 * so when the library's internals move, this class is the one to follow them.
 */
final class Internals {
    /** The finding every case starts from: what went wrong. */
    static final String PROBLEM = Catalog.PROBLEM;
    /** Longest case text the library reads (characters); the service's body limit defaults to it. */
    static final int MAX_CASE_CHARS = DocReader.MAX_CHARS;

    private Internals() {
    }

    /** A problem a consultation can start from. */
    record ProblemInfo(String id, Text text) {
    }

    /** A value a choice finding allows, with its label. */
    record ValueInfo(String id, Text text) {
    }

    /** A finding of the vocabulary, as the API lists it. */
    record FindingInfo(String id, String type, Text question, String cost, Text costText, int costWeight,
                       List<ValueInfo> values, List<String> formats, String topic) {
    }

    /** A cause of the catalog, for HOW and WHY NOT of causes that may have no status. */
    record CauseInfo(String id, String kind, List<String> relations, List<String> sources, Text text) {
    }

    /** A source document rules cite. */
    record SourceInfo(String key, String title, String publisher, String date, String url) {
    }

    /** A finding asserted in a consultation: answered, or set by a recognised error text. */
    record AnswerInfo(String finding, String value, boolean fromMessage) {
    }

    static ObjectMapper mapper() {
        return Json.mapper();
    }

    /** Identifier-like numbers in free text masked (NPWP, NIK, NITKU keep their last three digits). */
    static String mask(String text) {
        return Masking.maskText(text);
    }

    /** The ways of saying "do not know" ({@code unknown}, {@code tidak tahu}, ...). */
    static boolean isUnknown(String value) {
        return FactCollector.isUnknown(value.strip());
    }

    /** Rules and topics of a rule base. */
    static int[] size(RuleBase rules) {
        return new int[] {RuleBases.of(rules).rules().size(), (int) RuleBases.of(rules).rules().stream().map(Rule::topic).distinct().count()};
    }

    static List<ProblemInfo> problems(RuleBase rules) {
        FindingDef def = RuleBases.of(rules).catalog().findings().get(PROBLEM);
        return def == null ? List.of() : def.values().stream().map(v -> new ProblemInfo(v.id(), v.text())).toList();
    }

    static List<FindingInfo> findings(RuleBase rules) {
        return RuleBases.of(rules).catalog().findings().values().stream().map(Internals::finding).toList();
    }

    static Optional<FindingInfo> finding(RuleBase rules, String id) {
        return RuleBases.of(rules).catalog().finding(id).map(Internals::finding);
    }

    private static FindingInfo finding(FindingDef def) {
        List<ValueInfo> values = new ArrayList<>();
        for (String v : def.valueIds()) {
            values.add(new ValueInfo(v, def.valueText(v).orElse(Text.both(v))));
        }
        return new FindingInfo(def.id(), def.type().label(), def.question(), def.cost().label(), def.cost().text(),
                def.cost().weight(), values, def.formats(), def.topic());
    }

    /**
     * The causes {@code name} stands for: a cause id, or a relation id of the knowledge map (any
     * letter case); empty when it is neither.
     */
    static List<CauseInfo> causes(RuleBase rules, String name) {
        Catalog catalog = RuleBases.of(rules).catalog();
        CauseDef direct = catalog.causes().get(name);
        List<CauseDef> found = direct != null ? List.of(direct)
                : catalog.causesOfRelation(name.toUpperCase(java.util.Locale.ROOT));
        return found.stream().map(d -> new CauseInfo(d.id(), d.kind().label(), d.relations(), d.sources(), d.text()))
                .toList();
    }

    /** {@code " (did you mean 'x'?)"} for the closest cause or relation id, else "". */
    static String suggestCause(RuleBase rules, String name) {
        Set<String> names = new LinkedHashSet<>(RuleBases.of(rules).catalog().causes().keySet());
        RuleBases.of(rules).catalog().causes().values().forEach(d -> names.addAll(d.relations()));
        return Suggest.closest(name, names);
    }

    static SourceInfo source(RuleBase rules, String key) {
        Source s = RuleBases.of(rules).catalog().sources().get(key);
        return s == null ? new SourceInfo(key, key, "", "", "")
                : new SourceInfo(key, s.title(), s.publisher(), s.date(), s.url() == null ? "" : s.url());
    }

    /** True when a row of the rules' message table recognises {@code text}. */
    static boolean recognises(RuleBase rules, String text) {
        return !MessageRecognizer.recognise(RuleBases.of(rules).catalog(), text).isEmpty();
    }

    /**
     * Diagnoses JSON lines from {@code in} into JSON lines on {@code out}, in order, as
     * {@code pajakdx batch} does (a bad line gets {@code {"line": N, "error": [...]}}).
     */
    static void batch(RuleBase rules, DiagnoseOptions options, int threads, boolean whyNot, Reader in, Writer out,
                      String source) throws IOException {
        new BatchRunner(rules, options, threads, whyNot).run(in, out, source, null);
    }

    /** The findings a consultation holds now, values masked as in traces. */
    static List<AnswerInfo> answers(Consultation c) {
        Case current = c.currentCase();
        List<AnswerInfo> out = new ArrayList<>();
        for (Finding f : c.findings().values()) {
            out.add(new AnswerInfo(f.getId(), f.shownValue(false), !current.answers().containsKey(f.getId())));
        }
        return out;
    }
}
