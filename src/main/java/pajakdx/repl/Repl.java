package pajakdx.repl;

import pajakdx.internal.RuleBases;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import pajakdx.Case;
import pajakdx.Consultation;
import pajakdx.DiagnoseOptions;
import pajakdx.Diagnosis;
import pajakdx.base.Lang;
import pajakdx.LiveRuleBase;
import pajakdx.base.PajakDxException;
import pajakdx.base.Problem;
import pajakdx.RuleBase;
import pajakdx.base.RuleFailureException;
import pajakdx.base.Text;
import pajakdx.collect.FactCollector;
import pajakdx.collect.MessageRecognizer;
import pajakdx.text.Suggest;
import pajakdx.collect.ComplaintRecognizer;
import pajakdx.collect.DateWords;
import pajakdx.explain.Evaluator;
import pajakdx.facts.AsOf;
import pajakdx.facts.FindingType;
import pajakdx.knowledge.FindingDef;
import pajakdx.report.RuleTitles;
import pajakdx.text.Masking;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.CauseDef;
import pajakdx.report.DiagnosisText;

/**
 * The consultation REPL: reads commands and answers line by line, keeps one {@link Consultation}
 * (one live Drools session) for the whole session, asks the next useful question after every
 * change, and keeps unsaved work in the recovery file of the home folder. Nothing it runs ends
 * it with a stack trace: every error is one line and the session goes on.
 */
public final class Repl {
    /**
     * How to run.
     *
     * @param lang        output language
     * @param reveal      show NPWP/NIK in full
     * @param home        the PajakDx home folder, or null when it cannot be used
     * @param homeProblem which folder cannot be used and why, or null
     */
    public record Settings(Lang lang, boolean reveal, Path home, String homeProblem) {
    }

    private enum End { QUIT, EOF, INTERRUPT, ENDLESS }

    /** Exit code when the input never ends and is cut: bad input, as in the command line. */
    static final int INPUT_CUT = 2;

    private final LiveRuleBase live;
    private final Consultation consultation;
    private final PrintWriter out;
    private final Views views;
    private final Recovery recovery;
    private final Settings settings;
    private final boolean startedWithCase;
    private final Set<String> skipped = new LinkedHashSet<>();
    private Lang lang;
    private String pending;
    private boolean dirty;
    private Path lastFile;
    private volatile boolean ended;
    /** Gives today, for a case without a date and for words like `kemarin`. */
    private final java.time.Clock clock;
    /** The titles of the rules in use, built when first shown. */
    private RuleTitles titles;
    private RuleBase titlesOf;
    /** The recoverable sessions as last listed: numbers refer to this list; null once taken or dropped. */
    private List<Recovery.Entry> offered = new ArrayList<>();

    /**
     * @param start the case to start from, or null for an empty one
     * @throws PajakDxException when the case does not fit the rules or a rule fails on it
     */
    public Repl(LiveRuleBase live, Case start, Path startFile, Settings settings, PrintWriter out) {
        this(live, start, startFile, settings, out, java.time.Clock.systemUTC());
    }

    /** As above, with the clock that gives today (tests and transcripts pin it). */
    Repl(LiveRuleBase live, Case start, Path startFile, Settings settings, PrintWriter out, java.time.Clock clock) {
        this.live = live;
        this.clock = clock;
        this.settings = settings;
        this.lang = settings.lang();
        this.out = out;
        this.views = new Views(out, () -> lang);
        this.recovery = new Recovery(settings.home());
        this.startedWithCase = start != null;
        this.lastFile = startFile;
        this.consultation = new Consultation(live.current(), start != null ? start : Case.builder(Consultation.DEFAULT_ID)
                .build(), DiagnoseOptions.DEFAULT.withReveal(settings.reveal()).withClock(clock));
    }

    /** What tab completion needs, read at the moment TAB is pressed. */
    Completions completions() {
        return new Completions(() -> new Completions.State(catalog(), pending,
                consultation.currentCase().answers().keySet()));
    }

