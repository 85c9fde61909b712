package pajakdx.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pajakdx.base.Problem;
import pajakdx.base.Text;
import pajakdx.doc.DocException;
import pajakdx.regex.LinearRegex;
import pajakdx.regex.RegexSyntaxException;
import pajakdx.doc.DocReader;
import pajakdx.doc.Fields;
import pajakdx.doc.Node;
import pajakdx.facts.FindingType;

/**
 * Reads the YAML half of a rules folder: {@code sources.yaml}, {@code channels.yaml},
 * {@code relations.yaml} at the top, and one {@code <topic>.yaml} beside each topic's DRL with
 * its problems, findings, causes, remedies and error messages. Collects every problem it finds
 * instead of stopping at the first.
 */
public final class CatalogReader {
    private static final Set<String> TOPIC_FIELDS = Set.of("topic", "title", "problems", "findings", "causes",
            "remedies", "messages", "complaints", "rule_titles");
    private static final Set<String> FINDING_FIELDS = Set.of("id", "type", "values", "formats", "question", "cost",
            "implies");
    private static final Set<String> CAUSE_FIELDS = Set.of("id", "kind", "relations", "sources", "common", "text",
            "detail", "remedies", "coexists");
    private static final Set<String> REMEDY_FIELDS = Set.of("id", "text", "actor", "cost", "escalation", "channels",
            "relations", "sources");
    private static final Set<String> MESSAGE_FIELDS = Set.of("id", "pattern", "sets");
    /** The catalog files at the top of the folder, each declaring one kind of id for the whole folder. */
    private static final Set<String> TOP_FILES = Set.of("sources.yaml", "channels.yaml", "relations.yaml");
    private static final Set<String> IDENTIFIER_FORMATS = Set.of("npwp15", "npwp16", "nik", "nitku");

    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Relation> relations = new LinkedHashMap<>();
    private final Map<String, FindingDef> findings = new LinkedHashMap<>();
    private final List<FindingDef.Value> problems = new ArrayList<>();
    private final Map<String, CauseDef> causes = new LinkedHashMap<>();
    private final Map<String, RemedyDef> remedies = new LinkedHashMap<>();
    private final List<MessagePattern> messages = new ArrayList<>();
    private final List<ComplaintPattern> complaints = new ArrayList<>();
    /** The ids above, to find a duplicate without a scan per row (a large catalog has thousands). */
    private final Set<String> problemIds = new java.util.HashSet<>();
    private final Set<String> messageIds = new java.util.HashSet<>();
    private final Set<String> complaintIds = new java.util.HashSet<>();
    private final Map<String, RuleTitle> ruleTitles = new LinkedHashMap<>();
    private final Map<String, Text> topics = new LinkedHashMap<>();
    private final List<Problem> errors = new ArrayList<>();
    /**
     * Ids of entries written but not readable, and top-level files not readable at all
     * ({@link Catalog#unreadableFile}): their own error is reported; what refers to them is not.
     */
    private final Set<String> broken = new java.util.HashSet<>();

    /** Reads the catalog files of {@code root}; {@code yamlFiles} are the topic files, relative to root. */
    public static Catalog read(Path root, List<String> yamlFiles, List<Problem> errors) {
        CatalogReader r = new CatalogReader();
        for (String file : yamlFiles) {
            r.readFile(root, file);
        }
        Catalog catalog = r.build();
        errors.addAll(r.errors);
        errors.addAll(CatalogChecks.references(catalog));
        return catalog;
    }

    private void readFile(Path root, String file) {
        String text;
        try {
            text = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors.add(Problem.at(file, 0, 0, "cannot read: " + e.getMessage()));
            return;
        }
        String name = file.replace('\\', '/');
        try {
            Node doc = DocReader.readYaml(file, text);
            switch (name) {
                case "sources.yaml" -> eachItem(doc, "sources", "key", this::source);
                case "channels.yaml" -> eachItem(doc, "channels", "id", this::channel);
                case "relations.yaml" -> eachItem(doc, "relations", "id", this::relation);
                default -> topic(name, doc);
            }
        } catch (DocException e) {
            errors.add(e.problem());
            if (TOP_FILES.contains(name)) { // its ids are unknown: what names one is not reported again
                broken.add(Catalog.unreadableFile(name));
            }
        }
    }

