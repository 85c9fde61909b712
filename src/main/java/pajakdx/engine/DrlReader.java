package pajakdx.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;
import pajakdx.base.Problem;
import pajakdx.knowledge.Condition;
import pajakdx.knowledge.FactType;
import pajakdx.knowledge.Location;
import pajakdx.knowledge.Rule;
import pajakdx.knowledge.RuleFile;
import pajakdx.text.Masking;

/**
 * Reads one DRL file into the rule model, with Drools' own parser, and refuses everything that is
 * not positively allowed. This and {@link ConstraintReader} are the only code that reads rule
 * text: safety is decided on the parsed structure, and Drools later compiles the canonical DRL
 * printed from the model ({@link DrlPrinter}), never the analyst's text. So a comment, a string,
 * an escape or a construct the model does not know can never carry code into the engine.
 *
 * <p>What a rule file may contain: a package, imports of {@code pajakdx.facts}, and rules. A rule
 * has a name, metadata with literal texts ({@code @relations}, {@code @source}, {@code @sources},
 * {@code @derive}), optionally {@code salience} with a whole number, conditions made of patterns
 * on Finding, AsOf, Cause and Remedy (combined with and, or, not, exists; see
 * {@link ConstraintReader} for what a pattern may test), and a right-hand side of
 * {@code insertLogical(Cause.confirmed|suspected|ruledOut("id"))} and
 * {@code insertLogical(Remedy.offer("id"))} only.
 */
public final class DrlReader {
    /** Largest rule file read; the bundled ones are under 20 KB. */
    public static final int MAX_FILE_BYTES = 256 * 1024;
    /** Deepest nesting of and/or/not/exists in one rule. */
    static final int MAX_DEPTH = 8;
    /** Most patterns in one rule. */
    static final int MAX_PATTERNS = 24;
    /** Longest package name (a class file keeps names up to 65,535 bytes; the rules' are short). */
    static final int MAX_PACKAGE = 200;
    /** Longest rule name. */
    static final int MAX_NAME = 200;
    /** Stack for Drools' parser: enough for any file within the limits, and the same whatever thread calls. */
    private static final long PARSER_STACK = 16L * 1024 * 1024;
    private static final Pattern LINE_COL = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> METADATA = List.of("relations", "source", "sources", "derive");
    /** The package every rule file uses: this name, or one under it ({@code rules.coretax}). */
    static final String PACKAGE = "rules";
    /**
     * Java's reserved words: Drools generates Java classes in a rule file's package, and a package
     * name holding one of these does not compile.
     */
    private static final java.util.Set<String> JAVA_KEYWORDS = java.util.Set.of("abstract", "assert", "boolean",
            "break", "byte", "case", "catch", "char", "class", "const", "continue", "default", "do", "double", "else",
            "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof",
            "int", "interface", "long", "native", "new", "package", "private", "protected", "public", "return",
            "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient",
            "try", "void", "volatile", "while", "true", "false", "null", "_");

    /** The model of one file (null when it could not be read at all) and every problem found. */
    public record Result(RuleFile file, List<Problem> problems) {
    }

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private String text;
    private int[] lineStarts;

    private DrlReader(String file) {
        this.file = file;
    }

    /**
     * Reads {@code bytes}, the content of {@code file} (relative to the rules folder). Never
     * throws for bad input: everything wrong is a problem with file, line and column.
     */
    public static Result read(String file, byte[] bytes) {
        DrlReader reader = new DrlReader(file);
        RuleFile model = reader.readFile(bytes);
        return new Result(problemsFree(reader.problems) ? model : null, List.copyOf(reader.problems));
    }

    private static boolean problemsFree(List<Problem> problems) {
        return problems.isEmpty();
    }

