package pajakdx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pajakdx.base.Text;
import pajakdx.explain.Check;
import pajakdx.explain.ConditionText;
import pajakdx.explain.Evaluator;
import pajakdx.explain.RuleGates;
import pajakdx.explain.Truth;
import pajakdx.collect.CollectedFacts;
import pajakdx.engine.Justification;
import pajakdx.engine.Snapshot;
import pajakdx.facts.AsOf;
import pajakdx.facts.Cause;
import pajakdx.facts.Finding;
import pajakdx.text.Masking;
import pajakdx.facts.Remedy;
import pajakdx.facts.Status;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.CauseDef;
import pajakdx.knowledge.Conclusion;
import pajakdx.knowledge.Condition;
import pajakdx.knowledge.FindingDef;
import pajakdx.knowledge.RemedyDef;
import pajakdx.knowledge.Rule;

/**
 * Turns the working memory after firing into a {@link Diagnosis}: merges each cause's statuses,
 * ranks causes, orders remedies, picks the questions that would change the outcome, and (when
 * asked) adds HOW, WHY NOT and the trace.
 */
final class DiagnosisBuilder {
    /**
     * How much more a question about a cause the sources call the most common one counts: a
     * good helpdesk agent checks the usual suspect first.
     */
    static final double COMMON_WEIGHT = 4;

    private final Catalog catalog;
    private final List<Rule> rules;
    private final Map<String, Rule> rulesByName;
    private final Map<String, Integer> ruleIndex;
    // Read-only indexes built once, so a diagnosis costs what its own topic costs, not the
    // size of the whole rule base (see docs/PERFORMANCE.md, scaling).
    private final RuleGates gates;
    private final Map<String, List<Rule>> rulesByCause = new HashMap<>();
    // The top-level conditions of the rules, by identity, and their texts, rendered when first
    // explained: a start does not render the texts of every rule.
    private final Map<Condition, Integer> conditionSlots = new IdentityHashMap<>();
    private final java.util.concurrent.atomic.AtomicReferenceArray<String> conditionTexts;
    private final Map<String, Integer> causeOrder = new HashMap<>();
    private final Map<String, Integer> remedyOrder = new HashMap<>();
    private final Map<String, List<CauseDef>> causesByTopic = new HashMap<>();
    private final ExplainingAway away;
    private final NotConcludedCauses notConcludedCauses;
    /** The question about the incident date, which is no finding of the vocabulary (see {@link Evaluator#AS_OF}). */
    static final FindingDef AS_OF_QUESTION = new FindingDef(Evaluator.AS_OF, pajakdx.facts.FindingType.DATE, List.of(),
            List.of(), new Text("Kapan kejadiannya? Tanggalnya (YYYY-MM-DD), atau setidaknya bulannya (YYYY-MM).",
            "When did it happen? The date (YYYY-MM-DD), or at least the month (YYYY-MM)."),
            pajakdx.knowledge.Cost.KNOWS, "", new pajakdx.knowledge.Location("", 0));
    /**
     * A moment that could be any day PajakDx accepts: what the case's date is while none was
     * given, to find the rules it would decide.
     */
    private static final AsOf ANY_DAY = AsOf.ofPeriod("?", java.time.LocalDate.of(1983, 1, 1),
            java.time.LocalDate.of(2100, 12, 31));

    // Computes WHY NOT while building, as before it was deferred; for the test that both agree.
    private final boolean eagerWhyNot;

    public DiagnosisBuilder(Catalog catalog, List<Rule> rules) {
        this(catalog, rules, false);
    }

