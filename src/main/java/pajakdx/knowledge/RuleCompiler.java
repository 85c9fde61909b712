package pajakdx.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.io.ResourceFactory;
import pajakdx.Problem;
import pajakdx.facts.Status;

/**
 * Compiles the DRL files of a rules folder into one KieBase and describes every rule as a
 * {@link RuleInfo}. Parses each file once, keeps the parse for metadata, lines and safety
 * checks, and reports every error as {@code file:line:column: message}.
 */
public final class RuleCompiler {
    private static final Pattern CAUSE_CALL = Pattern.compile(
            "Cause\\.(confirmed|suspected|ruledOut)\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern REMEDY_CALL = Pattern.compile("Remedy\\.offer\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern LINE_COL = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+)");

    /**
     * Result of a compile: the KieBase (null on errors), the rules, and every problem found, plus
     * what a {@link RuleCache} needs to rebuild the same result without compiling, and the DRL
     * texts (file → text, in compile order) the rules were compiled from.
     */
    public record Result(KieBase kieBase, List<RuleInfo> rules, List<Problem> errors,
                         Map<String, RuleSource> sources, Map<String, String> drlTexts) {
        public Result(KieBase kieBase, List<RuleInfo> rules, List<Problem> errors) {
            this(kieBase, rules, errors, Map.of(), Map.of());
        }

        Result(List<Problem> errors) {
            this(null, List.of(), errors, Map.of(), Map.of());
        }
    }

    /** Where a rule is written and what its right-hand side says: all RuleInfo needs beyond the compiled rule. */
    public record RuleSource(String file, int line, String consequence) implements java.io.Serializable {
    }

    private RuleCompiler() {
    }