    private RuleFile readFile(byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            problem(0, 0, "is " + bytes.length / 1024 + " KB; rule files may be at most " + MAX_FILE_BYTES / 1024
                    + " KB (split the topic into several files)");
            return null;
        }
        text = decode(bytes);
        if (text == null) {
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            // A byte-order mark, as some editors write at the start of a UTF-8 file: no character
            // of the file, and Drools' parser cannot read it. Columns on line 1 count without it.
            text = text.substring(1);
        }
        lineStarts = lineStarts(text);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            Location at = place(nul);
            problem(at.line(), at.column(), "the file holds a NUL byte (binary?) at line " + at.line());
            return null;
        }
        PackageDescr pkg = parse(text);
        if (pkg == null) {
            return null;
        }
        checkPackage(pkg);
        String topic = file.endsWith(".drl") ? file.substring(0, file.length() - 4) : file;
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> names = new LinkedHashMap<>();
        for (RuleDescr r : pkg.getRules()) {
            Rule rule = rule(r, topic);
            Integer previous = names.putIfAbsent(r.getName(), r.getLine());
            if (previous != null) {
                problem(r.getLine(), 0, "duplicate rule name '" + r.getName() + "' (also at " + file + ":" + previous + ")");
            }
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new RuleFile(file, pkg.getName() == null || pkg.getName().isEmpty() ? "rules" : pkg.getName(),
                List.copyOf(rules));
    }

    /** The offset at which each line starts. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The place of character {@code offset}, 1-based line and column. */
    private Location place(int offset) {
        int line = java.util.Arrays.binarySearch(lineStarts, offset);
        line = line >= 0 ? line : -line - 2;
        return new Location(file, line + 1, offset - lineStarts[line] + 1);
    }

    /**
     * Where {@code needle} first stands in the rule's own text, at or after {@code from}: used
     * only to point messages at the metadata or statement they are about (Drools keeps no place
     * for them); what a rule may do is decided on the parsed structure alone.
     */
    private Location find(RuleDescr r, String needle, int from) {
        int start = Math.max(Math.max(r.getStartCharacter(), from), 0);
        int end = r.getEndCharacter() > start ? Math.min(r.getEndCharacter() + 1, text.length()) : text.length();
        int at = text.substring(start, end).indexOf(needle);
        return at < 0 ? null : place(start + at);
    }

    /** The text as UTF-8, or null (with a problem naming the line) when it is not. */
    private String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int line = 1;
            int column = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            problem(line, column, String.format("is not UTF-8: the byte 0x%02X is not part of a UTF-8 character;"
                    + " save the file as UTF-8", bytes[bad] & 0xFF));
            return null;
        }
    }

    /** Index of the first byte that does not belong to a well-formed UTF-8 sequence. */
    private static int firstInvalidUtf8(byte[] b) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(b.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : b.length - 1;
    }

    /**
     * Drools' parser, on a thread with a stack of known size: deeply nested input makes ANTLR
     * recurse, and a StackOverflowError there is turned into a problem instead of a crash.
     */
    private PackageDescr parse(String text) {
        PackageDescr[] out = new PackageDescr[1];
        Throwable[] failure = new Throwable[1];
        DrlParser parser = new DrlParser();
        Thread t = new Thread(null, () -> {
            try {
                out[0] = parser.parse(false, text);
            } catch (StackOverflowError e) {
                failure[0] = e;
            } catch (Exception | LinkageError e) {
                failure[0] = e;
            }
        }, "pajakdx-drl-parser", PARSER_STACK);
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(0, 0, "reading was interrupted");
            return null;
        }
        if (failure[0] instanceof StackOverflowError) {
            problem(0, 0, "is nested too deeply to read (parentheses or not/exists within each other);"
                    + " rules may nest at most " + MAX_DEPTH + " levels");
            return null;
        }
        if (failure[0] != null) {
            problem(0, 0, "could not be parsed: " + plain(failure[0].getMessage()));
            return null;
        }
        if (parser.hasErrors() || out[0] == null) {
            for (DroolsError e : parser.getErrors()) {
                parserProblem(e);
            }
            if (!parser.hasErrors()) {
                problem(0, 0, "could not be parsed");
            }
            return null;
        }
        return out[0];
    }

    private void parserProblem(DroolsError e) {
        int line = 0;
        int col = 0;
        if (e instanceof ParserError pe) {
            line = pe.getRow();
            col = pe.getCol() + 1;
        } else if (e.getLines() != null && e.getLines().length > 0) {
            line = e.getLines()[0];
        }
        Matcher m = LINE_COL.matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
            line = Integer.parseInt(m.group(1));
            col = Integer.parseInt(m.group(2)) + 1;
        }
        String message = plain(e.getMessage());
        String invisible = invisibleAt(line, col);
        if (invisible != null) {
            // Drools says "no viable alternative at input ''": the character it stopped at cannot be seen.
            message = "the file holds the invisible character " + invisible + " at line " + line
                    + ", where DRL cannot read it; delete it";
        }
        if (!message.contains("Parser returned a null Package")) {
            problem(line, col, message);
        }
    }

    /**
     * The character at 1-based {@code line} and {@code column} as {@code U+200B}, when it is one
     * nobody sees in an editor (a control or format character, a space other than the plain one);
     * otherwise null.
     */
    private String invisibleAt(int line, int column) {
        if (line < 1 || line > lineStarts.length || column < 1) {
            return null;
        }
        int offset = lineStarts[line - 1] + column - 1;
        if (offset >= text.length()) {
            return null;
        }
        int c = text.codePointAt(offset);
        boolean invisible = c != '\t' && c != '\n' && c != '\r' && c != '\f' && (Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.isSpaceChar(c) && c != ' ');
        return invisible ? String.format("U+%04X", c) : null;
    }

    /** Turns Drools' messages into one plain line. */
    static String plain(String message) {
        if (message == null) {
            return "error";
        }
        String s = message.replaceAll("\\[ERR \\d+\\] Line \\d+:\\d+\\s*", "").replaceAll("\\s+", " ").trim();
        s = s.replace("Unable to resolve ObjectType", "unknown fact type");
        return Masking.abbreviate(s, 300); // a cut number would escape the mask the message gets later
    }

    // ---- the file level ----

    private void checkPackage(PackageDescr pkg) {
        String name = pkg.getName();
        if (name != null && !name.isEmpty()) {
            String[] parts = name.split("\\.", -1);
            String keyword = java.util.Arrays.stream(parts).filter(JAVA_KEYWORDS::contains).findFirst().orElse(null);
            if (name.length() > MAX_PACKAGE) { // Java's class files cannot hold a longer name
                problem(pkg.getLine(), 0, "package '" + abbreviate(name) + "' is longer than " + MAX_PACKAGE
                        + " characters");
            } else if (java.util.Arrays.stream(parts).anyMatch(part -> !IDENTIFIER.matcher(part).matches())) {
                problem(pkg.getLine(), 0, "package '" + name + "' is not a dotted name");
            } else if (!parts[0].equals(PACKAGE)) {
                // Drools generates classes in the package: java.lang cannot take them, and another
                // project's package could hold classes of the same names.
                problem(pkg.getLine(), 0, "package '" + name + "' is not allowed: rule files use the package "
                        + PACKAGE + " or one under it, as in package " + PACKAGE + ".coretax;");
            } else if (keyword != null) {
                problem(pkg.getLine(), 0, "package '" + name + "' is not allowed: '" + keyword + "' is a Java keyword;"
                        + " choose another name");
            }
        }
        for (ImportDescr imp : pkg.getImports()) {
            String target = imp.getTarget();
            boolean facts = target.equals("pajakdx.facts.*")
                    || target.startsWith("pajakdx.facts.") && FactType.named(target) != null;
            if (!facts) {
                problem(imp.getLine(), imp.getColumn() + 1, "import of '" + target + "' is not allowed: rules use"
                        + " only the fact types of pajakdx.facts (import pajakdx.facts.*;)");
            }
        }
        pkg.getFunctionImports().forEach(f -> refuse(f, "'" + functionImport(f) + "'", "rules hold knowledge, not code"));
        pkg.getAccumulateImports().forEach(a -> refuse(a, "'import accumulate'", "rules hold knowledge, not code"));
        pkg.getFunctions().forEach(f -> refuse(f, "function '" + f.getName() + "'",
                "rules hold knowledge, not Java code; write the test as a condition"));
        pkg.getGlobals().forEach(g -> refuse(g, "global '" + g.getIdentifier() + "'",
                "a diagnosis depends only on the case's facts"));
        pkg.getTypeDeclarations().forEach(t -> refuse(t, "declared type '" + t.getTypeName() + "'",
                "use Finding, Cause, Remedy and AsOf"));
        pkg.getEnumDeclarations().forEach(t -> refuse(t, "declared enum '" + t.getTypeName() + "'",
                "use Finding, Cause, Remedy and AsOf"));
        pkg.getWindowDeclarations().forEach(w -> refuse(w, "window '" + w.getName() + "'",
                "a diagnosis depends only on the case's facts"));
        pkg.getEntryPointDeclarations().forEach(e -> refuse(e, "entry point '" + e.getEntryPointId() + "'",
                "facts come only from the case"));
        for (AttributeDescr a : pkg.getAttributes()) {
            refuse(a, "the file-level attribute '" + a.getName() + "'",
                    "attributes belong to no file; PajakDx rules need none but a rule's own salience");
        }
        if (pkg.getUnit() != null) {
            refuse(pkg.getUnit(), "a rule unit", "rules belong to no unit");
        }
    }

    /**
     * How a refused function import is written: Drools' parser gives {@code import static} and
     * {@code import function} the same descriptor, having told them apart by the token after
     * {@code import}. That token is read here the same way, with Drools' lexer over the
     * descriptor's own text, where comments and spaces are off the token channel (it is refused
     * either way).
     */
    private String functionImport(BaseDescr f) {
        int start = f.getStartCharacter();
        int end = Math.min(f.getEndCharacter() + 1, text.length());
        String keyword = null;
        if (start >= 0 && end > start) {
            org.antlr.runtime.TokenSource lexer = org.drools.drl.parser.DRLFactory.buildLexer(text.substring(start, end),
                    org.kie.internal.builder.conf.LanguageLevelOption.DRL6);
            int tokens = 0;
            for (org.antlr.runtime.Token t = lexer.nextToken(); t.getType() != org.antlr.runtime.Token.EOF && tokens < 2;
                    t = lexer.nextToken()) {
                if (t.getChannel() == org.antlr.runtime.Token.DEFAULT_CHANNEL && ++tokens == 2) {
                    keyword = t.getText();
                }
            }
        }
        return "static".equals(keyword) ? "import static" : "import function";
    }

    private void refuse(BaseDescr where, String what, String why) {
        problem(where.getLine(), where.getColumn() > 0 ? where.getColumn() + 1 : 0, what + " is not allowed: " + why);
    }

    // ---- one rule ----

    private Rule rule(RuleDescr r, String topic) {
        int before = problems.size();
        String name = r.getName();
        if (r.isQuery()) {
            refuse(r, "query '" + name + "'", "rules conclude with insertLogical; read results through the PajakDx API");
            return null;
        }
        if (name.isBlank()) { // a rule must be named in WHY, HOW and the trace
            problem(r.getLine(), 0, "a rule needs a name: rule \"what it concludes\"");
            return null;
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(c -> c == '"' || c == '\\' || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029')) {
            problem(r.getLine(), 0, "rule name '" + abbreviate(name) + "' must be at most " + MAX_NAME
                    + " characters without quotes, backslashes or control characters");
            return null;
        }
        if (r.hasParent()) {
            refuse(r, "rule '" + name + "' extending '" + r.getParentName() + "'", "write each rule whole");
        }
        if (!r.getNamedConsequences().isEmpty()) {
            refuse(r, "rule '" + name + "': named consequences (then[...])", "write one rule per conclusion");
        }
        if (r.getUnit() != null) {
            refuse(r, "rule '" + name + "': a rule unit", "rules belong to no unit");
        }
        Map<String, String> metadata = metadata(r);
        Map<String, Location> metadataAt = new LinkedHashMap<>();
        for (String key : metadata.keySet()) {
            Location where = find(r, "@" + key, 0);
            if (where != null) {
                metadataAt.put(key, where);
            }
        }
        String salience = salience(r);
        if (salience != null) {
            metadata.put("salience", salience);
        }
        ConditionReader conditions = new ConditionReader(file, name, problems);
        Condition lhs = conditions.lhs(r.getLhs());
        String rhs = String.valueOf(r.getConsequence());
        Location rhsAt = rhs.isBlank() ? null : find(r, rhs, 0);
        if (rhsAt == null) {
            rhsAt = new Location(file, r.getConsequenceLine() > 0 ? r.getConsequenceLine() : r.getLine(), 0);
        }
        var conclusions = new ConsequenceReader(file, name, problems).read(rhs, rhsAt);
        if (problems.size() > before || lhs == null) {
            return null;
        }
        return new Rule(name, topic, new Location(file, r.getLine()),
                listOf(metadata.get("relations")), sources(metadata), Map.copyOf(metadata), conclusions, lhs, null,
                Map.copyOf(metadataAt));
    }

    /** The rule's metadata: literal texts only, with names from a short list. */
    private Map<String, String> metadata(RuleDescr r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (AnnotationDescr a : r.getAnnotations()) {
            String name = a.getName();
            if (!METADATA.contains(name)) {
                problem(r.getLine(), 0, "rule '" + r.getName() + "': metadata '@" + name + "' is not known (allowed: @"
                        + String.join(", @", METADATA) + ")");
                continue;
            }
            Map<String, Object> values = a.getValueMap();
            Object value = values.size() == 1 ? values.get("value") : null;
            String literal = value == null ? null : ConstraintReader.stringLiteral(value.toString().strip());
            if (literal == null) {
                problem(r.getLine(), 0, "rule '" + r.getName() + "': metadata '@" + name + "' must hold one quoted"
                        + " text without quotes or backslashes inside, as in @" + name + "(\"IMP-1\")");
                continue;
            }
            out.put(name, literal);
        }
        return out;
    }

    /** The salience, as a whole number in text, or null when none is given. */
    private String salience(RuleDescr r) {
        String out = null;
        for (AttributeDescr a : r.getAttributes().values()) {
            String value = a.getValue() == null ? "" : a.getValue().strip();
            if (a.getName().equals("salience") && value.matches("-?\\d{1,6}")) {
                out = String.valueOf(Integer.parseInt(value));
            } else if (a.getName().equals("salience")) {
                refuse(a.getLine() > 0 ? a : r, "rule '" + r.getName() + "': salience '" + abbreviate(value) + "'",
                        "write a whole number");
            } else {
                refuse(a.getLine() > 0 ? a : r, "rule '" + r.getName() + "': attribute '" + a.getName() + "'",
                        "PajakDx rules conclude with insertLogical and need no attribute but salience"
                                + (a.getName().startsWith("date-") || a.getName().equals("timer")
                                ? "; compare with AsOf(...) instead of the clock" : ""));
            }
        }
        return out;
    }

    private static List<String> sources(Map<String, String> metadata) {
        List<String> out = new ArrayList<>(listOf(metadata.get("source")));
        out.addAll(listOf(metadata.get("sources")));
        return List.copyOf(out);
    }

    /** Reads a metadata value written as {@code "A, B"} into a list. */
    public static List<String> listOf(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : value.split("[,\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return List.copyOf(out);
    }

    private static String abbreviate(String s) {
        return Masking.abbreviate(s.replaceAll("\\s+", " "), 60);
    }

    private void problem(int line, int column, String message) {
        problems.add(Problem.at(file, line, column, message));
    }

    /** Reads the condition tree of one rule (see the class comment of {@link DrlReader}). */
    static final class ConditionReader {
        /** A variable's name as a pattern may bind it. */
        private static final String VARIABLE = "\\$?[A-Za-z_][A-Za-z0-9_]{0,40}";
        private final String file;
        private final String rule;
        private final List<Problem> problems;
        /**
         * The variables a pattern may use where it stands, as Drools scopes them: one bound in the
         * rule's conditions so far, but not inside a {@code not} or {@code exists} that is closed,
         * nor in only some branches of a closed {@code or}.
         */
        private Map<String, Bound> visible = new LinkedHashMap<>();
        /** Variables bound inside a closed not, exists or or, and not visible after it: why, as a message says it. */
        private final Map<String, String> hidden = new LinkedHashMap<>();
        private int patterns;

        /**
         * A variable: the fact type of its pattern (null when the pattern was refused, so that its
         * type is not known), and where it is bound.
         */
        private record Bound(FactType type, int line, int column) {
        }

        ConditionReader(String file, String rule, List<Problem> problems) {
            this.file = file;
            this.rule = rule;
            this.problems = problems;
        }

        Condition lhs(AndDescr root) {
            return element(root, 0);
        }

        private Condition element(BaseDescr d, int depth) {
            if (depth > MAX_DEPTH) {
                refuse(d, "conditions nested more than " + MAX_DEPTH + " levels deep", "flatten the rule");
                return null;
            }
            if (d instanceof PatternDescr p) {
                return pattern(p);
            }
            if (d instanceof AndDescr a) {
                List<Condition> children = children(a.getDescrs(), depth);
                return children == null ? null : children.size() == 1 ? children.get(0) : new Condition.All(children);
            }
            if (d instanceof OrDescr o) {
                return any(o, depth);
            }
            if (d instanceof NotDescr n) {
                Map<String, Bound> outside = new LinkedHashMap<>(visible);
                List<Condition> children = children(n.getDescrs(), depth);
                close(outside, "not");
                return children == null ? null : new Condition.Not(single(children));
            }
            if (d instanceof ExistsDescr e) {
                Map<String, Bound> outside = new LinkedHashMap<>(visible);
                List<Condition> children = children(descrs(e.getDescrs()), depth);
                close(outside, "exists");
                return children == null ? null : new Condition.Exists(single(children));
            }
            refuse(d, "'" + construct(d) + "'", "a condition is a pattern on Finding, AsOf, Cause or Remedy,"
                    + " combined with and, or, not, exists");
            return null;
        }

        /**
         * Drools builds one rule per branch of an {@code or}: a variable is known after it only
         * when every branch binds it to the same fact type (two fact types are a duplicate to Drools).
         */
        private Condition any(OrDescr o, int depth) {
            Map<String, Bound> outside = new LinkedHashMap<>(visible);
            List<Map<String, Bound>> branches = new ArrayList<>();
            List<Condition> out = new ArrayList<>();
            boolean ok = true;
            for (BaseDescr c : o.getDescrs()) {
                visible = new LinkedHashMap<>(outside);
                Condition one = element(c, depth + 1);
                ok &= one != null;
                out.add(one);
                Map<String, Bound> bound = new LinkedHashMap<>(visible);
                bound.keySet().removeAll(outside.keySet());
                branches.add(bound);
            }
            visible = outside;
            Map<String, Bound> first = new LinkedHashMap<>();
            branches.forEach(b -> b.forEach(first::putIfAbsent));
            for (var e : first.entrySet()) {
                String name = e.getKey();
                // A branch whose pattern was refused binds the name to no known type: it differs from none.
                Bound b = branches.stream().map(m -> m.get(name)).filter(x -> x != null && x.type() != null)
                        .findFirst().orElse(e.getValue());
                Bound other = branches.stream().map(m -> m.get(name))
                        .filter(x -> x != null && x.type() != null && x.type() != b.type()).findFirst().orElse(null);
                if (other != null) {
                    problems.add(Problem.at(file, other.line(), other.column(), "rule '" + rule + "': the variable '"
                            + name + "' is bound twice (first at line " + b.line() + "); give each pattern its own"
                            + " variable"));
                    ok = false;
                } else if (branches.stream().allMatch(m -> m.containsKey(name))) {
                    visible.put(name, b);
                } else {
                    hidden.put(name, "'" + name + "' is bound in only some branches of the 'or' at line " + o.getLine()
                            + ", so it is not known after it; bind it in every branch, or before the 'or'");
                }
            }
            return ok ? new Condition.Any(List.copyOf(out)) : null;
        }

        /** Ends a not or exists: what was bound inside it is not known after it. */
        private void close(Map<String, Bound> outside, String keyword) {
            for (var e : visible.entrySet()) {
                if (!outside.containsKey(e.getKey())) {
                    hidden.put(e.getKey(), "'" + e.getKey() + "' is bound inside '" + keyword + "' (line "
                            + e.getValue().line() + ") and is not known outside it; bind it outside the '" + keyword + "'");
                }
            }
            visible = outside;
        }

        /** Drools declares some child lists without a type; they hold descriptors all the same. */
        private static List<BaseDescr> descrs(List<?> raw) {
            List<BaseDescr> out = new ArrayList<>();
            for (Object o : raw) {
                out.add((BaseDescr) o);
            }
            return out;
        }

        private List<Condition> children(List<? extends BaseDescr> descrs, int depth) {
            List<Condition> out = new ArrayList<>();
            boolean ok = true;
            for (BaseDescr c : descrs) {
                Condition one = element(c, depth + 1);
                ok &= one != null;
                out.add(one);
            }
            return ok ? List.copyOf(out) : null;
        }

        private static Condition single(List<Condition> children) {
            return children.size() == 1 ? children.get(0) : new Condition.All(children);
        }

        /** The DRL keyword for a construct that is refused. */
        private static String construct(BaseDescr d) {
            String simple = d.getClass().getSimpleName().replace("Descr", "");
            return switch (simple) {
                case "Eval" -> "eval";
                case "Forall" -> "forall";
                case "Accumulate" -> "accumulate";
                case "Collect" -> "collect";
                case "From" -> "from";
                case "ConditionalBranch" -> "if ... do[...]";
                case "NamedConsequence" -> "do[...]";
                case "GroupBy" -> "groupby";
                default -> simple.toLowerCase(java.util.Locale.ROOT);
            };
        }

        private Condition pattern(PatternDescr p) {
            if (++patterns > MAX_PATTERNS) {
                refuse(p, "more than " + MAX_PATTERNS + " patterns in one rule", "split the rule");
                return refused(p);
            }
            if (p.getObjectType() == null) {
                // Drools reads an OOPath ("/findings[...]") as a pattern of no type whose one
                // constraint is the path.
                String path = p.getDescrs().size() == 1 && p.getDescrs().get(0) instanceof ExprConstraintDescr e
                        && e.getExpression().strip().startsWith("/") ? e.getExpression().strip() : null;
                refuse(p, path != null ? "the OOPath '" + abbreviate(path) + "'" : "a pattern without a fact type",
                        "write a pattern on Finding, AsOf, Cause or Remedy, as in Finding(id == \"some.finding\","
                                + " value == \"yes\")");
                return refused(p);
            }
            FactType type = FactType.named(p.getObjectType());
            if (type == null) {
                String name = abbreviate(String.valueOf(p.getObjectType()));
                problems.add(Problem.at(file, p.getLine(), p.getColumn() + 1, "rule '" + rule + "': unknown fact type '"
                        + name + "'" + pajakdx.text.Suggest.closest(name, List.of("Finding", "AsOf", "Cause", "Remedy"))
                        + "; rules match only Finding, AsOf, Cause and Remedy"));
                return refused(p);
            }
            if (p.getSource() != null) {
                refuse(p, "'" + construct(p.getSource()) + "' on a pattern (" + p.getObjectType() + "(...) from/over ...)",
                        "facts come only from the case");
                return refused(p);
            }
            if (p.isQuery() || p.isUnification() || !p.getBehaviors().isEmpty() || !p.getAnnotations().isEmpty()
                    || !p.getPositionalConstraints().isEmpty()) {
                refuse(p, "this form of pattern (queries, unification ':=', windows, @annotations, positional"
                        + " values)", "write Type(field == \"literal\", ...)");
                return refused(p);
            }
            String binding = p.getIdentifier();
            if (binding != null) {
                if (!binding.matches(VARIABLE)) {
                    refuse(p, "the variable '" + abbreviate(binding) + "'", "name variables like $a");
                    return null;
                }
                Bound first = visible.get(binding);
                if (first != null) {
                    problems.add(Problem.at(file, p.getLine(), p.getColumn() + 1, "rule '" + rule + "': the variable '"
                            + binding + "' is bound twice (first at line " + first.line() + "); give each pattern its"
                            + " own variable"));
                    return null;
                }
                visible.put(binding, new Bound(type, p.getLine(), p.getColumn() + 1));
                hidden.remove(binding);
            }
            Map<String, FactType> known = new LinkedHashMap<>();
            visible.forEach((name, b) -> known.put(name, b.type()));
            ConstraintReader constraints = new ConstraintReader(file, rule, type, known, hidden, problems);
            List<pajakdx.knowledge.Constraint> out = new ArrayList<>();
            for (BaseDescr c : p.getDescrs()) {
                if (!(c instanceof ExprConstraintDescr e) || e.getType() != ExprConstraintDescr.Type.NAMED) {
                    refuse(c, "this constraint", "write field tests such as value == \"x\"");
                    return null;
                }
                var one = constraints.read(e);
                if (one == null) {
                    return null;
                }
                out.add(one);
            }
            return new Condition.Pattern(type, binding, List.copyOf(out),
                    new Location(file, p.getLine(), p.getColumn() + 1));
        }

        /**
         * Null, for a pattern refused before its variable was recorded: the variable is declared all
         * the same, of no known type, so that the branches and tests that use it are not reported
         * again as if it were never bound (the pattern's own error says what is wrong).
         */
        private Condition refused(PatternDescr p) {
            String binding = p.getIdentifier();
            if (binding != null && binding.matches(VARIABLE) && !visible.containsKey(binding)) {
                visible.put(binding, new Bound(null, p.getLine(), p.getColumn() + 1));
                hidden.remove(binding);
            }
            return null;
        }

        private void refuse(BaseDescr where, String what, String why) {
            problems.add(Problem.at(file, where.getLine(), where.getColumn() >= 0 ? where.getColumn() + 1 : 0,
                    "rule '" + rule + "': " + what + " is not allowed: " + why));
        }
    }
}
