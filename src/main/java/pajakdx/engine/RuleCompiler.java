package pajakdx.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.conf.ParallelRulesBuildThresholdOption;
import org.kie.internal.io.ResourceFactory;
import pajakdx.base.Problem;
import pajakdx.knowledge.Rule;
import pajakdx.knowledge.RuleFile;

/**
 * Compiles the rule model into a Drools KieBase, from the canonical DRL printed by
 * {@link DrlPrinter} (never from the files themselves), one file after the other in the order
 * of the folder, so that the network and the order of firings follow the files. A compile
 * error, which the checks of the model should leave no room for, is pointed back at the rule's
 * own place in its file, and only there: the files after a file that failed are compiled by a new
 * builder, since Drools keeps a file's errors in its builder (and some, such as a package it
 * cannot wire, break the builder for every later package), which reported one broken file again
 * against every file compiled after it.
 */
final class RuleCompiler {
    private static final Pattern LINE_COL = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+)");

    private RuleCompiler() {
    }

    /** A KieBase, or the problems that kept it from being built. */
    record Result(KieBase kieBase, List<Problem> problems) {
    }

    /** Compiles every rule of {@code files}. */
    static Result compile(List<RuleFile> files) {
        return compile(files, null);
    }

    /** Compiles the rules of {@code files} named in {@code keep} (all when null). */
    static Result compile(List<RuleFile> files, Set<String> keep) {
        KnowledgeBuilderImpl builder = fresh();
        List<Problem> problems = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            RuleFile file = files.get(f);
            List<Rule> rules = new ArrayList<>();
            List<Integer> orders = new ArrayList<>();
            for (int i = 0; i < file.rules().size(); i++) {
                Rule r = file.rules().get(i);
                if (keep == null || keep.contains(r.name())) {
                    rules.add(r);
                    orders.add(loadOrder(i, f));
                }
            }
            if (rules.isEmpty()) {
                continue;
            }
            DrlPrinter.Printed printed = DrlPrinter.print(file, rules);
            Resource resource = ResourceFactory.newByteArrayResource(printed.text().getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(file.file());
            try {
                PackageDescr pkg = new DrlParser().parse(resource, new java.io.StringReader(printed.text()));
                if (pkg == null || pkg.getRules().size() != rules.size()) {
                    problems.add(Problem.at(file.file(), 0, 0, "could not be compiled: the canonical rules did not parse"));
                    continue;
                }
                // Drools fires rules of equal salience in load order, then in the order they joined
                // the network. Numbered here once for the whole rule base, the order is the same
                // for a part compiled alone and for rules rebuilt from the cache.
                for (int i = 0; i < rules.size(); i++) {
                    RuleDescr d = pkg.getRules().get(i);
                    d.setLoadOrder(orders.get(i));
                    d.setResource(resource);
                }
                pkg.setResource(resource);
                builder.addPackage(pkg);
            } catch (DroolsParserException | RuntimeException | LinkageError e) {
                OutOfMemory.rethrow(e); // wrapped by Drools, or a class it left uninitialised
                problems.add(Problem.at(file.file(), 0, 0, "could not be compiled: " + DrlReader.plain(e.getMessage())));
                builder = fresh();
                continue;
            }
            if (builder.hasErrors()) {
                for (KnowledgeBuilderResult r : builder.getErrors()) {
                    outOfMemory(String.valueOf(r.getMessage()));
                    problems.add(located(file, rules, printed, r));
                }
                builder = fresh();
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems.stream().distinct().toList());
        }
        return new Result(builder.newKieBase(), List.of());
    }

    /** How ECJ reports running out of memory, and what ran out ("Java heap space"). */
    private static final Pattern OUT_OF_MEMORY = Pattern.compile(
            "Internal compiler error: java\\.lang\\.OutOfMemoryError(?::\\s*([^\\r\\n]*?))?(?:\\s+at\\s|[\\r\\n]|$)");

    /**
     * Throws an {@link OutOfMemoryError} when {@code message}, a compile error, is Drools' Java
     * compiler (ECJ) reporting one as an "internal compiler error": it catches the error itself.
     */
    private static void outOfMemory(String message) {
        Matcher m = OUT_OF_MEMORY.matcher(message);
        if (m.find()) {
            String what = m.group(1) == null || m.group(1).isBlank() ? "Java heap space" : m.group(1).strip();
            throw new OutOfMemoryError(what);
        }
    }

    /**
     * A builder, the first one or one for the files after a file that failed (no KieBase is built
     * once a file has failed, so the rest only need checking, each on its own).
     *
     * <p>It builds on this thread only: Drools builds the rules of a larger package on a fork-join
     * pool, and when one of its workers runs out of memory the task is never completed and the
     * compile waits for ever; compiled here, a heap too small ends in an OutOfMemoryError the
     * command line reports. (On two cores no slower: 5.1 to 5.4 s for the bundled rules, 4.9 to
     * 5.9 s with the pool.)
     */
    private static KnowledgeBuilderImpl fresh() {
        var conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        conf.setOption(ParallelRulesBuildThresholdOption.get(-1));
        return (KnowledgeBuilderImpl) KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
    }

    /**
     * The load order of the {@code index}-th rule of the {@code file}-th file: by place in its
     * file, then by file, which is the order Drools gives rules parsed file by file (place in
     * file as load order; ties to the rule that joined the network first).
     */
    static int loadOrder(int index, int file) {
        return index * 10_000 + file;
    }

    /**
     * Initialises Drools' own classes (knowledge base, session, agenda) on an empty network: run
     * by a thread that would otherwise wait for the rule cache, so the first diagnosis does not.
     */
    static void warmUp() {
        KieBase empty = fromPackages(List.of());
        org.kie.api.runtime.KieSession session = empty.newKieSession();
        try {
            session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    /** A KieBase rebuilt from packages compiled before (see {@link RuleCache}): no parsing, no compiling. */
    static KieBase fromPackages(Collection<KiePackage> packages) {
        var base = org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(packages);
        return base;
    }

    private static Problem located(RuleFile file, List<Rule> rules, DrlPrinter.Printed printed,
                                   KnowledgeBuilderResult r) {
        int line = r.getLines() != null && r.getLines().length > 0 ? r.getLines()[0] : 0;
        Matcher m = LINE_COL.matcher(String.valueOf(r.getMessage()));
        if (m.find()) {
            line = Integer.parseInt(m.group(1));
        }
        int index = printed.ruleAt(line);
        String message = DrlReader.plain(r.getMessage());
        if (index < 0) {
            return Problem.at(file.file(), 0, 0, "could not be compiled: " + message);
        }
        Rule rule = rules.get(index);
        return Problem.at(file.file(), rule.at().line(), 0, "rule '" + rule.name() + "' could not be compiled: "
                + message);
    }
}