    private void eachItem(Node doc, String key, String idField, java.util.function.Consumer<Fields> reader) {
        Fields top = Fields.of(doc, "a mapping with '" + key + "'");
        top.allowOnly(Set.of(key));
        for (Node item : top.list(key)) {
            guardedEntry(item, idField, () -> reader.accept(Fields.of(item, "an entry of " + key)));
        }
    }

    /** Like {@link #guarded}, remembering the id of an entry that could not be read. */
    private void guardedEntry(Node entry, Runnable r) {
        guardedEntry(entry, "id", r);
    }

    /** Like {@link #guarded}, remembering the id (its field {@code idField}) of an entry that could not be read. */
    private void guardedEntry(Node entry, String idField, Runnable r) {
        int before = errors.size();
        guarded(r);
        if (errors.size() > before && entry instanceof Node.Map m && m.entries().get(idField) instanceof Node.Scalar s) {
            broken.add(s.text());
        }
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (DocException e) {
            errors.add(e.problem());
        } catch (IllegalArgumentException e) {
            errors.add(Problem.of(e.getMessage()));
        }
    }

    private void source(Fields f) {
        f.allowOnly(Set.of("key", "title", "publisher", "date", "url", "file"));
        String key = f.string("key");
        put(sources, key, new Source(key, f.string("title"), f.string("publisher", ""), f.string("date", ""),
                f.string("url", "")), f);
    }

    private void channel(Fields f) {
        f.allowOnly(Set.of("id", "text"));
        String id = f.string("id");
        put(channels, id, new Channel(id, text(f, "text")), f);
    }

    private void relation(Fields f) {
        f.allowOnly(Set.of("id", "kind", "source", "summary"));
        String id = f.string("id");
        Kind kind = parse(f, "kind", Kind::parse);
        String en = "";
        String in = "";
        if (f.get("summary") instanceof Node.Scalar) {
            en = f.string("summary", ""); // the form before summaries were bilingual: English only
        } else if (f.has("summary")) {
            Text summary = text(f, "summary");
            en = summary.en();
            in = summary.id();
        }
        put(relations, id, new Relation(id, kind, f.string("source"), en, in, loc(f)), f);
    }

    private void topic(String file, Node doc) {
        Fields top = Fields.of(doc, "a topic file");
        top.allowOnly(TOPIC_FIELDS);
        String topic = file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file;
        topic = top.string("topic", topic);
        topics.put(topic, top.has("title") ? text(top, "title") : Text.both(topic));
        final String t = topic;
        for (Node n : top.list("problems")) {
            guarded(() -> {
                Fields f = Fields.of(n, "a problem");
                f.allowOnly(Set.of("id", "text"));
                String id = f.string("id");
                if (!problemIds.add(id)) {
                    throw DocException.at(f.node(), "duplicate problem id '" + id + "'");
                }
                problems.add(new FindingDef.Value(id, text(f, "text")));
            });
        }
        for (Node n : top.list("findings")) {
            guardedEntry(n, () -> finding(Fields.of(n, "a finding"), t));
        }
        for (Node n : top.list("causes")) {
            guardedEntry(n, () -> cause(Fields.of(n, "a cause"), t));
        }
        for (Node n : top.list("remedies")) {
            guardedEntry(n, () -> remedy(Fields.of(n, "a remedy"), t));
        }
        for (Node n : top.list("messages")) {
            guarded(() -> message(Fields.of(n, "a message pattern"), t));
        }
        for (Node n : top.list("complaints")) {
            guarded(() -> complaint(Fields.of(n, "a complaint pattern"), t));
        }
        if (top.has("rule_titles")) {
            guarded(() -> ruleTitles(Fields.of(top.get("rule_titles"), "rule titles (rule name: Indonesian title)")));
        }
    }