    DiagnosisBuilder(Catalog catalog, List<Rule> rules, boolean eagerWhyNot) {
        this.eagerWhyNot = eagerWhyNot;
        this.catalog = catalog;
        this.rules = rules;
        this.rulesByName = new HashMap<>();
        this.ruleIndex = new HashMap<>();
        for (Rule r : rules) {
            rulesByName.put(r.name(), r);
            ruleIndex.put(r.name(), ruleIndex.size());
            for (Condition c : r.condition() instanceof Condition.All a ? a.children() : List.of(r.condition())) {
                conditionSlots.putIfAbsent(c, conditionSlots.size());
            }
            for (Conclusion k : r.conclusions()) {
                if (k.target() == Conclusion.Target.CAUSE) {
                    List<Rule> list = rulesByCause.computeIfAbsent(k.id(), x -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != r) {
                        list.add(r);
                    }
                }
            }
        }
        this.conditionTexts = new java.util.concurrent.atomic.AtomicReferenceArray<>(conditionSlots.size());
        this.gates = new RuleGates(rules);
        for (CauseDef def : catalog.causes().values()) {
            causeOrder.put(def.id(), causeOrder.size());
            causesByTopic.computeIfAbsent(def.topic(), t -> new ArrayList<>()).add(def);
        }
        for (String id : catalog.remedies().keySet()) {
            remedyOrder.put(id, remedyOrder.size());
        }
        this.away = new ExplainingAway(catalog, rules);
        this.notConcludedCauses = new NotConcludedCauses(catalog, away, causesByTopic, causeOrder);
    }

    private String textOf(Condition c) {
        Integer slot = conditionSlots.get(c);
        if (slot == null) {
            return ConditionText.of(c);
        }
        String text = conditionTexts.get(slot);
        if (text == null) {
            text = ConditionText.of(c); // two threads may both render it: the same text
            conditionTexts.set(slot, text);
        }
        return text;
    }

    /** Builds the diagnosis of case {@code c}, explaining away. */
    public Diagnosis build(Case c, CollectedFacts facts, Snapshot snap, boolean explain, boolean reveal) {
        return build(c, facts, snap, explain, reveal, true);
    }