    /** Compiles {@code drlFiles} (relative to {@code root}). Never throws for bad DRL: see {@link Result#errors()}. */
    public static Result compile(Path root, List<String> drlFiles) {
        List<Problem> errors = new ArrayList<>();
        KnowledgeBuilderImpl builder = (KnowledgeBuilderImpl) KnowledgeBuilderFactory.newKnowledgeBuilder();
        Map<String, RuleSource> byName = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String file : drlFiles) {
            String text;
            try {
                text = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                errors.add(Problem.at(file, 0, 0, "cannot read: " + e.getMessage()));
                continue;
            }
            texts.put(file, text);
            List<Problem> escapes = RuleSafety.checkText(text, file);
            if (!escapes.isEmpty()) {
                errors.addAll(escapes); // refused unparsed: the parser itself stumbles on them
                continue;
            }
            PackageDescr pkg = parse(file, text, errors);
            if (pkg == null) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            List<Problem> unsafe = new ArrayList<>(RuleSafety.checkPackage(pkg, file));
            for (RuleDescr rule : pkg.getRules()) {
                unsafe.addAll(RuleSafety.checkRule(rule, file, lines));
                RuleSource previous = byName.put(rule.getName(), new RuleSource(file, rule.getLine(),
                        rule.getConsequence() == null ? "" : rule.getConsequence().toString()));
                if (previous != null) {
                    errors.add(Problem.at(file, rule.getLine(), 0, "duplicate rule name '" + rule.getName()
                            + "' (also at " + previous.file() + ":" + previous.line() + ")"));
                }
            }
            if (!unsafe.isEmpty()) {
                // Refused before compiling: an unsafe rule never becomes code that could run.
                errors.addAll(unsafe);
                continue;
            }
            try {
                builder.addPackage(pkg);
            } catch (RuntimeException e) {
                // Drools throws on some malformed input (metadata it cannot evaluate ...): a problem, not a crash.
                errors.add(Problem.at(file, 0, 0, "could not be compiled: " + plain(String.valueOf(e.getMessage()))));
                builder.getErrors().clear();
                continue;
            }
            collectBuilderErrors(builder, file, errors);
        }
        if (!errors.isEmpty()) {
            return new Result(errors);
        }
        KieBase base = builder.newKieBase();
        List<Problem> joins = joinProblems(base, byName);
        if (!joins.isEmpty()) {
            return new Result(joins);
        }
        return new Result(base, describe(base, byName), errors, Map.copyOf(byName),
                java.util.Collections.unmodifiableMap(texts));
    }

    /**
     * Compiles only the rules named {@code keep} from DRL texts (file → text) that compiled
     * cleanly before as a whole: a smaller network over the same rules, for the cases that can
     * only meet those (see {@code pajakdx.Partitions}). Returns null when the texts no longer
     * give exactly those rules, or do not compile.
     */
    public static KieBase compileSubset(Map<String, String> texts, java.util.Set<String> keep) {
        List<Problem> errors = new ArrayList<>();
        KnowledgeBuilderImpl builder = (KnowledgeBuilderImpl) KnowledgeBuilderFactory.newKnowledgeBuilder();
        java.util.Set<String> found = new java.util.HashSet<>();
        for (var e : texts.entrySet()) {
            String file = e.getKey();
            String text = e.getValue();
            // The same safety checks as a whole compile: these texts are compiled into code again.
            if (!RuleSafety.checkText(text, file).isEmpty()) {
                return null;
            }
            PackageDescr pkg = parse(file, text, errors);
            if (pkg == null || !RuleSafety.checkPackage(pkg, file).isEmpty()) {
                return null;
            }
            String[] lines = text.split("\n", -1);
            for (RuleDescr rule : pkg.getRules()) {
                if (!RuleSafety.checkRule(rule, file, lines).isEmpty()) {
                    return null;
                }
            }
            pkg.getRules().removeIf(rule -> !keep.contains(rule.getName()));
            if (pkg.getRules().isEmpty()) {
                continue;
            }
            pkg.getRules().forEach(rule -> found.add(rule.getName()));
            builder.addPackage(pkg);
            if (builder.hasErrors()) {
                return null;
            }
        }
        return found.equals(keep) ? builder.newKieBase() : null;
    }

    /**
     * Rebuilds a compile result from packages compiled earlier (see {@link RuleCache}): no parsing,
     * no Java compilation, only the network is built again. Only clean compiles are cached, so the
     * checks that ran on them still hold.
     */
    static Result fromPackages(java.util.Collection<KiePackage> packages, Map<String, RuleSource> sources,
                               Map<String, String> drlTexts) {
        var base = org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(packages);
        return new Result(base, describe(base, sources), List.of(), Map.copyOf(sources), drlTexts);
    }

    /** Rules whose patterns could join into too many matches (see {@link JoinBound}). */
    private static List<Problem> joinProblems(KieBase base, Map<String, RuleSource> sources) {
        List<Problem> out = new ArrayList<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleSource src = sources.get(rule.getName());
                int unpinned = JoinBound.unpinned(((RuleImpl) rule).getLhs());
                if (src != null && unpinned > JoinBound.MAX_UNPINNED) {
                    out.add(Problem.at(src.file(), src.line(), 0, "rule '" + rule.getName() + "' joins "
                            + unpinned + " patterns not pinned by id (such as Finding() without id == \"...\");"
                            + " at most " + JoinBound.MAX_UNPINNED + " are allowed, or a case with many findings"
                            + " could make it build billions of matches before any firing limit applies"));
                }
            }
        }
        return out;
    }

    private static PackageDescr parse(String file, String text, List<Problem> errors) {
        DrlParser parser = new DrlParser();
        Resource resource = ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(file);
        try {
            PackageDescr pkg = parser.parse(resource, new java.io.StringReader(text));
            if (parser.hasErrors() || pkg == null) {
                for (DroolsError e : parser.getErrors()) {
                    errors.add(parserProblem(file, e));
                }
                if (!parser.hasErrors()) {
                    errors.add(Problem.at(file, 0, 0, "could not be parsed"));
                }
                return null;
            }
            pkg.setResource(resource);
            for (RuleDescr r : pkg.getRules()) {
                r.setResource(resource);
            }
            return pkg;
        } catch (DroolsParserException e) {
            errors.add(Problem.at(file, e.getLineNumber(), e.getColumn(), plain(e.getMessage())));
            return null;
        }
    }

    private static Problem parserProblem(String file, DroolsError e) {
        int line = 0;
        int col = 0;
        if (e instanceof ParserError pe) {
            line = pe.getRow();
            col = pe.getCol() + 1;
        } else if (e.getLines() != null && e.getLines().length > 0) {
            line = e.getLines()[0];
        }
        Matcher m = LINE_COL.matcher(e.getMessage());
        if (m.find()) {
            line = Integer.parseInt(m.group(1));
            col = Integer.parseInt(m.group(2)) + 1;
        }
        return Problem.at(file, line, col, plain(e.getMessage()));
    }

    private static void collectBuilderErrors(KnowledgeBuilderImpl builder, String file, List<Problem> errors) {
        if (!builder.hasErrors()) {
            return;
        }
        for (KnowledgeBuilderResult r : builder.getErrors()) {
            String where = r.getResource() != null && r.getResource().getSourcePath() != null
                    ? r.getResource().getSourcePath() : file;
            int[] lines = r.getLines();
            int line = lines != null && lines.length > 0 ? lines[0] : 0;
            int col = 0;
            Matcher m = LINE_COL.matcher(r.getMessage());
            if (m.find()) {
                line = Integer.parseInt(m.group(1));
                col = Integer.parseInt(m.group(2)) + 1;
            }
            String message = plain(r.getMessage());
            // Duplicates are already reported once, with both places; Drools repeats them per package.
            if (!message.contains("Parser returned a null Package") && !message.startsWith("Duplicate rule name")) {
                errors.add(Problem.at(where, line, col, message));
            }
        }
        // The builder keeps errors; clear them so the next file's are told apart.
        builder.getErrors().clear();
    }

    /** Turns Drools' messages into one plain line. */
    static String plain(String message) {
        if (message == null) {
            return "error";
        }
        String s = message.replaceAll("\\[ERR \\d+\\] Line \\d+:\\d+\\s*", "").replaceAll("\\s+", " ").trim();
        s = s.replace("Unable to resolve ObjectType", "unknown fact type");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static List<RuleInfo> describe(KieBase base, Map<String, RuleSource> sources) {
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleSource src = sources.get(rule.getName());
                if (src == null) {
                    continue;
                }
                out.add(describe((RuleImpl) rule, src));
            }
        }
        // Stable order: by file, then line, so listings and reports do not depend on hashing.
        out.sort((a, b) -> a.at().file().equals(b.at().file()) ? Integer.compare(a.at().line(), b.at().line())
                : a.at().file().compareTo(b.at().file()));
        return out;
    }

    private static RuleInfo describe(RuleImpl rule, RuleSource src) {
        Map<String, Object> meta = new HashMap<>(rule.getMetaData());
        String file = src.file();
        String topic = file.endsWith(".drl") ? file.substring(0, file.length() - 4) : file;
        return new RuleInfo(rule.getName(), topic, new Location(file, src.line()),
                listOf(meta.get("relations")), sourcesOf(meta), Map.copyOf(meta),
                conclusions(src.consequence()), LhsReader.read(rule.getLhs()));
    }

    private static List<String> sourcesOf(Map<String, Object> meta) {
        List<String> out = new ArrayList<>(listOf(meta.get("source")));
        out.addAll(listOf(meta.get("sources")));
        return out;
    }

    /** Reads a metadata value written as {@code "A, B"} into a list. */
    static List<String> listOf(Object value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.toString().split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static List<Conclusion> conclusions(String rhs) {
        List<Conclusion> out = new ArrayList<>();
        Matcher c = CAUSE_CALL.matcher(rhs);
        while (c.find()) {
            Status status = switch (c.group(1)) {
                case "confirmed" -> Status.CONFIRMED;
                case "suspected" -> Status.SUSPECTED;
                default -> Status.RULED_OUT;
            };
            out.add(new Conclusion(Conclusion.Target.CAUSE, c.group(2), status));
        }
        Matcher r = REMEDY_CALL.matcher(rhs);
        while (r.find()) {
            out.add(new Conclusion(Conclusion.Target.REMEDY, r.group(1), null));
        }
        return List.copyOf(out);
    }
}
