package pajakdx.collect;

import pajakdx.text.Suggest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import pajakdx.base.CaseException;
import pajakdx.base.Problem;
import pajakdx.base.Text;
import pajakdx.facts.AsOf;
import pajakdx.facts.Finding;
import pajakdx.facts.FindingType;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.FindingDef;

/**
 * The fact-collection layer: turns a {@link Case} into typed {@link Finding}s and an
 * {@link AsOf}, checking every answer against the vocabulary and recognising raw error texts.
 * Every problem is reported (field by field), not only the first.
 */
public final class FactCollector {
    /** Longest text answer accepted. */
    public static final int MAX_TEXT = 2_000;
    /** Most answers and messages a case may carry. */
    public static final int MAX_ANSWERS = 500;

    // Compiled once: String.matches/replaceFirst would compile them again for every case.
    private static final Pattern WIB_SUFFIX = Pattern.compile("(?i)\\s*WIB$");
    private static final Pattern OFFSET_SUFFIX = Pattern.compile(".*([+-]\\d{2}:\\d{2}|Z)$");

    /** Most allowed values an error lists; past it, only the closest one is named. */
    private static final int MAX_LISTED = 12;

    /** The answer "I do not know", never the same as "no". */
    public static final String UNKNOWN = "unknown";

    private final Catalog catalog;
    private final Clock clock;