    /** Builds the diagnosis of case {@code c}; {@code explainAway} as {@link DiagnoseOptions#explainAway()}. */
    public Diagnosis build(Case c, CollectedFacts facts, Snapshot snap, boolean explain, boolean reveal,
                           boolean explainAway) {
        Map<String, Status> status = mergeStatuses(snap);
        List<String> problems = problems(snap);
        Map<String, List<String>> accounted = explainAway ? away.accounted(status, problems) : Map.of();
        Set<String> notNeeded = new LinkedHashSet<>();
        status.forEach((id, s) -> {
            if (s == Status.SUSPECTED && away.explainedAway(id, problems, accounted)) {
                notNeeded.add(id);
            }
        });
        Evaluator evaluator = new Evaluator(snap, this::textOf);
        // WHY NOT is computed when first read (see Deferred): most callers never read it.
        Object whyNotLock = new Object();
        Map<String, Set<String>> decidedBy = new LinkedHashMap<>();
        java.util.function.Predicate<String> settled = id -> notNeeded.contains(id)
                || status.get(id) == null && away.explainedAway(id, problems, accounted);
        List<String> questionOrder = questions(evaluator, snap, status, decidedBy, settled, facts.asOfAssumed());
        List<String> ranked = rank(status, notNeeded, snap, decidedBy);
        Map<String, Integer> rankOf = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            rankOf.put(ranked.get(i), i + 1);
        }
        List<Diagnosis.CauseResult> causes = new ArrayList<>();
        for (String id : ranked) {
            CauseDef def = catalog.causes().get(id);
            Status s = status.get(id);
            List<Diagnosis.Support> how = explain ? how(snap, id, s, reveal, facts.impliedBy()) : List.of();
            List<Diagnosis.RuleCheck> whyNot = explain && s != Status.CONFIRMED
                    ? deferred(whyNotLock, () -> whyNot(evaluator, id, s)) : List.of();
            boolean away = notNeeded.contains(id);
            causes.add(new Diagnosis.CauseResult(id, def == null ? "cause" : def.kind().label(),
                    away ? ExplainingAway.NOT_NEEDED : s.label(),
                    rankOf.get(id), def == null ? List.of() : def.relations(), def == null ? List.of() : def.sources(),
                    def == null ? Text.both(id) : def.text(), def == null ? null : def.detail(), how, whyNot,
                    away ? explainedBy(id, problems, accounted, rankOf) : List.of()));
        }
        List<Diagnosis.RemedyStep> remedies = remedies(ranked, status, notNeeded, snap);
        List<Diagnosis.Question> questions = new ArrayList<>();
        for (String findingId : questionOrder) {
            FindingDef def = findingId.equals(Evaluator.AS_OF) ? AS_OF_QUESTION : catalog.findings().get(findingId);
            Finding given = snap.findings().get(findingId);
            questions.add(new Diagnosis.Question(findingId, def.question(), def.type().label(), def.valueIds(),
                    def.cost().label(), List.copyOf(decidedBy.get(findingId)), given != null && !given.isKnown()));
        }
        List<Diagnosis.Firing> trace = explain ? trace(snap, reveal, facts.impliedBy()) : List.of();
        // Which causes are not concluded, and their WHY NOT, is NotConcludedCauses' alone; computed when first read.
        List<Diagnosis.NotConcluded> notConcluded = explain
                ? deferred(whyNotLock, () -> notConcludedCauses.list(snap, rulesByName, status, problems, settled,
                        id -> whyNot(evaluator, id, null))) : List.of();
        // Free text from the user (id, title, raw messages quoted in notes) may hold an NPWP or NIK.
        List<Text> notes = reveal ? facts.notes() : facts.notes().stream()
                .map(n -> new Text(Masking.maskText(n.id()), Masking.maskText(n.en()))).toList();
        return new Diagnosis(Diagnosis.SCHEMA_VERSION, shown(c.id(), reveal), shown(c.title(), reveal), asOfText(facts.asOf()),
                facts.asOfAssumed(), causes, notConcluded, remedies, questions, notes, trace);
    }

    /** The problems the case reports (the values of the finding {@code problem}). */
    private static List<String> problems(Snapshot snap) {
        Finding p = snap.findings().get(Catalog.PROBLEM);
        return p == null ? List.of() : p.getValues();
    }

    private <T> List<T> deferred(Object lock, java.util.function.Supplier<List<T>> compute) {
        return eagerWhyNot ? compute.get() : new Deferred<>(lock, compute);
    }

    private static String shown(String freeText, boolean reveal) {
        return reveal ? freeText : Masking.maskText(freeText);
    }

    /**
     * WHY NOT for any cause, concluded or not: every rule that would give it a status other than
     * the one it has in {@code snap} (every rule concluding it, when it has none).
     */
    public List<Diagnosis.RuleCheck> whyNot(Snapshot snap, String causeId) {
        return whyNot(new Evaluator(snap), causeId, mergeStatuses(snap).get(causeId));
    }

    private static String asOfText(AsOf a) {
        return a.getText();
    }

    /**
     * The confirmed causes that explain {@code id} away, in their rank: the order Drools holds them
     * in follows identity hashes, which differ from one run to the next.
     */
    private List<String> explainedBy(String id, List<String> problems, Map<String, List<String>> accounted,
                                     Map<String, Integer> rankOf) {
        return away.explainedBy(id, problems, accounted).stream()
                .sorted(Comparator.comparingInt(other -> rankOf.getOrDefault(other, Integer.MAX_VALUE)))
                .toList();
    }

    /** One status per cause: confirmed beats ruled out, which beats suspected. */
    static Map<String, Status> mergeStatuses(Snapshot snap) {
        Map<String, EnumSet<Status>> all = new LinkedHashMap<>();
        for (Cause cause : snap.causes().keySet()) {
            all.computeIfAbsent(cause.getId(), k -> EnumSet.noneOf(Status.class)).add(cause.getStatus());
        }
        Map<String, Status> out = new LinkedHashMap<>();
        all.forEach((id, set) -> out.put(id, set.contains(Status.CONFIRMED) ? Status.CONFIRMED
                : set.contains(Status.RULED_OUT) ? Status.RULED_OUT : Status.SUSPECTED));
        return out;
    }

    /**
     * Unknown findings whose answer would change some cause's status, best first: the weight of
     * the causes each decides per unit of cost to find it out. Causes {@code settled} (explained
     * away) are not worth a question. While the case has no date of its own, the incident date
     * ({@link Evaluator#AS_OF}) is one of them when a rule that could fire depends on it.
     */
    private List<String> questions(Evaluator evaluator, Snapshot snap, Map<String, Status> status,
                                   Map<String, Set<String>> decidedBy, java.util.function.Predicate<String> settled,
                                   boolean asOfAssumed) {
        Map<String, Set<String>> revealsOnly = new HashMap<>();
        Evaluator anyDay = asOfAssumed ? new Evaluator(new Snapshot(snap.findings(), ANY_DAY, snap.causes(),
                snap.remedies(), snap.firings()), this::textOf) : null;
        for (Rule rule : gates.candidates(rules, snap.findings())) {
            List<Conclusion> changes = new ArrayList<>();
            List<Conclusion> dated = new ArrayList<>();
            for (Conclusion k : rule.conclusions()) {
                if (k.target() == Conclusion.Target.CAUSE && !settled.test(k.id())) {
                    Status now = status.get(k.id());
                    // Worth asking: settle a suspected cause either way, or confirm one not yet in view.
                    // (Ruling out a cause nobody suspects changes nothing the user cares about.)
                    boolean settles = now == Status.SUSPECTED && k.status() != Status.SUSPECTED;
                    boolean reveals = now == null && k.status() == Status.CONFIRMED;
                    if (settles || reveals) {
                        changes.add(k);
                    }
                    if (now != k.status() && (now != null || k.status() != Status.RULED_OUT)) {
                        dated.add(k);
                    }
                }
            }
            if (anyDay != null && !dated.isEmpty() && testsTheDate(rule.condition())) {
                // The date the case was given none of: does it decide this rule, other answers as they are?
                Evaluator.Outcome o = anyDay.evaluate(rule.condition(), false);
                if (o.truth() == Truth.UNKNOWN && o.unknownFindings().contains(Evaluator.AS_OF)) {
                    for (Conclusion k : dated) {
                        decidedBy.computeIfAbsent(Evaluator.AS_OF, x -> new LinkedHashSet<>()).add(k.id());
                    }
                }
            }
            if (changes.isEmpty()) {
                continue;
            }
            Evaluator.Outcome o = evaluator.evaluate(rule.condition(), false);
            if (o.truth() != Truth.UNKNOWN) {
                continue;
            }
            for (String f : o.unknownFindings()) {
                if (!catalog.findings().containsKey(f) && !f.equals(Evaluator.AS_OF)) {
                    continue;
                }
                for (Conclusion k : changes) {
                    decidedBy.computeIfAbsent(f, x -> new LinkedHashSet<>()).add(k.id());
                    if (status.get(k.id()) == null) {
                        revealsOnly.computeIfAbsent(f, x -> new HashSet<>()).add(k.id());
                    }
                }
            }
        }
        Map<String, Double> score = new HashMap<>();
        decidedBy.forEach((f, causes) -> {
            double weight = 0;
            for (String cause : causes) {
                CauseDef def = catalog.causes().get(cause);
                double w = def != null && def.common() ? COMMON_WEIGHT : 1;
                // Settling a cause already suspected is worth more than possibly revealing a new one.
                weight += revealsOnly.getOrDefault(f, Set.of()).contains(cause) ? w / 2 : w;
            }
            Finding given = snap.findings().get(f);
            double penalty = given != null && !given.isKnown() ? 0.1 : 1; // already "do not know": ask last
            score.put(f, weight / questionDef(f).cost().weight() * penalty);
        });
        List<String> order = new ArrayList<>(decidedBy.keySet());
        order.sort(Comparator.comparingDouble((String f) -> -score.get(f))
                .thenComparingInt(f -> questionDef(f).cost().weight()));
        return order;
    }

    private FindingDef questionDef(String findingId) {
        return findingId.equals(Evaluator.AS_OF) ? AS_OF_QUESTION : catalog.findings().get(findingId);
    }

    /** True when a condition, at any depth, tests the as-of date (a date test on it, or a measure up to it). */
    private static boolean testsTheDate(Condition c) {
        if (c instanceof Condition.Pattern p) {
            return p.constraints().stream().anyMatch(k -> k instanceof pajakdx.knowledge.Constraint.Measure
                    || k instanceof pajakdx.knowledge.Constraint.DateTest && p.type() == pajakdx.knowledge.FactType.AS_OF);
        }
        return Condition.children(c).stream().anyMatch(DiagnosisBuilder::testsTheDate);
    }

    /**
     * Ranks causes: status group, then evidence, then common, then cost of checking, then catalog
     * order. A cause no open question can settle (e.g. a defect that only the as-of date decides)
     * has no cheaper check to offer, so it comes after the causes the user can still check.
     */
    private List<String> rank(Map<String, Status> status, Set<String> notNeeded, Snapshot snap,
                              Map<String, Set<String>> decidedBy) {
        Map<String, Integer> evidence = new HashMap<>();
        for (var e : snap.causes().entrySet()) {
            int best = 0;
            for (Justification j : e.getValue()) {
                best = Math.max(best, (int) j.facts().stream().filter(f -> f instanceof Finding).count());
            }
            evidence.merge(e.getKey().getId(), best, Math::max);
        }
        Map<String, Integer> checkCost = new HashMap<>();
        decidedBy.forEach((f, causes) -> {
            int w = questionDef(f).cost().weight();
            for (String cause : causes) {
                checkCost.merge(cause, w, Math::min);
            }
        });
        List<String> ids = new ArrayList<>(status.keySet());
        // Confirmed, suspected, not needed (explained away), ruled out.
        ids.sort(Comparator.comparingInt((String id) -> notNeeded.contains(id) ? 2 : status.get(id) == Status.RULED_OUT
                        ? 3 : status.get(id).ordinal())
                .thenComparingInt(id -> -evidence.getOrDefault(id, 0))
                .thenComparingInt(id -> catalog.causes().containsKey(id) && catalog.causes().get(id).common() ? 0 : 1)
                .thenComparingInt(id -> checkCost.getOrDefault(id, Integer.MAX_VALUE))
                .thenComparingInt(id -> causeOrder.getOrDefault(id, Integer.MAX_VALUE)));
        return ids;
    }

    /**
     * Remedies in the order to try: those of confirmed causes, of suspected causes, then generic
     * advice from rules, each group cheapest first; escalation channels always last.
     */
    private List<Diagnosis.RemedyStep> remedies(List<String> ranked, Map<String, Status> status, Set<String> notNeeded,
                                                Snapshot snap) {
        record Pending(RemedyDef def, int group, int causeRank, int order, Set<String> forCauses) {
        }
        Map<String, Pending> pending = new LinkedHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            String id = ranked.get(i);
            Status s = status.get(id);
            CauseDef def = catalog.causes().get(id);
            if (s == Status.RULED_OUT || def == null || notNeeded.contains(id)) {
                continue;
            }
            for (String rid : def.remedies()) {
                RemedyDef r = catalog.remedies().get(rid);
                int group = r.escalation() ? 3 : s == Status.CONFIRMED ? 0 : 1;
                Pending p = pending.get(rid);
                if (p == null) {
                    pending.put(rid, new Pending(r, group, i, remedyOrder.getOrDefault(rid, -1),
                            new LinkedHashSet<>(List.of(id))));
                } else {
                    p.forCauses().add(id);
                }
            }
        }
        for (Remedy rem : snap.remedies().keySet()) {
            RemedyDef r = catalog.remedies().get(rem.getId());
            if (r != null && !pending.containsKey(r.id())) {
                pending.put(r.id(), new Pending(r, r.escalation() ? 3 : 2, Integer.MAX_VALUE, remedyOrder.getOrDefault(r.id(), -1),
                        new LinkedHashSet<>()));
            }
        }
        List<Pending> list = new ArrayList<>(pending.values());
        list.sort(Comparator.comparingInt(Pending::group).thenComparingInt(p -> p.def().cost())
                .thenComparingInt(Pending::causeRank).thenComparingInt(Pending::order));
        List<Diagnosis.RemedyStep> out = new ArrayList<>();
        int step = 1;
        for (Pending p : list) {
            RemedyDef r = p.def();
            List<String> relations = new ArrayList<>(r.relations());
            List<String> sources = new ArrayList<>(r.sources());
            for (String cause : p.forCauses()) {
                CauseDef cd = catalog.causes().get(cause);
                addAllNew(relations, cd.relations());
                addAllNew(sources, cd.sources());
            }
            out.add(new Diagnosis.RemedyStep(step++, r.id(), r.text(), r.actor().label(), r.escalation(),
                    r.channels().stream().map(ch -> catalog.channels().get(ch).text()).toList(),
                    List.copyOf(p.forCauses()), relations, sources));
        }
        return out;
    }

    private static void addAllNew(List<String> into, List<String> items) {
        for (String s : items) {
            if (!into.contains(s)) {
                into.add(s);
            }
        }
    }

    private List<Diagnosis.Support> how(Snapshot snap, String causeId, Status status, boolean reveal,
                                        Map<String, String> impliedBy) {
        List<Diagnosis.Support> out = new ArrayList<>();
        Set<Justification> seen = new HashSet<>(); // by value: same rule, equal facts
        for (var e : snap.causes().entrySet()) {
            if (!e.getKey().getId().equals(causeId) || e.getKey().getStatus() != status) {
                continue;
            }
            for (Justification j : e.getValue()) {
                if (seen.add(j)) {
                    Rule info = rulesByName.get(j.rule());
                    out.add(new Diagnosis.Support(j.rule(), info == null ? null : info.at().toString(),
                            info == null ? List.of() : info.relations(), info == null ? List.of() : info.sources(),
                            render(j.facts(), reveal, impliedBy)));
                }
            }
        }
        out.sort(Comparator.comparingInt((Diagnosis.Support su) -> ruleOrder(su.rule()))
                .thenComparing(su -> String.join("; ", su.facts())));
        return out;
    }

    /** Position of a rule in file and line order (justifications come in engine order, which varies). */
    private int ruleOrder(String name) {
        return ruleIndex.getOrDefault(name, Integer.MAX_VALUE);
    }

    /** WHY NOT: every rule that would give the cause another status, condition by condition. */
    List<Diagnosis.RuleCheck> whyNot(Evaluator evaluator, String causeId, Status current) {
        List<Diagnosis.RuleCheck> out = new ArrayList<>();
        for (Rule rule : rulesByCause.getOrDefault(causeId, List.of())) {
            for (Conclusion k : rule.conclusions()) {
                if (k.target() == Conclusion.Target.CAUSE && k.id().equals(causeId) && k.status() != current) {
                    Evaluator.Outcome o = evaluator.evaluate(rule.condition(), true);
                    List<Diagnosis.ConditionCheck> conditions = new ArrayList<>(o.checks().size());
                    for (Check ch : o.checks()) {
                        // An answer cannot make a rule hold that another condition already fails: nothing to ask.
                        conditions.add(new Diagnosis.ConditionCheck(ch.condition(), ch.truth().label(), ch.because(),
                                o.truth() == Truth.FAILED ? null : ch.ask()));
                    }
                    out.add(new Diagnosis.RuleCheck(rule.name(), rule.at().toString(), k.status().label(),
                            o.truth().label(), java.util.Collections.unmodifiableList(conditions)));
                }
            }
        }
        return out;
    }

    private List<Diagnosis.Firing> trace(Snapshot snap, boolean reveal, Map<String, String> impliedBy) {
        List<Diagnosis.Firing> out = new ArrayList<>();
        for (pajakdx.engine.Firing f : snap.firings()) {
            Rule info = rulesByName.get(f.rule());
            out.add(new Diagnosis.Firing(f.seq(), f.rule(), info == null ? List.of() : info.relations(),
                    render(f.facts(), reveal, impliedBy), f.concluded().stream().map(Object::toString).toList()));
        }
        return out;
    }

    /**
     * Facts as text, identifiers masked unless {@code reveal}; a finding another answer implied says
     * which ({@code user.appointed-role = pic ⇐ pic.name-matches-ahu}).
     */
    static List<String> render(List<Object> facts, boolean reveal, Map<String, String> impliedBy) {
        List<String> out = new ArrayList<>();
        for (Object o : facts) {
            if (o instanceof Finding f) {
                String from = impliedBy.get(f.getId());
                out.add(f.getId() + " = " + f.shownValue(reveal) + (from == null ? "" : " ⇐ " + from));
            } else {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }
}
