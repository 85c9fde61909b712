package pajakdx.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pajakdx.base.Text;

/**
 * Everything the rules folder declares besides the DRL: sources, channels, relations of the
 * knowledge map, the vocabulary of findings, and the causes, remedies and message table with
 * their texts. Immutable once built.
 */
public final class Catalog implements java.io.Serializable {
    /** The finding every case starts from: what went wrong. Its values are the topics' problems. */
    public static final String PROBLEM = "problem";
    /**
     * The ids of the message-table rows the case's error texts matched, one value each: a rule may
     * confirm the cause a message defines. Set by recognition only, never asked or answered.
     */
    public static final String MESSAGE = "message";
    /** The case's own NPWP ({@code npwp:} of a case file): 15 or 16 digits, a NIK used as NPWP included. */
    public static final String NPWP = "npwp";
    /** The case's own NIK ({@code nik:} of a case file). */
    public static final String NIK = "nik";
    /** The findings every rule base has without declaring them. */
    public static final java.util.Set<String> BUILT_IN = java.util.Set.of(PROBLEM, MESSAGE, NPWP, NIK);

    /** True for a finding every rule base has ({@link #BUILT_IN}): never declared, never warned about. */
    public static boolean builtIn(String findingId) {
        return BUILT_IN.contains(findingId);
    }

    private final Map<String, Source> sources;
    private final Map<String, Channel> channels;
    private final Map<String, Relation> relations;
    private final Map<String, FindingDef> findings;
    private final Map<String, CauseDef> causes;
    private final Map<String, RemedyDef> remedies;
    private final List<MessagePattern> messages;
    private final transient pajakdx.regex.PatternSet messageIndex;
    private final Map<String, Text> topics;
    private final java.util.Set<String> broken;
    private final Map<String, RuleTitle> ruleTitles;
    private final List<ComplaintPattern> complaints;
    /** Per choice finding: each value id in lower case, to the id. */
    private final transient Map<String, Map<String, String>> valuesByLowerId = new java.util.HashMap<>();
    /** Per finding: each value that presupposes more than the finding's own implications, to them all. */
    private final transient Map<String, Map<String, Map<String, String>>> impliedByValue = new java.util.HashMap<>();

    Catalog(Map<String, Source> sources, Map<String, Channel> channels, Map<String, Relation> relations,
            Map<String, FindingDef> findings, Map<String, CauseDef> causes, Map<String, RemedyDef> remedies,
            List<MessagePattern> messages, Map<String, Text> topics, java.util.Set<String> broken,
            Map<String, RuleTitle> ruleTitles, List<ComplaintPattern> complaints) {
        this.broken = java.util.Set.copyOf(broken);
        this.ruleTitles = freeze(ruleTitles);
        this.complaints = List.copyOf(complaints);
        this.sources = freeze(sources);
        this.channels = freeze(channels);
        this.relations = freeze(relations);
        this.findings = freeze(findings);
        this.causes = freeze(causes);
        this.remedies = freeze(remedies);
        this.messages = List.copyOf(messages);
        this.messageIndex = new pajakdx.regex.PatternSet(this.messages.stream().map(MessagePattern::pattern).toList());
        this.topics = freeze(topics);
        for (FindingDef def : this.findings.values()) {
            Map<String, String> ids = new java.util.HashMap<>();
            Map<String, Map<String, String>> implied = new java.util.HashMap<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (FindingDef.Value v : def.values()) {
                ids.putIfAbsent(v.id().toLowerCase(java.util.Locale.ROOT), v.id());
                // The first value of an id is the one FindingDef.impliedBy reads.
                if (seen.add(v.id()) && !v.implies().isEmpty()) {
                    implied.put(v.id(), Collections.unmodifiableMap(def.impliedBy(v)));
                }
            }
            valuesByLowerId.put(def.id(), ids);
            if (!implied.isEmpty()) {
                impliedByValue.put(def.id(), implied);
            }
        }
    }

    /** Its parts, in the rule cache's form (see {@link KnowledgeCodec}). */
    void writeTo(KnowledgeCodec.Out o) throws java.io.IOException {
        o.map(sources, o::source);
        o.map(channels, o::channel);
        o.map(relations, o::relation);
        o.map(findings, o::finding);
        o.map(causes, o::cause);
        o.map(remedies, o::remedy);
        o.list(messages, o::message);
        o.map(topics, o::text);
        o.strings(new java.util.TreeSet<>(broken)); // a Set.copyOf's order changes from one run to the next
        o.map(ruleTitles, o::ruleTitle);
        o.list(complaints, o::complaint);
    }

    /** A catalog from the parts {@link #writeTo} wrote; its constructor checks them and builds the indexes. */
    static Catalog readFrom(KnowledgeCodec.In i) throws java.io.IOException {
        return new Catalog(i.map(i::source), i.map(i::channel), i.map(i::relation), i.map(i::finding),
                i.map(i::cause), i.map(i::remedy), i.list(i::message), i.map(i::text), i.stringSet(),
                i.map(i::ruleTitle), i.list(i::complaint));
    }

    /**
     * Kept in the rule cache as what its constructor takes (see {@link Stored}): reading it back runs
     * the constructor, which rebuilds the indexes and refuses what is missing.
     */
    private Object writeReplace() {
        return new Stored(sources, channels, relations, findings, causes, remedies, messages, topics, broken,
                ruleTitles, complaints);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a catalog is read through its stored form only");
    }

