package pajakdx.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import pajakdx.base.Problem;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.CatalogReader;
import pajakdx.knowledge.Derivation;
import pajakdx.knowledge.Lint;
import pajakdx.knowledge.Rule;
import pajakdx.knowledge.RuleFile;
import pajakdx.knowledge.RuleFolder;

/**
 * Reads, checks and compiles a rules folder: the one pipeline behind both {@code RuleBase.load}
 * (which refuses any error) and {@code pajakdx check} (which also shows the warnings), so the
 * two can never disagree about a rule base. Each DRL file is read once ({@link DrlReader}); the
 * model is linted against the catalog; Drools compiles the canonical DRL printed from the model.
 */
public final class Checker {
    /** Catalog problems before rule problems (a broken declaration comes before what uses it), then by place. */
    private static final Comparator<Problem> BY_PLACE = Comparator
            .comparing((Problem p) -> p.file() != null && p.file().endsWith(".drl"))
            .thenComparing((Problem p) -> p.file() == null ? "" : p.file())
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column);

    private Checker() {
    }

    /** Checks {@code folder}; never throws for problems in the rules (see {@link CheckReport#errors()}). */
    public static CheckReport check(RuleFolder folder) {
        return check(folder, null);
    }

    /**
     * Like {@link #check(RuleFolder)}, taking the catalog, model and compiled rules from {@code cache}
     * when it has them: an entry is only written for rules without errors, and named by every file
     * and the code that checked them, so its files are neither read nor checked again (its warnings
     * are kept with it).
     */
    public static CheckReport check(RuleFolder folder, RuleCache cache) {
        java.util.concurrent.CompletableFuture<RuleCache.Entry> fromCache = cache == null ? null
                : cache.findInBackground(folder);
        if (fromCache != null && !fromCache.isDone()) {
            RuleCompiler.warmUp(); // this thread would only wait for the cache meanwhile
        }
        RuleCache.Entry cached = fromCache == null ? null : fromCache.join();
        // A cache entry is only kept for rules without errors, so its catalog is the YAML's, read before.
        Catalog stored = cached == null ? null : cached.catalog();
        if (stored != null) {
            // Nothing to read from the folder (a bundled folder is not even opened).
            List<Rule> rules = cached.model().stream().flatMap(f -> f.rules().stream()).toList();
            return new CheckReport(folder.name(), stored, new CompiledRules(cached.network(), cached.model(),
                    cached.shelf()), rules, List.of(), shown(folder, cached.warnings()), cached.drlFiles(),
                    cached.yamlFiles());
        }
        // Named before anything is read: what is stored must be what the name stands for.
        java.nio.file.Path readAs = cache == null || cached != null ? null : cache.nameBeforeReading(folder);
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<String> yaml = folder.files(".yaml");
        List<String> drl = folder.files(".drl");
        Catalog catalog = CatalogReader.read(folder.root(), yaml, errors);
        if (cached != null && errors.isEmpty()) {
            cache.keepCatalog(folder, cached, catalog); // its own copy could not be read
        }
        if (drl.isEmpty()) {
            errors.add(Problem.at(folder.name(), 0, 0, "no .drl files in the rules folder"));
        }
        List<RuleFile> model = cached != null ? cached.model() : read(folder, drl, errors);
        List<Rule> rules = model.stream().flatMap(f -> f.rules().stream()).toList();
        boolean drlOk = errors.stream().noneMatch(p -> p.file() != null && p.file().endsWith(".drl"));
        if (cached != null && errors.isEmpty()) {
            warnings.addAll(cached.warnings()); // the same files and checks gave these when it was stored
        } else if (drlOk && !drl.isEmpty()) {
            Lint.run(catalog, rules, errors, warnings);
        }
        CompiledRules compiled = null;
        if (errors.isEmpty()) {
            if (cached != null) {
                compiled = new CompiledRules(cached.network(), model, cached.shelf());
            } else {
                RuleCompiler.Result r = RuleCompiler.compile(model);
                errors.addAll(r.problems());
                if (r.kieBase() != null) {
                    compiled = new CompiledRules(r.kieBase(), model,
                            cache == null ? null : cache.store(folder, readAs, catalog, model, r.kieBase(), warnings, drl.size(),
                                    yaml.size()));
                }
            }
        }
        return new CheckReport(folder.name(), catalog, errors.isEmpty() ? compiled : null,
                drlOk ? rules : List.of(), shown(folder, errors), shown(folder, warnings), drl.size(), yaml.size());
    }

    /** Reads every DRL file once into the model, derived rules included. */
    private static List<RuleFile> read(RuleFolder folder, List<String> drl, List<Problem> errors) {
        List<RuleFile> model = new ArrayList<>();
        for (String file : drl) {
            byte[] bytes;
            try {
                long size = Files.size(folder.root().resolve(file));
                if (size > DrlReader.MAX_FILE_BYTES) {
                    errors.add(Problem.at(file, 0, 0, "is " + size / 1024 + " KB; rule files may be at most "
                            + DrlReader.MAX_FILE_BYTES / 1024 + " KB (split the topic into several files)"));
                    continue;
                }
                bytes = Files.readAllBytes(folder.root().resolve(file));
            } catch (IOException e) {
                errors.add(Problem.at(file, 0, 0, "cannot read: " + e.getMessage()));
                continue;
            }
            DrlReader.Result r = DrlReader.read(file, bytes);
            errors.addAll(r.problems());
            if (r.file() != null) {
                model.add(r.file());
            }
        }
        List<RuleFile> expanded = Derivation.expand(model, errors);
        duplicateNames(expanded, errors);
        return expanded;
    }

    /**
     * Rule names are unique across the folder (Drools would refuse the second). A hand-written
     * rule named like a rule that {@code @derive} writes is reported at the hand-written rule,
     * wherever the two stand (in one file, Drools' compile refused it before).
     */
    private static void duplicateNames(List<RuleFile> model, List<Problem> errors) {
        java.util.Map<String, Rule> derived = new java.util.HashMap<>();
        for (RuleFile f : model) {
            for (Rule r : f.rules()) {
                if (r.derivedFrom() != null) {
                    derived.putIfAbsent(r.name(), r);
                }
            }
        }
        java.util.Map<String, Rule> seen = new java.util.HashMap<>();
        for (RuleFile f : model) {
            for (Rule r : f.rules()) {
                Rule writes = r.derivedFrom() == null ? derived.get(r.name()) : null;
                if (writes != null) {
                    errors.add(Problem.at(r.at().file(), r.at().line(), 0, "rule '" + r.name() + "' is named like a"
                            + " rule that @derive writes from '" + writes.derivedFrom() + "' (at " + writes.at()
                            + "): rename it, or leave " + status(writes) + " out of that @derive"));
                    continue;
                }
                // From here, two rules of one name are both hand-written (in one file the reader
                // reported it) or both derived.
                Rule previous = seen.putIfAbsent(r.name(), r);
                if (previous != null && r.derivedFrom() == null && !previous.at().file().equals(r.at().file())) {
                    errors.add(Problem.at(r.at().file(), r.at().line(), 0, "duplicate rule name '" + r.name()
                            + "' (also at " + previous.at() + ")"));
                } else if (previous != null && r.derivedFrom() != null) {
                    errors.add(Problem.at(r.at().file(), r.at().line(), 0, "rule '" + r.derivedFrom()
                            + "' derives a rule named '" + r.name() + "', which is taken (also at " + previous.at() + ")"));
                }
            }
        }
    }

    /** What {@code @derive} is asked for to write {@code derived}: suspected or ruledOut. */
    private static String status(Rule derived) {
        return derived.conclusions().stream().anyMatch(k -> k.status() == pajakdx.facts.Status.SUSPECTED)
                ? "suspected" : "ruledOut";
    }

    /**
     * By file and line, each problem once, and each file named as the user named the folder
     * ({@code my-rules/coretax/session.drl}), so that an editor can jump to it.
     */
    private static List<Problem> shown(RuleFolder folder, List<Problem> problems) {
        return problems.stream().distinct().sorted(BY_PLACE)
                .map(p -> p.file() == null ? p : new Problem(folder.display(p.file()), p.line(), p.column(), p.field(),
                        p.wholeMessage()))
                .toList();
    }

    /** The catalog of {@code folder} alone (no rules compiled), for tools that only need the vocabulary. */
    public static Catalog catalog(RuleFolder folder, List<Problem> errors) {
        return CatalogReader.read(folder.root(), folder.files(".yaml"), errors);
    }
}
