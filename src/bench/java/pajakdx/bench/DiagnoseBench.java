package pajakdx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import pajakdx.Case;
import pajakdx.DiagnoseOptions;
import pajakdx.Diagnosis;
import pajakdx.RuleBase;
import pajakdx.collect.CollectedFacts;
import pajakdx.collect.FactCollector;
import pajakdx.facts.AsOf;
import pajakdx.facts.Finding;
import pajakdx.knowledge.RuleFolder;

/**
 * (a) warm diagnosis of the typical cases through the public API, full rule base, with and
 * without the explanation (d), and with WHY NOT read (computed on demand); (b) the floor: the same rules and the same facts through bare
 * Drools — new session, insert, fire, dispose, nothing else. One operation is one case; the
 * cases are taken in turn.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DiagnoseBench {

    @State(Scope.Thread)
    public static class PublicApi {
        /**
         * explained: causes, remedies, questions, HOW and trace (WHY NOT left for when it is read);
         * why-not: the same with WHY NOT computed too; brief: causes, remedies, questions only.
         */
        @Param({"explained", "why-not", "brief"})
        String output;
        boolean whyNot;

        RuleBase rules;
        List<Case> cases;
        DiagnoseOptions options;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            rules = RuleBase.load(BenchData.rulesDir());
            cases = BenchData.typicalCases();
            options = BenchData.OPTIONS.withExplain(!output.equals("brief"));
            whyNot = output.equals("why-not");
            BenchData.settle(rules, cases, options);
        }

        Case nextCase() {
            Case c = cases.get(next);
            next = next + 1 == cases.size() ? 0 : next + 1;
            return c;
        }
    }

    @State(Scope.Thread)
    public static class BareDrools {
        KieBase kieBase;
        List<CollectedFacts> facts = new ArrayList<>();
        int next;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            kieBase = compileBare(BenchData.rulesDir());
            facts = typicalFacts();
        }

        CollectedFacts nextFacts() {
            CollectedFacts f = facts.get(next);
            next = next + 1 == facts.size() ? 0 : next + 1;
            return f;
        }
    }

    /** (a)/(d): one case through {@code RuleBase.diagnose}. */
    @Benchmark
    public Object publicApi(PublicApi s) {
        Diagnosis d = s.rules.diagnose(s.nextCase(), s.options);
        return s.whyNot ? BenchData.readWhyNot(d) : d;
    }

    /** (b): the floor, the rules engine alone on the same facts. */
    @Benchmark
    public long bareDrools(BareDrools s) {
        return fireBare(s.kieBase, s.nextFacts());
    }

    /**
     * The rules of {@code rulesDir} compiled by Drools alone, no PajakDx listener or checks: the
     * canonical DRL PajakDx itself hands Drools (derived rules included), so both run the same rules.
     */
    static KieBase compileBare(java.nio.file.Path rulesDir) throws java.io.IOException {
        String drl = pajakdx.engine.Checker.check(RuleFolder.of(rulesDir)).compiled().canonicalDrl();
        KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (String file : drl.split("(?m)^// ")) {
            if (!file.isBlank()) {
                kb.add(ResourceFactory.newByteArrayResource(file.substring(file.indexOf('\n') + 1)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), ResourceType.DRL);
            }
        }
        if (kb.hasErrors()) {
            throw new IllegalStateException(kb.getErrors().toString());
        }
        return kb.newKieBase();
    }

    /** The facts PajakDx inserts for each typical case, collected once, outside the timing. */
    static List<CollectedFacts> typicalFacts() {
        RuleBase rules = RuleBase.load(BenchData.rulesDir());
        FactCollector collector = new FactCollector(pajakdx.internal.RuleBases.of(rules).catalog(),
                BenchData.OPTIONS.clock());
        List<CollectedFacts> out = new ArrayList<>();
        for (Case c : BenchData.typicalCases()) {
            out.add(collector.collect(new pajakdx.collect.CaseInput(c.id(), c.answers(), c.errors(), c.asOf())));
        }
        return out;
    }

    /** New session, insert, fire, dispose: the floor. */
    static long fireBare(KieBase kieBase, CollectedFacts f) {
        KieSession session = kieBase.newKieSession();
        try {
            AsOf asOf = f.asOf();
            session.insert(asOf);
            for (Finding finding : f.findings().values()) {
                session.insert(finding);
            }
            return session.fireAllRules() + session.getFactCount();
        } finally {
            session.dispose();
        }
    }
}