    /** The serialised form of a catalog: its constructor's arguments. */
    private record Stored(Map<String, Source> sources, Map<String, Channel> channels, Map<String, Relation> relations,
                          Map<String, FindingDef> findings, Map<String, CauseDef> causes,
                          Map<String, RemedyDef> remedies, List<MessagePattern> messages, Map<String, Text> topics,
                          java.util.Set<String> broken, Map<String, RuleTitle> ruleTitles,
                          List<ComplaintPattern> complaints) implements java.io.Serializable {
        private Object readResolve() {
            return new Catalog(sources, channels, relations, findings, causes, remedies, messages, topics, broken,
                    ruleTitles, complaints);
        }
    }

    /**
     * The id of the value of finding {@code findingId} that {@code answer} names by its id, case
     * aside; null when none does (the answer may still name a value by its label).
     */
    public String valueId(String findingId, String answer) {
        Map<String, String> ids = valuesByLowerId.get(findingId);
        String id = ids == null ? null : ids.get(answer.toLowerCase(java.util.Locale.ROOT));
        // As String.equalsIgnoreCase, which the scan this replaces used (lower-casing a whole
        // string and comparing char by char differ for a few letters).
        return id != null && id.equalsIgnoreCase(answer) ? id : null;
    }

    /**
     * What a known answer {@code value} to finding {@code def} presupposes, as
     * {@link FindingDef#impliedBy}, found without a scan of the finding's values (the problem
     * finding has one per problem).
     */
    public Map<String, String> impliedBy(FindingDef def, String value) {
        if (findings.get(def.id()) != def) {
            return def.impliedBy(value); // not this catalog's
        }
        Map<String, Map<String, String>> byValue = impliedByValue.get(def.id());
        Map<String, String> own = byValue == null ? null : byValue.get(value);
        return own != null ? own : Collections.unmodifiableMap(def.implies());
    }

    private static <V> Map<String, V> freeze(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * Ids of findings, causes and remedies written in a topic file but not readable there. Their
     * own error is reported once; lint does not report, again and again, the rules that use them.
     */
    public boolean declaredButBroken(String id) {
        return broken.contains(id);
    }

    /**
     * True when {@code id}, which {@code file} (relations.yaml, sources.yaml, channels.yaml) does
     * not declare, may be declared there all the same: its entry could not be read, or the whole
     * file could not. That error is reported once; what names the id is not reported again.
     */
    public boolean unreadable(String id, String file) {
        return broken.contains(id) || broken.contains(unreadableFile(file));
    }

    /** How {@code broken} marks a top-level file that could not be read at all (a text, not an id). */
    static String unreadableFile(String file) {
        return "unreadable file " + file;
    }

    public Map<String, Source> sources() {
        return sources;
    }

    public Map<String, Channel> channels() {
        return channels;
    }

    public Map<String, Relation> relations() {
        return relations;
    }

    public Map<String, FindingDef> findings() {
        return findings;
    }

    public Map<String, CauseDef> causes() {
        return causes;
    }

    public Map<String, RemedyDef> remedies() {
        return remedies;
    }

    public List<MessagePattern> messages() {
        return messages;
    }

    /** The patterns of {@link #messages()}, in the same order, indexed to match a text against all at once. */
    public pajakdx.regex.PatternSet messageIndex() {
        return messageIndex;
    }

    /** The Indonesian titles of rules declared in the vocabulary, by rule name. */
    public Map<String, RuleTitle> ruleTitles() {
        return ruleTitles;
    }

    /**
     * A rule's title in both languages: its name is the English title; the Indonesian one is
     * declared under {@code rule_titles:} (for a derived rule, made from that of the rule it comes
     * from). A rule without one shows its name in both.
     */
    public Text title(Rule rule) {
        if (rule.derivedFrom() != null) {
            RuleTitle base = ruleTitles.get(rule.derivedFrom());
            String id = base == null ? null : Derivation.titleId(base.id(), rule);
            return new Text(id != null ? id : rule.name(), rule.name());
        }
        RuleTitle t = ruleTitles.get(rule.name());
        return new Text(t != null ? t.id() : rule.name(), rule.name());
    }

    /** The patterns that recognise a problem in a free-text complaint, in file order. */
    public List<ComplaintPattern> complaints() {
        return complaints;
    }

    /** Topic name (e.g. {@code coretax/impersonate}) to its title. */
    public Map<String, Text> topics() {
        return topics;
    }

    public Optional<FindingDef> finding(String id) {
        return Optional.ofNullable(findings.get(id));
    }

    public Optional<CauseDef> cause(String id) {
        return Optional.ofNullable(causes.get(id));
    }

    public Optional<RemedyDef> remedy(String id) {
        return Optional.ofNullable(remedies.get(id));
    }

    /** Causes that encode relation {@code relationId}. */
    public List<CauseDef> causesOfRelation(String relationId) {
        List<CauseDef> out = new ArrayList<>();
        for (CauseDef c : causes.values()) {
            if (c.relations().contains(relationId)) {
                out.add(c);
            }
        }
        return out;
    }
}