    public FactCollector(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Collects the facts of {@code c}, or throws a {@link CaseException} listing every problem. */
    public CollectedFacts collect(CaseInput c) {
        String file = c.where();
        List<Problem> problems = new ArrayList<>();
        List<Text> notes = new ArrayList<>();
        if (c.answers().size() + c.errors().size() > MAX_ANSWERS) {
            throw new CaseException(Problem.at(file, 0, 0, "more than " + MAX_ANSWERS + " findings and messages"));
        }
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (var e : c.answers().entrySet()) {
            try {
                if (e.getKey().equals(Catalog.MESSAGE)) {
                    throw new IllegalArgumentException("'message' is set by the error texts recognised (errors:);"
                            + " it is not answered");
                }
                findings.put(e.getKey(), toFinding(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException ex) {
                problems.add(Problem.inField(file, field(e.getKey()), ex.getMessage()));
            }
        }
        List<String> recognised = new ArrayList<>();
        // Problems come from the messages only when the case states none; each text gives at most
        // one (the table's first row that names one: specific rows come before general ones), and
        // several texts may give several, as a ticket reports several symptoms.
        boolean problemGiven = findings.containsKey(Catalog.PROBLEM) && findings.get(Catalog.PROBLEM).isKnown();
        for (int i = 0; i < c.errors().size(); i++) {
            String message = c.errors().get(i);
            if (message.length() > MAX_TEXT) {
                problems.add(Problem.inField(file, "errors[" + i + "]", "longer than " + MAX_TEXT + " characters"));
                continue;
            }
            boolean problemOfThisText = false;
            for (MessageRecognizer.Match m : MessageRecognizer.recognise(catalog, message)) {
                if (!recognised.contains(m.pattern().id())) {
                    recognised.add(m.pattern().id());
                }
                for (var set : m.pattern().sets().entrySet()) {
                    Finding given = findings.get(set.getKey());
                    if (set.getKey().equals(Catalog.PROBLEM)) {
                        if (problemGiven || problemOfThisText) {
                            continue;
                        }
                        problemOfThisText = true;
                        if (given != null && given.isKnown()) {
                            if (given.is(set.getValue())) {
                                continue;
                            }
                            List<String> all = new ArrayList<>(given.getValues());
                            all.add(set.getValue());
                            findings.put(Catalog.PROBLEM, Finding.ofValues(Catalog.PROBLEM, FindingType.CHOICE, all));
                        } else {
                            findings.put(Catalog.PROBLEM, toFinding(Catalog.PROBLEM, set.getValue()));
                        }
                    } else if (given != null && given.isKnown()) {
                        continue; // an explicit answer wins over what a message suggests
                    } else {
                        findings.put(set.getKey(), toFinding(set.getKey(), set.getValue()));
                    }
                    notes.add(new Text("pesan \"" + abbreviate(message) + "\" dikenali (" + m.pattern().id()
                            + "): " + set.getKey() + " = " + set.getValue(),
                            "message \"" + abbreviate(message) + "\" recognised (" + m.pattern().id() + "): "
                                    + set.getKey() + " = " + set.getValue()));
                }
            }
        }
        Map<String, String> impliedBy = implications(findings, notes);
        if (!recognised.isEmpty()) {
            findings.put(Catalog.MESSAGE, Finding.ofValues(Catalog.MESSAGE, FindingType.CHOICE, recognised));
        }
        AsOf asOf = null;
        boolean assumed = c.asOf() == null;
        try {
            asOf = assumed ? AsOf.ofDate(LocalDate.now(clock.withZone(AsOf.WIB))) : parseAsOf(c.asOf());
        } catch (IllegalArgumentException ex) {
            problems.add(Problem.inField(file, "as_of", ex.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new CaseException(problems);
        }
        return new CollectedFacts(findings, asOf, assumed, notes, impliedBy);
    }

    /**
     * Sets what the answers presuppose ({@code implies:} in the vocabulary), until nothing more
     * follows: an answer about the PIC's name at AHU says the user is the PIC. An answer given
     * explicitly is never overridden; a contradiction is noted. Returns, for each finding set so,
     * the finding whose answer implied it.
     */
    private Map<String, String> implications(Map<String, Finding> findings, List<Text> notes) {
        Map<String, String> impliedBy = new LinkedHashMap<>();
        java.util.Set<String> contradicted = new java.util.HashSet<>();
        boolean changed = true;
        for (int round = 0; changed && round <= catalog.findings().size(); round++) {
            changed = false;
            for (Finding f : List.copyOf(findings.values())) {
                FindingDef def = catalog.findings().get(f.getId());
                if (!f.isKnown() || def == null || f.isMultiple()) {
                    continue;
                }
                for (var e : catalog.impliedBy(def, f.getValue()).entrySet()) {
                    Finding given = findings.get(e.getKey());
                    String because = f.getId() + " = " + f.getValue();
                    String then = e.getKey() + " = " + e.getValue();
                    if (given != null && given.isKnown()) {
                        if (!given.is(e.getValue()) && contradicted.add(because + then)) {
                            notes.add(new Text("jawaban " + ya(because) + " mengandaikan " + ya(then) + ", tetapi "
                                    + e.getKey() + " dijawab " + ya(given.getValue()) + "; jawaban itu yang dipakai",
                                    "the answer " + because + " presupposes " + then + ", but " + e.getKey()
                                            + " was answered " + given.getValue() + "; that answer stands"));
                        }
                        continue;
                    }
                    findings.put(e.getKey(), toFinding(e.getKey(), e.getValue()));
                    impliedBy.put(e.getKey(), f.getId());
                    notes.add(new Text("jawaban " + ya(because) + " mengandaikan " + ya(then),
                            "the answer " + because + " presupposes " + then));
                    changed = true;
                }
            }
        }
        return impliedBy;
    }

    /** yes and no as Indonesian reads them, in a note. */
    private static String ya(String s) {
        return s.replaceAll("= yes$", "= ya").replaceAll("= no$", "= tidak").replaceAll("^yes$", "ya")
                .replaceAll("^no$", "tidak");
    }

    /** Where an answer sits in a case file: the problem and the case's NPWP and NIK are fields of their own. */
    private static String field(String findingId) {
        return findingId.equals(Catalog.PROBLEM) || findingId.equals(Catalog.NPWP) || findingId.equals(Catalog.NIK)
                ? findingId : "findings." + findingId;
    }

    /** Checks one answer against the vocabulary and types it. */
    public Finding toFinding(String id, String raw) {
        FindingDef def = catalog.findings().get(id);
        if (def == null) {
            throw new IllegalArgumentException("unknown finding '" + id + "'" + Suggest.closest(id,
                    catalog.findings().keySet()));
        }
        String v = raw == null ? UNKNOWN : raw.strip();
        if (isUnknown(v)) {
            return Finding.unknown(id, def.type());
        }
        if (v.length() > MAX_TEXT) {
            throw new IllegalArgumentException("longer than " + MAX_TEXT + " characters");
        }
        return switch (def.type()) {
            case YES_NO -> Finding.of(id, FindingType.YES_NO, yesNo(v));
            case CHOICE -> id.equals(Catalog.PROBLEM) ? problems(def, v) : Finding.of(id, FindingType.CHOICE, choice(def, v));
            case TEXT -> Finding.of(id, FindingType.TEXT, v);
            case NUMBER -> Finding.ofNumber(id, number(v));
            case DATE -> {
                LocalDate[] period = period(v);
                yield period != null ? Finding.ofPeriod(id, v, period[0], period[1]) : Finding.ofDate(id, date(v));
            }
            case IDENTIFIER -> {
                Identifiers.Parsed p = Identifiers.parse(v, def.formats());
                yield Finding.ofIdentifier(id, p.digits(), p.format(), true);
            }
        };
    }

    /**
     * The problems of a case: one, or several separated by commas or spaces ({@code "a, b"}), each
     * checked, the same one given twice kept once.
     */
    private Finding problems(FindingDef def, String v) {
        List<String> ids = new ArrayList<>();
        for (String one : separated(v)) {
            if (!one.isEmpty()) {
                String id = choice(def, one);
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no problem given");
        }
        return Finding.ofValues(def.id(), FindingType.CHOICE, ids);
    }

    /** The parts of {@code v} between commas and white space (as {@code split("[,\\s]+")}, without a regex). */
    private static List<String> separated(String v) {
        List<String> out = new ArrayList<>(2);
        int start = 0;
        for (int i = 0; i <= v.length(); i++) {
            if (i == v.length() || v.charAt(i) == ',' || regexSpace(v.charAt(i))) {
                if (i > start) {
                    out.add(v.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** What {@code \\s} matches in a Java regex. */
    private static boolean regexSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /** True for the ways of saying "do not know". */
    public static boolean isUnknown(String v) {
        String t = v.toLowerCase(Locale.ROOT);
        return t.equals("unknown") || t.equals("tidak tahu") || t.equals("tidak-tahu") || t.equals("?")
                || t.equals("tdk tahu") || t.isEmpty();
    }

    private static String yesNo(String v) {
        return switch (spoken(v)) {
            case "yes", "ya", "y", "true", "iya", "benar", "sudah", "ada", "betul", "yup", "ok", "oke" -> "yes";
            case "no", "tidak", "n", "t", "false", "tdk", "bukan", "belum", "tidak ada", "gak", "nggak", "enggak",
                 "ga", "tak" -> "no";
            default -> throw new IllegalArgumentException("'" + abbreviate(v) + "' is not yes or no (ya/tidak,"
                    + " or unknown)");
        };
    }

    private String choice(FindingDef def, String v) {
        // By the value's id, looked up (a rule base of thousands of problems is not scanned per case).
        String known = catalog.valueId(def.id(), v);
        if (known != null) {
            return known;
        }
        for (FindingDef.Value value : def.values()) {
            if (value.id().equalsIgnoreCase(v)) {
                return value.id();
            }
        }
        String said = spoken(v);
        for (FindingDef.Value value : def.values()) {
            if (saysValue(value, said)) {
                return value.id();
            }
        }
        String hint = Suggest.closest(v, def.valueIds());
        if (def.id().equals(Catalog.PROBLEM)) {
            throw new IllegalArgumentException("'" + abbreviate(v) + "' is not a known problem" + hint + "; `pajakdx"
                    + " repl` lists the " + def.valueIds().size() + " problems (command `masalah`)");
        }
        if (def.valueIds().size() > MAX_LISTED) {
            throw new IllegalArgumentException("'" + abbreviate(v) + "' is not one of the " + def.valueIds().size()
                    + " values of " + def.id() + hint + " (or unknown)");
        }
        throw new IllegalArgumentException("'" + abbreviate(v) + "' is not one of " + String.join(", ", def.valueIds())
                + hint + " (or unknown)");
    }

    /**
     * True when {@code said} (see {@link #spoken}) is how the vocabulary shows the value in either
     * language (its label, with or without what it adds in parentheses) or one of its other words
     * ({@code also:}).
     */
    private static boolean saysValue(FindingDef.Value value, String said) {
        for (String label : List.of(value.text().id(), value.text().en())) {
            String l = spoken(label);
            if (l.equals(said) || spoken(label.replaceAll("\\s*\\([^)]*\\)", "")).equals(said)) {
                return true;
            }
        }
        return value.also().stream().anyMatch(a -> spoken(a).equals(said));
    }

    /** Lower case, white space collapsed, quotes and a final full stop dropped: how an answer is compared. */
    private static String spoken(String s) {
        // As replaceAll("[\"'`]", "") then replaceAll("\\s+", " "), strip() and replaceAll("[.!]+$", ""),
        // in one pass: it runs for every answer of every case.
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean inSpace = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                continue;
            }
            if (regexSpace(c)) {
                if (!inSpace) {
                    out.append(' ');
                }
                inSpace = true;
                continue;
            }
            inSpace = false;
            out.append(c);
        }
        String t = out.toString().strip();
        // '$' also matches before a final line terminator, and U+0085 is one that strip() keeps.
        int last = t.endsWith("\u0085") ? t.length() - 1 : t.length();
        int end = last;
        while (end > 0 && (t.charAt(end - 1) == '.' || t.charAt(end - 1) == '!')) {
            end--;
        }
        return t.substring(0, end) + t.substring(last);
    }

    private static long number(String v) {
        String t = v.replace("_", "");
        // Indonesian writing uses '.' for thousands: 1.500 means 1500.
        if (t.matches("\\d{1,3}(\\.\\d{3})+")) {
            t = t.replace(".", "");
        }
        try {
            BigDecimal d = new BigDecimal(t.replace(",", ""));
            if (d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("'" + abbreviate(v) + "' is not a whole number");
            }
            return d.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + abbreviate(v) + "' is not a whole number");
        }
    }

    /**
     * A month ({@code 2025-02}) or a year ({@code 2025}) as its first and last day, or null when
     * {@code v} is neither (a full date, or not a date at all).
     */
    static LocalDate[] period(String v) {
        try {
            if (v.length() == 7 && v.charAt(4) == '-' && digits(v, 0, 4) && digits(v, 5, 7)) {
                java.time.YearMonth m = java.time.YearMonth.of(Integer.parseInt(v, 0, 4, 10), Integer.parseInt(v, 5, 7, 10));
                checkRange(m.atDay(1));
                return new LocalDate[] {m.atDay(1), m.atEndOfMonth()};
            }
            if (v.length() == 4 && digits(v, 0, 4)) {
                LocalDate first = LocalDate.of(Integer.parseInt(v), 1, 1);
                checkRange(first);
                return new LocalDate[] {first, first.withDayOfYear(first.lengthOfYear())};
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + abbreviate(v) + "' is not a date (YYYY-MM-DD, a month YYYY-MM or"
                    + " a year YYYY)");
        }
        return null;
    }

    private static LocalDate date(String v) {
        try {
            LocalDate d = isoDate(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v);
            checkRange(d);
            return d;
        } catch (DateTimeException e) { // parse errors, and instants beyond what java.time holds
            throw new IllegalArgumentException("'" + abbreviate(v) + "' is not a date (YYYY-MM-DD, a month YYYY-MM or"
                    + " a year YYYY)");
        }
    }

    /** Parses an as-of: {@code 2025-02-03}, {@code 2025-02-03T09:30}, {@code 2025-02-03 09:30 WIB}, or with an offset. */
    public static AsOf parseAsOf(String raw) {
        String v = raw.strip();
        if (!v.isEmpty() && !Character.isDigit(v.charAt(v.length() - 1))) {
            v = WIB_SUFFIX.matcher(v).replaceFirst("");
        }
        try {
            LocalDate[] period = period(v);
            if (period != null) {
                return AsOf.ofPeriod(v, period[0], period[1]);
            }
            if (v.length() <= 10) {
                LocalDate d = isoDate(v);
                checkRange(d);
                return AsOf.ofDate(d);
            }
            int space = v.indexOf(' ');
            String iso = space < 0 ? v : v.substring(0, space) + "T" + v.substring(space + 1);
            LocalDateTime t;
            if (OFFSET_SUFFIX.matcher(iso).matches()) {
                t = OffsetDateTime.parse(iso).atZoneSameInstant(AsOf.WIB).toLocalDateTime();
            } else {
                t = LocalDateTime.parse(iso);
            }
            checkRange(t.toLocalDate());
            return new AsOf(t, true);
        } catch (DateTimeException e) { // parse errors, and instants beyond what java.time holds
            throw new IllegalArgumentException("'" + abbreviate(raw) + "' is not a date or date-time"
                    + " (YYYY-MM-DD or YYYY-MM-DDTHH:MM, WIB; a month YYYY-MM or a year YYYY)");
        }
    }

    /**
     * {@code YYYY-MM-DD}, read by hand when it has exactly that shape (the java.time formatter
     * costs about a microsecond, a visible part of a diagnosis); anything else goes to the
     * formatter, so errors read the same. Impossible dates (2025-02-30) fail either way.
     */
    static LocalDate isoDate(String v) {
        if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-'
                && digits(v, 0, 4) && digits(v, 5, 7) && digits(v, 8, 10)) {
            return LocalDate.of(Integer.parseInt(v, 0, 4, 10), Integer.parseInt(v, 5, 7, 10),
                    Integer.parseInt(v, 8, 10, 10));
        }
        return LocalDate.parse(v);
    }

    private static boolean digits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static void checkRange(LocalDate d) {
        if (d.getYear() < 1983 || d.getYear() > 2100) {
            throw new IllegalArgumentException(d + " is out of range (years 1983 to 2100)");
        }
    }

    private static String abbreviate(String s) {
        int cut = pajakdx.text.Masking.safeCut(s, 60);
        return cut < s.length() ? s.substring(0, cut) + "…" : s;
    }
}