    /** Runs until quit or end of input; returns the exit code (0; 2 when the input never ends). */
    public int run(LineSource in) {
        greet();
        while (true) {
            out.flush();
            String line;
            try {
                line = in.readLine(prompt());
            } catch (LineSource.Interrupted e) {
                return end(End.INTERRUPT);
            } catch (LineSource.Endless e) {
                views.say(ReplText.ENDLESS_INPUT, PlainLineSource.MAX_ENDLESS);
                return end(End.ENDLESS);
            } catch (RuntimeException e) {
                views.say(ReplText.INTERNAL, describe(e));
                return end(End.EOF);
            }
            if (line == null) {
                return end(End.EOF);
            }
            if (!handle(line)) {
                return end(End.QUIT);
            }
        }
    }

    private String prompt() {
        return pending == null ? "pajakdx> " : lang == Lang.EN ? "answer> " : "jawab> ";
    }

    private Catalog catalog() {
        return RuleBases.of(consultation.rules()).catalog();
    }

    private void greet() {
        views.say(ReplText.WELCOME);
        views.say(ReplText.RULES, summary(consultation.rules()));
        views.say(consultation.asOfAssumed() ? ReplText.AS_OF_ASSUMED : ReplText.AS_OF, consultation.currentCase().asOf());
        if (settings.homeProblem() != null) {
            views.say(ReplText.NO_HOME, settings.homeProblem());
        }
        int running = recovery.running();
        if (running > 0) {
            views.say(ReplText.RUNNING_ELSEWHERE, running);
        }
        offered = new ArrayList<>(recovery.recoverable());
        if (offered.size() == 1) {
            Recovery.Entry e = offered.get(0);
            views.say(ReplText.RECOVERY_FOUND, e.when(), recoverySummary(e), e.file());
        } else if (offered.size() > 1) {
            views.say(ReplText.RECOVERY_LIST, offered.size());
            listOffered();
            views.say(ReplText.RECOVERY_HOW);
        }
        if (startedWithCase) {
            showAfterChange();
        } else {
            askNext();
        }
    }

    /** Known problems listed when the REPL asks for one; with more, `masalah` lists them on demand. */
    private static final int LISTED_PROBLEMS = 12;

    /** At most this many recoverable sessions are listed; the numbers go on past them. */
    private static final int LISTED = 10;

    private void listOffered() {
        int shown = 0;
        for (int i = 0; i < offered.size() && shown < LISTED; i++) {
            Recovery.Entry e = offered.get(i);
            if (e != null) {
                views.say(ReplText.RECOVERY_ITEM, i + 1, e.when(), recoverySummary(e), e.file().getFileName());
                shown++;
            }
        }
        long more = offered.stream().filter(java.util.Objects::nonNull).count() - shown;
        if (more > 0) {
            views.say(ReplText.RECOVERY_MORE, more);
        }
    }

    /** What a recovery file holds, in words: its problem and number of answers, or why it cannot be read. */
    private String recoverySummary(Recovery.Entry e) {
        try {
            Case c = recovery.read(e);
            return String.format(views.t(ReplText.RECOVERY_SUMMARY), c.answers().getOrDefault("problem", "?"),
                    c.answers().size());
        } catch (PajakDxException ex) {
            return String.format(views.t(ReplText.RECOVERY_DAMAGED), ex.getMessage());
        }
    }

    private String summary(RuleBase rules) {
        long topics = RuleBases.of(rules).rules().stream().map(r -> r.topic()).distinct().count();
        String origin = rules.origin().equals("(bundled rules)") ? "(" + views.t(ReplText.BUNDLED) + ")" : rules.origin();
        return String.format(views.t(ReplText.RULES_SUMMARY), RuleBases.of(rules).rules().size(), topics, origin);
    }

    /** The rule titles of the rules in use. */
    private RuleTitles titles() {
        if (titlesOf != consultation.rules()) {
            titlesOf = consultation.rules();
            titles = new RuleTitles(catalog(), RuleBases.of(titlesOf).rules());
        }
        return titles;
    }