    /** {@code implies: {finding: value, ...}}: what an answer presupposes; checked against the vocabulary later. */
    private static Map<String, String> implies(Fields f) {
        if (!f.has("implies")) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : Fields.of(f.get("implies"), "the findings an answer presupposes (finding: value)").node().entries()
                .entrySet()) {
            out.put(e.getKey(), Fields.scalar(e.getValue(), e.getKey()));
        }
        return out;
    }

    /** {@code "Rule name": "Judul aturan"}: the Indonesian title of each rule; the name is the English one. */
    private void ruleTitles(Fields f) {
        for (var e : f.node().entries().entrySet()) {
            String title = Fields.scalar(e.getValue(), e.getKey());
            Location at = new Location(e.getValue().where().file(), e.getValue().where().line());
            if (title.isBlank()) {
                throw DocException.at(e.getValue(), "the Indonesian title of rule '" + e.getKey() + "' is empty");
            }
            if (ruleTitles.containsKey(e.getKey())) {
                throw DocException.at(e.getValue(), "rule '" + e.getKey() + "' has a title already (at "
                        + ruleTitles.get(e.getKey()).at() + ")");
            }
            ruleTitles.put(e.getKey(), new RuleTitle(e.getKey(), title, at));
        }
    }

    /**
     * A complaint pattern: free text in either language that names a problem ({@code sets}), for
     * the first line of a ticket; matched like a message, on lower-cased text.
     */
    private void complaint(Fields f, String topic) {
        f.allowOnly(Set.of("id", "pattern", "sets"));
        String id = f.string("id");
        LinearRegex pattern = pattern(f);
        Map<String, String> sets = sets(f);
        if (!complaintIds.add(id)) {
            throw DocException.at(f.node(), "duplicate complaint id '" + id + "'");
        }
        complaints.add(new ComplaintPattern(id, pattern, sets, topic, loc(f)));
    }

    private static LinearRegex pattern(Fields f) {
        String regex = f.string("pattern");
        try {
            return LinearRegex.compile(regex, true);
        } catch (RegexSyntaxException e) {
            throw DocException.at(f.get("pattern"), "pattern not accepted at character " + (e.index() + 1) + ": "
                    + e.getMessage());
        }
    }

    private static Map<String, String> sets(Fields f) {
        Map<String, String> sets = new LinkedHashMap<>();
        Node setsNode = f.get("sets");
        if (setsNode == null) {
            throw DocException.at(f.node(), "missing field 'sets' (the findings this text asserts)");
        }
        for (var e : Fields.of(setsNode, "the findings to set").node().entries().entrySet()) {
            sets.put(e.getKey(), Fields.scalar(e.getValue(), e.getKey()));
        }
        return sets;
    }

    private void finding(Fields f, String topic) {
        f.allowOnly(FINDING_FIELDS);
        String id = f.string("id");
        if (id.equals(Catalog.PROBLEM)) {
            throw DocException.at(f.node(), "'problem' is built in: declare its values under 'problems:'");
        }
        if (Catalog.builtIn(id)) {
            throw DocException.at(f.node(), "'" + id + "' is built in (" + String.join(", ", new java.util.TreeSet<>(
                    Catalog.BUILT_IN)) + "); give the finding another id");
        }
        FindingType type = parse(f, "type", FindingType::parse);
        List<FindingDef.Value> values = new ArrayList<>();
        for (Node v : f.list("values")) {
            if (v instanceof Node.Scalar) {
                String vid = Fields.scalar(v, "values");
                values.add(new FindingDef.Value(vid, Text.both(vid)));
            } else {
                Fields vf = Fields.of(v, "a value");
                vf.allowOnly(Set.of("id", "text", "also", "implies"));
                values.add(new FindingDef.Value(vf.string("id"), text(vf, "text"), vf.strings("also"),
                        implies(vf)));
            }
        }
        if (type == FindingType.CHOICE && values.isEmpty()) {
            throw DocException.at(f.node(), "choice finding '" + id + "' needs 'values'");
        }
        if (type != FindingType.CHOICE && !values.isEmpty()) {
            throw DocException.at(f.get("values"), "only choice findings take 'values'");
        }
        List<String> formats = f.strings("formats");
        for (String fmt : formats) {
            if (!IDENTIFIER_FORMATS.contains(fmt)) {
                throw DocException.at(f.get("formats"), "unknown identifier format '" + fmt
                        + "' (npwp15, npwp16, nik, nitku)");
            }
        }
        if (type == FindingType.IDENTIFIER && formats.isEmpty()) {
            formats = List.of("npwp15", "npwp16", "nik", "nitku");
        }
        Cost cost = f.has("cost") ? parse(f, "cost", Cost::parse) : Cost.KNOWS;
        put(findings, id, new FindingDef(id, type, values, formats, text(f, "question"), cost, topic, loc(f),
                implies(f)), f);
    }

    private void cause(Fields f, String topic) {
        f.allowOnly(CAUSE_FIELDS);
        String id = f.string("id");
        Kind kind = f.has("kind") ? parse(f, "kind", Kind::parse) : Kind.CAUSE;
        Text detail = f.has("detail") ? text(f, "detail") : null;
        put(causes, id, new CauseDef(id, kind, f.strings("relations"), f.strings("sources"), f.flag("common", false),
                text(f, "text"), detail, f.strings("remedies"), topic, loc(f), f.strings("coexists")), f);
    }

    private void remedy(Fields f, String topic) {
        f.allowOnly(REMEDY_FIELDS);
        String id = f.string("id");
        Actor actor = f.has("actor") ? parse(f, "actor", Actor::parse) : Actor.TAXPAYER;
        put(remedies, id, new RemedyDef(id, text(f, "text"), actor, f.integer("cost", 5), f.flag("escalation", false),
                f.strings("channels"), f.strings("relations"), f.strings("sources"), topic, loc(f)), f);
    }

    private void message(Fields f, String topic) {
        f.allowOnly(MESSAGE_FIELDS);
        String id = f.string("id");
        LinearRegex pattern = pattern(f);
        Map<String, String> sets = sets(f);
        if (!messageIds.add(id)) {
            throw DocException.at(f.node(), "duplicate message id '" + id + "'");
        }
        messages.add(new MessagePattern(id, pattern, sets, topic, loc(f)));
    }

    /**
     * A user-facing text: {@code {id: "...", en: "..."}}. Both languages are required (users read
     * Indonesian by default and English with --lang en); a missing one is an error here, where
     * the line is known.
     */
    private Text text(Fields f, String key) {
        Node n = f.get(key);
        if (n == null) {
            throw DocException.at(f.node(), "missing field '" + key + "' (a text with 'id' and 'en')");
        }
        if (n instanceof Node.Scalar) {
            String s = Fields.scalar(n, key);
            errors.add(DocException.at(n, "a text needs both languages: write {id: \"...\", en: \"...\"}"
                    + " (Indonesian and English)").problem());
            return new Text(s, "");
        }
        Fields t = Fields.of(n, "a text with 'id' and 'en'");
        t.allowOnly(Set.of("id", "en"));
        Text text = new Text(t.string("id", ""), t.string("en", ""));
        if (text.id().isBlank() || text.en().isBlank()) {
            String missing = text.id().isBlank() && text.en().isBlank() ? "both the Indonesian (id) and the English (en)"
                    : text.id().isBlank() ? "the Indonesian (id)" : "the English (en)";
            errors.add(DocException.at(n, "text without " + missing + " version; every text needs both").problem());
        }
        return text;
    }

    private static <T> T parse(Fields f, String key, java.util.function.Function<String, T> parser) {
        String raw = f.string(key);
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            throw DocException.at(f.get(key), e.getMessage());
        }
    }

    private static Location loc(Fields f) {
        return new Location(f.node().where().file(), f.node().where().line());
    }

    private <V> void put(Map<String, V> map, String id, V value, Fields f) {
        if (map.containsKey(id)) {
            throw DocException.at(f.node(), "duplicate id '" + id + "' (already declared earlier)");
        }
        map.put(id, value);
    }

    private Catalog build() {
        Map<String, FindingDef> all = new LinkedHashMap<>();
        all.put(Catalog.PROBLEM, new FindingDef(Catalog.PROBLEM, FindingType.CHOICE, List.copyOf(problems), List.of(),
                new Text("Apa masalah yang dialami?", "What is the problem?"), Cost.KNOWS, "", new Location("", 0)));
        List<FindingDef.Value> messageIds = messages.stream().map(m -> new FindingDef.Value(m.id(), Text.both(m.id())))
                .toList();
        all.put(Catalog.MESSAGE, new FindingDef(Catalog.MESSAGE, FindingType.CHOICE, messageIds, List.of(),
                new Text("Pesan galat mana yang dikenali?", "Which error messages were recognised?"), Cost.KNOWS, "",
                new Location("", 0)));
        all.put(Catalog.NPWP, new FindingDef(Catalog.NPWP, FindingType.IDENTIFIER, List.of(), List.of("npwp15", "npwp16",
                "nik"), new Text("Berapa NPWP Wajib Pajak?", "What is the taxpayer's NPWP?"), Cost.KNOWS, "",
                new Location("", 0)));
        all.put(Catalog.NIK, new FindingDef(Catalog.NIK, FindingType.IDENTIFIER, List.of(), List.of("nik"),
                new Text("Berapa NIK Wajib Pajak?", "What is the taxpayer's NIK?"), Cost.KNOWS, "", new Location("", 0)));
        all.putAll(findings);
        return new Catalog(sources, channels, relations, all, causes, remedies, messages, topics, broken, ruleTitles,
                complaints);
    }
}