    /** Handles one line; false means quit. */
    boolean handle(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return true;
        }
        if (line.length() > PlainLineSource.MAX_LINE) {
            views.say(ReplText.LINE_TOO_LONG, PlainLineSource.MAX_LINE);
            return true;
        }
        views.typed(line);
        try {
            Command.Parsed p = Command.parse(line);
            if (p == null) {
                answerPending(line);
                return true;
            }
            return dispatch(p.command(), p.rest());
        } catch (RuleFailureException e) {
            views.say(ReplText.RULE_FAILED, e.getMessage());
        } catch (PajakDxException e) {
            for (Problem problem : e.problems()) {
                views.error(problem, "");
            }
        } catch (IllegalArgumentException e) {
            views.error(e.getMessage());
        } catch (RuntimeException e) {
            views.say(ReplText.INTERNAL, describe(e));
            if (System.getenv("PAJAKDX_DEBUG") != null) {
                e.printStackTrace(out);
            }
        }
        return true;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " "));
    }

    private boolean dispatch(Command c, String rest) {
        switch (c) {
            case HELP -> views.help();
            case PROBLEM -> problem(rest);
            case ERROR -> message(rest);
            case COMPLAINT -> {
                if (rest.isBlank()) {
                    usage(c);
                } else {
                    intake(Command.unquote(rest), true);
                }
            }
            case NEW -> newCase();
            case CONTINUE -> {
                Case before = consultation.currentCase();
                consultation.explainAway(false);
                views.say(ReplText.CONTINUED);
                changed(before);
            }
            case ANSWER -> {
                String[] fv = Command.idAndValue(rest);
                if (fv != null) {
                    answer(fv[0], fv[1]);
                } else if (pending != null && !rest.isBlank()) {
                    answerPending(rest); // `jawab ya` answers the question being asked
                } else {
                    usage(c);
                }
            }
            case UNSET -> unset(rest);
            case SKIP -> skip();
            case WHY -> why();
            case HOW -> causes(rest, c).forEach(def -> views.how(def, consultation.diagnosis(), catalog(), titles()));
            case WHYNOT -> causes(rest, c).forEach(def -> views.whyNot(def,
                    consultation.diagnosis().cause(def.id()).map(Diagnosis.CauseResult::status).orElse(null),
                    consultation.whyNot(def.id()), titles()));
            case DIAGNOSIS -> diagnosis(rest);
            case WHATIF -> whatIf(rest);
            case FACTS -> views.facts(consultation.currentCase(), consultation.findings(), settings.reveal());
            case ASOF -> {
                if (rest.isEmpty()) {
                    usage(c);
                } else {
                    setAsOf(Command.unquote(rest));
                }
            }
            case LOAD -> load(rest);
            case SAVE -> save(rest);
            case RELOAD -> reload();
            case LANG -> {
                lang = Lang.parse(rest.isEmpty() ? "?" : rest);
                views.say(ReplText.LANGUAGE);
                if (pending != null) {
                    askNext();
                }
            }
            case RESUME -> resume(rest);
            case DISCARD -> discard(rest);
            case QUIT -> {
                return false;
            }
        }
        return true;
    }

    private void usage(Command c) {
        views.say(ReplText.USAGE, c.name(lang), lang == Lang.EN ? Views.englishArgs(c.args()) : c.args());
    }

    // --- the interview ---

    /**
     * A line that is no command: the answer to the question being asked, else text pasted from
     * a ticket (an error text or the user's complaint), else an unknown command.
     */
    private void answerPending(String line) {
        if (pending == null) {
            if (intake(line, false)) {
                return;
            }
            String word = line.split("\\s+")[0];
            List<String> names = Command.allNames().stream().filter(n -> n.length() > 1).toList();
            String hint = Suggest.closest(word.toLowerCase(Locale.ROOT), names);
            if (line.strip().contains(" ") && hint.isEmpty()) {
                views.say(ReplText.TEXT_NOT_RECOGNISED);
            } else {
                views.say(ReplText.UNKNOWN_COMMAND, word, hint);
            }
            return;
        }
        String said = Command.unquote(line);
        if (pending.equals(Evaluator.AS_OF)) {
            if (FactCollector.isUnknown(said)) {
                skip();
            } else {
                setAsOf(said);
            }
            return;
        }
        try {
            answer(pending, listed(pending, said));
        } catch (pajakdx.base.CaseException e) {
            if (intake(line, false)) {
                return;
            }
            for (Problem problem : e.problems()) {
                views.error(problem, " " + views.t(ReplText.NOT_AN_ANSWER));
            }
        }
    }

    /** The value a number stands for in the list of answers shown with the question ({@code 2}: the second). */
    private String listed(String findingId, String said) {
        FindingDef def = catalog().findings().get(findingId);
        if (def != null && (def.type() == FindingType.CHOICE || def.type() == FindingType.YES_NO)
                && said.matches("\\d{1,3}")) {
            int n = Integer.parseInt(said);
            if (n >= 1 && n <= def.valueIds().size()) {
                return def.valueIds().get(n - 1);
            }
        }
        return said;
    }

    private void answer(String findingId, String value) {
        if (findingId.equals(Evaluator.AS_OF)) {
            setAsOf(value);
            return;
        }
        FindingDef def = catalog().findings().get(findingId);
        String v = value;
        if (def != null && def.type() == FindingType.DATE && !FactCollector.isUnknown(v)) {
            String iso = DateWords.relative(v, today());
            v = iso != null ? iso : v;
        }
        Case before = consultation.currentCase();
        consultation.answer(findingId, FactCollector.isUnknown(v) ? Case.UNKNOWN : v);
        skipped.remove(findingId);
        changed(before);
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(AsOf.WIB));
    }

    /** The incident date, as typed: ISO, a month or a year, a month's name, or words like `kemarin`. */
    private void setAsOf(String said) {
        String iso = DateWords.relative(said, today());
        Case before = consultation.currentCase();
        consultation.asOf(iso != null ? iso : said);
        skipped.remove(Evaluator.AS_OF);
        views.say(ReplText.AS_OF_SET, consultation.currentCase().asOf());
        changed(before);
    }

    /**
     * Text from a ticket: the error messages the message table knows and the problems the
     * complaint table names. What is recognised is shown, with how to correct it; returns false
     * (and changes nothing) when nothing is. Problems named by the text join those already given.
     */
    private boolean intake(String text, boolean sayWhenNothing) {
        Catalog cat = catalog();
        List<MessageRecognizer.Match> messages = MessageRecognizer.recognise(cat, text);
        List<String> fromMessages = new ArrayList<>();
        for (MessageRecognizer.Match m : messages) {
            String p = m.pattern().sets().get(Catalog.PROBLEM);
            if (p != null) {
                fromMessages.add(p); // each text gives one problem: the first row naming one
                break;
            }
        }
        List<String> complained = ComplaintRecognizer.problems(cat.complaints(), text);
        if (messages.isEmpty() && complained.isEmpty()) {
            if (sayWhenNothing) {
                views.say(ReplText.TEXT_NOT_RECOGNISED);
            }
            return false;
        }
        Case before = consultation.currentCase();
        List<String> had = problemsNow();
        String when = consultation.asOfAssumed() ? DateWords.findIn(text, today()) : null;
        if (when != null) {
            try {
                consultation.asOf(when);
            } catch (pajakdx.base.CaseException e) {
                when = null; // a date PajakDx does not take (before 1983): the text is still read
            }
        }
        int notesBefore = consultation.notes().size();
        if (!messages.isEmpty()) {
            consultation.addError(text);
        }
        List<String> all = new ArrayList<>(problemsNow());
        List<String> shown = new ArrayList<>();
        for (String p : concat(fromMessages, complained)) {
            if (!all.contains(p)) {
                all.add(p);
            }
            if (!shown.contains(p)) {
                shown.add(p);
            }
        }
        if (!all.equals(problemsNow())) {
            consultation.answer(Catalog.PROBLEM, String.join(", ", all));
        }
        views.say(ReplText.INTAKE_HEADER);
        FindingDef problemDef = cat.findings().get(Catalog.PROBLEM);
        for (String p : shown) {
            if (had.contains(p)) {
                views.say(ReplText.INTAKE_KNOWN, p);
            } else {
                views.say(ReplText.INTAKE_PROBLEM, p, problemDef.valueText(p).map(views::t).orElse(p),
                        views.t(fromMessages.contains(p) ? ReplText.BY_MESSAGE : ReplText.BY_COMPLAINT));
            }
        }
        if (when != null) {
            views.say(ReplText.INTAKE_DATE, when);
        }
        List<Text> notes = consultation.notes();
        for (Text n : notes.subList(Math.min(notesBefore, notes.size()), notes.size())) {
            views.line("  " + (settings.reveal() ? views.t(n) : Masking.maskText(views.t(n))));
        }
        views.say(ReplText.INTAKE_CORRECT);
        changed(before);
        return true;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The problems the case reports now (given, or from a recognised message). */
    private List<String> problemsNow() {
        pajakdx.facts.Finding f = consultation.findings().get(Catalog.PROBLEM);
        return f == null || !f.isKnown() ? List.of() : f.getValues();
    }

    /** Starts a new case: unsaved work is moved aside first, as when a file is opened. */
    private void newCase() {
        setAside();
        consultation.explainAway(true);
        consultation.replaceCase(Case.builder(Consultation.DEFAULT_ID).build());
        skipped.clear();
        lastFile = null;
        dirty = false;
        recovery.release();
        views.say(ReplText.NEW_CASE);
        views.say(ReplText.AS_OF_ASSUMED, consultation.currentCase().asOf());
        askNext();
    }

    private void unset(String rest) {
        String id = Command.unquote(rest);
        if (id.isEmpty()) {
            usage(Command.UNSET);
            return;
        }
        if (!consultation.currentCase().answers().containsKey(id)) {
            views.say(ReplText.NOT_ANSWERED, id);
            return;
        }
        Case before = consultation.currentCase();
        consultation.unset(id);
        changed(before);
    }

    private void skip() {
        if (pending == null) {
            views.say(ReplText.NO_PENDING);
            return;
        }
        skipped.add(pending);
        askNext();
    }

    private void problem(String rest) {
        String arg = Command.unquote(rest);
        if (arg.isEmpty()) {
            views.problems(catalog());
            return;
        }
        List<String> ids = catalog().findings().get(Catalog.PROBLEM).valueIds();
        String[] words = arg.split("[,\\s]+");
        boolean relative = java.util.Arrays.stream(words).allMatch(w -> w.startsWith("+") || w.startsWith("-"));
        List<String> result = new ArrayList<>(relative ? problemsNow() : List.of());
        for (String word : words) {
            boolean drop = relative && word.startsWith("-");
            String one = relative ? word.substring(1) : word;
            if (one.matches("\\d{1,4}") && Integer.parseInt(one) >= 1 && Integer.parseInt(one) <= ids.size()) {
                one = ids.get(Integer.parseInt(one) - 1);
            }
            String given = one;
            String id = ids.stream().filter(x -> x.equalsIgnoreCase(given)).findFirst().orElse(null);
            if (id == null) {
                views.say(ReplText.UNKNOWN_PROBLEM, one, Suggest.closest(one, ids));
                return;
            }
            if (drop) {
                result.remove(id);
            } else if (!result.contains(id)) {
                result.add(id);
            }
        }
        if (result.isEmpty()) {
            Case before = consultation.currentCase();
            consultation.unset(Catalog.PROBLEM);
            changed(before);
            return;
        }
        answer(Catalog.PROBLEM, String.join(", ", result));
    }

    private void message(String rest) {
        String text = Command.unquote(rest);
        if (text.isEmpty()) {
            usage(Command.ERROR);
            return;
        }
        Case previous = consultation.currentCase();
        int before = consultation.notes().size();
        consultation.addError(text);
        List<Text> fresh = consultation.notes().subList(Math.min(before, consultation.notes().size()),
                consultation.notes().size());
        if (MessageRecognizer.recognise(catalog(), text).isEmpty()) {
            views.say(ReplText.MESSAGE_NOT_RECOGNISED);
        } else if (fresh.isEmpty()) {
            views.say(ReplText.MESSAGE_OVERRIDDEN);
        } else {
            views.say(ReplText.MESSAGE_RECOGNISED);
            fresh.forEach(n -> views.line("  " + (settings.reveal() ? views.t(n) : Masking.maskText(views.t(n)))));
        }
        changed(previous);
    }

    /**
     * After a command that may change the case: when it did, keep it for recovery; then show
     * the diagnosis and ask the next question. Re-giving the same answer changes nothing.
     */
    private void changed(Case before) {
        if (!sameCase(before, consultation.currentCase())) {
            dirty = true;
            keep();
        }
        showAfterChange();
    }

    private static boolean sameCase(Case a, Case b) {
        return a.answers().equals(b.answers()) && a.errors().equals(b.errors())
                && java.util.Objects.equals(a.asOf(), b.asOf());
    }

    private void showAfterChange() {
        if (hasProblem()) {
            views.brief(consultation.diagnosis(), catalog());
        }
        askNext();
    }

    private boolean hasProblem() {
        return consultation.findings().containsKey(Catalog.PROBLEM);
    }

    private void askNext() {
        if (!hasProblem()) {
            pending = null;
            views.say(ReplText.STATE_PROBLEM);
            int known = catalog().findings().get(Catalog.PROBLEM).valueIds().size();
            if (known <= LISTED_PROBLEMS) {
                views.problems(catalog());
            } else {
                views.say(ReplText.PROBLEMS_HOW, known);
            }
            return;
        }
        Diagnosis d = consultation.diagnosis();
        Diagnosis.Question next = d.questions().stream()
                .filter(q -> !q.answeredUnknown() && !skipped.contains(q.finding())).findFirst().orElse(null);
        if (next == null) {
            pending = null;
            views.say(ReplText.NO_MORE_QUESTIONS);
            List<String> open = d.questions().stream().map(Diagnosis.Question::finding).filter(skipped::contains).toList();
            if (!open.isEmpty()) {
                views.say(ReplText.SKIPPED, String.join(", ", open));
            }
            return;
        }
        pending = next.finding();
        views.question(next, catalog().findings().get(next.finding()));
    }

    private void why() {
        Diagnosis.Question q = pending == null ? null : consultation.diagnosis().questions().stream()
                .filter(x -> x.finding().equals(pending)).findFirst().orElse(null);
        if (q == null) {
            views.say(ReplText.NO_PENDING);
            return;
        }
        views.why(q, consultation.diagnosis(), consultation.rules(), titles());
    }

    /** The causes {@code arg} names: a cause id, or a relation id (any case). */
    private List<CauseDef> causes(String rest, Command c) {
        String arg = Command.unquote(rest);
        if (arg.isEmpty()) {
            usage(c);
            return List.of();
        }
        CauseDef direct = catalog().causes().get(arg);
        if (direct != null) {
            return List.of(direct);
        }
        List<CauseDef> byRelation = catalog().causesOfRelation(arg.toUpperCase(Locale.ROOT));
        if (byRelation.isEmpty()) {
            Set<String> names = new LinkedHashSet<>(catalog().causes().keySet());
            catalog().causes().values().forEach(d -> names.addAll(d.relations()));
            throw new IllegalArgumentException(String.format(views.t(ReplText.UNKNOWN_CAUSE), arg,
                    Suggest.closest(arg, names)));
        }
        return byRelation;
    }

    private void diagnosis(String rest) {
        Diagnosis d = consultation.diagnosis();
        if (rest.strip().equalsIgnoreCase("json")) {
            views.line(d.withoutWhyNot().toJson()); // as diagnose --json; WHY NOT has its own command
        } else {
            out.print(new DiagnosisText(catalog(), RuleBases.of(consultation.rules()).rules(), lang).render(d));
        }
    }

    private void whatIf(String rest) {
        String[] fv = Command.idAndValue(rest);
        if (fv == null) {
            usage(Command.WHATIF);
            return;
        }
        String value = FactCollector.isUnknown(fv[1]) ? Case.UNKNOWN : fv[1];
        Diagnosis after = consultation.whatIf(fv[0], value);
        views.diff(fv[0], settings.reveal() ? new Views.Revealed(value) : value,
                DiagnosisDiff.between(consultation.diagnosis(), after), catalog());
    }

    // --- files, recovery, rules ---

    private static Path path(String arg) {
        String p = Command.unquote(arg);
        if (p.equals("~") || p.startsWith("~/")) {
            p = System.getProperty("user.home") + p.substring(1);
        }
        return Path.of(p);
    }

    private void load(String rest) {
        if (rest.isEmpty()) {
            usage(Command.LOAD);
            return;
        }
        Path file = path(rest);
        Case c = Case.read(file);
        setAside();
        consultation.replaceCase(c);
        skipped.clear();
        lastFile = file;
        dirty = false;
        recovery.release();
        views.say(ReplText.LOADED, file);
        showAfterChange();
    }

    private void save(String rest) {
        if (rest.isEmpty() && lastFile == null) {
            usage(Command.SAVE);
            return;
        }
        Path file = rest.isEmpty() ? lastFile : path(rest);
        Case c = consultation.currentCase();
        if (c.id().equals(Consultation.DEFAULT_ID)) {
            String name = file.getFileName() == null ? Consultation.DEFAULT_ID : file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            c = CaseFile.withId(c, dot > 0 ? name.substring(0, dot) : name);
        }
        CaseFile.write(c, file);
        if (!c.id().equals(consultation.currentCase().id())) {
            consultation.replaceCase(c);
        }
        lastFile = file;
        dirty = false;
        recovery.release();
        views.say(ReplText.SAVED, file);
    }

    /** Keeps the case in this session's recovery file. */
    private boolean keep() {
        try {
            recovery.keep(consultation.currentCase());
            return recovery.keepsOurs();
        } catch (IOException | PajakDxException e) {
            views.say(ReplText.CANNOT_KEEP, e.getMessage());
            return false;
        }
    }

    /** Before replacing unsaved work: move its recovery file aside so that work stays loadable. */
    private void setAside() {
        if (!dirty) {
            return;
        }
        try {
            Path moved = recovery.setAside();
            if (moved != null) {
                views.say(ReplText.ARCHIVED, moved);
            }
        } catch (IOException e) {
            views.say(ReplText.CANNOT_KEEP, e.getMessage());
        }
    }

    /**
     * Continues a session that ended unsaved: its case becomes this session's (kept in this
     * session's file first, then the old file is removed, so the work is always in some file).
     */
    private void resume(String rest) {
        int n = chosen(rest, Command.RESUME);
        if (n < 0) {
            return;
        }
        Recovery.Entry e = offered.get(n);
        Case c = recovery.read(e);
        setAside();
        consultation.replaceCase(c);
        dirty = true;
        skipped.clear();
        if (keep()) {
            recovery.taken(e);
            offered.set(n, null);
        }
        views.say(ReplText.RESUMED, c.answers().size());
        showAfterChange();
    }

    private void discard(String rest) {
        int n = chosen(rest, Command.DISCARD);
        if (n < 0) {
            return;
        }
        recovery.discard(offered.get(n));
        offered.set(n, null);
        views.say(ReplText.DISCARDED);
    }

    /**
     * The index in {@link #offered} of the session {@code rest} names (its number in the listing;
     * without one, the newest, or for discard the only one), or -1 after saying why there is none.
     */
    private int chosen(String rest, Command c) {
        if (offered.stream().allMatch(java.util.Objects::isNull)) {
            offered = new ArrayList<>(recovery.recoverable()); // sessions may have ended meanwhile
        }
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            if (offered.get(i) != null) {
                open.add(i);
            }
        }
        if (open.isEmpty()) {
            views.say(ReplText.NO_RECOVERY);
            return -1;
        }
        String arg = Command.unquote(rest);
        if (arg.isEmpty()) {
            if (c == Command.RESUME || open.size() == 1) {
                return open.get(0);
            }
            views.say(ReplText.WHICH_SESSION, open.size(), c.name(lang));
            listOffered();
            return -1;
        }
        int n = arg.matches("\\d{1,6}") ? Integer.parseInt(arg) : -1;
        if (n < 1 || n > offered.size() || offered.get(n - 1) == null) {
            views.say(ReplText.NO_SUCH_SESSION, arg, c.name(lang));
            return -1;
        }
        return n - 1;
    }

    private void reload() {
        List<Problem> problems = live.reload();
        if (!problems.isEmpty()) {
            views.say(ReplText.RELOAD_FAILED);
            problems.forEach(p -> views.line("  " + views.said(p)));
            return;
        }
        try {
            consultation.useRules(live.current());
        } catch (PajakDxException e) {
            views.say(ReplText.RELOAD_CASE_FAILED);
            e.problems().forEach(p -> views.line("  " + views.said(p)));
            return;
        }
        views.say(ReplText.RELOADED, summary(consultation.rules()));
        showAfterChange();
    }

    /**
     * The JVM is going down on a signal (Ctrl-C without a terminal, a kill) while the session
     * runs: the recovery file is already up to date, so only say where the work is.
     */
    public void onSignal() {
        if (ended) {
            return;
        }
        ended = true;
        views.say(ReplText.INTERRUPTED);
        if (dirty && recovery.keepsOurs()) {
            views.say(ReplText.KEPT, recovery.file());
        }
        out.flush();
    }

    private int end(End how) {
        ended = true;
        if (how == End.INTERRUPT) {
            views.say(ReplText.INTERRUPTED);
        }
        if (dirty && keep()) {
            views.say(ReplText.KEPT, recovery.file());
        } else if (!dirty) {
            recovery.release();
        }
        recovery.close();
        views.say(ReplText.BYE);
        out.flush();
        consultation.close();
        return how == End.ENDLESS ? INPUT_CUT : 0;
    }
}
