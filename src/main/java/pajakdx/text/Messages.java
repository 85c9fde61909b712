package pajakdx.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages PajakDx gives users about their input (answers, case files, saved files, rule
 * failures), in English as the library and its JSON give them, and in Indonesian for the REPL and
 * the text reports in that language. A message keeps one form everywhere it travels (exceptions,
 * {@code Problem}, the service); {@link #indonesian(String)} reads the English one back against
 * this table and says it again in Indonesian, so no caller has to carry two texts.
 *
 * <p>In a template, {@code {}} stands for a value shown as it is (a quoted answer, a number, a
 * file), {@code {t}} for a part that is itself a message of this table (or words of
 * {@link #WORDS}), said in Indonesian too. The table is also the English "bundle" the tests search
 * Indonesian output for.
 */
public final class Messages {
    /** One message in both languages. */
    public record Entry(String en, String id) {
    }

    /** Every message, English and Indonesian. */
    public static final List<Entry> ALL = List.of(
            // answers and case files (collect, Case, doc)
            new Entry("more than {} findings and messages", "lebih dari {} temuan dan pesan"),
            new Entry("'message' is set by the error texts recognised (errors:); it is not answered",
                    "'message' diisi dari pesan galat yang dikenali (errors:); tidak dijawab"),
            new Entry("unknown finding '{}'{t}", "temuan tidak dikenal '{}'{t}"),
            new Entry(" (did you mean '{}'?)", " (maksud Anda '{}'?)"),
            new Entry("longer than {} characters", "lebih dari {} karakter"),
            new Entry("no problem given", "masalahnya tidak disebutkan"),
            new Entry("'{}' is not yes or no (ya/tidak, or unknown)", "'{}' bukan ya atau tidak (atau tidak tahu)"),
            new Entry("'{}' is not a known problem{t}; `pajakdx repl` lists the {} problems (command `masalah`)",
                    "'{}' bukan masalah yang dikenal{t}; `pajakdx repl` menampilkan daftar {} masalah (perintah"
                    + " `masalah`)"),
            new Entry("'{}' is not one of the {} values of {}{t} (or unknown)",
                    "'{}' bukan salah satu dari {} nilai {}{t} (atau tidak tahu)"),
            new Entry("'{}' is not one of {}{t} (or unknown)", "'{}' bukan salah satu dari {}{t} (atau tidak tahu)"),
            new Entry("'{}' is not a whole number", "'{}' bukan bilangan bulat"),
            new Entry("'{}' is not a date (YYYY-MM-DD, a month YYYY-MM or a year YYYY)",
                    "'{}' bukan tanggal (YYYY-MM-DD, bulan YYYY-MM atau tahun YYYY)"),
            new Entry("'{}' is not a date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM, WIB; a month YYYY-MM or a year"
                    + " YYYY)", "'{}' bukan tanggal atau tanggal-jam (YYYY-MM-DD atau YYYY-MM-DDTHH:MM, WIB; bulan"
                    + " YYYY-MM atau tahun YYYY)"),
            new Entry("{} is out of range (years 1983 to 2100)", "{} di luar rentang (tahun 1983 sampai 2100)"),
            new Entry("a {t} is not accepted here; expected {t}", "{t} tidak diterima di sini; yang diharapkan {t}"),
            new Entry("{t}; expected {t}", "{t}; yang diharapkan {t}"),
            new Entry("{} digits is not an identifier PajakDx knows; expected {t}",
                    "{} digit bukan nomor identitas yang dikenal PajakDx; yang diharapkan {t}"),
            new Entry("'' is empty", "'' kosong"),
            new Entry("contains digits that are not 0-9 (such as Arabic-Indic digits); type the number with 0-9",
                    "memuat angka selain 0-9 (misalnya angka Arab-India); ketik nomornya dengan 0-9"),
            new Entry("'{}' contains letters", "'{}' memuat huruf"),
            new Entry("'{}' has separators in the wrong places", "'{}' memuat pemisah di tempat yang salah"),
            new Entry("'{}' contains characters other than digits and separators",
                    "'{}' memuat karakter selain angka dan pemisah"),
            new Entry("is a folder, not a case file", "adalah folder, bukan berkas kasus"),
            new Entry("is not a regular file (a device or pipe?)", "bukan berkas biasa (perangkat atau pipa?)"),
            new Entry("no such file", "berkas tidak ada"),
            new Entry("cannot read: permission denied", "tidak dapat dibaca: izin ditolak"),
            new Entry("larger than the limit of {} characters", "lebih besar dari batas {} karakter"),
            new Entry("is UTF-16 text; save it as UTF-8", "berisi teks UTF-16; simpan sebagai UTF-8"),
            new Entry("not UTF-8 text (byte {})", "bukan teks UTF-8 (byte {})"),
            new Entry("unknown field '{}' (allowed: {})", "isian tidak dikenal '{}' (yang boleh: {})"),
            new Entry("unknown field (not shown: not a field name) (allowed: {})",
                    "isian tidak dikenal (tidak ditampilkan: bukan nama isian) (yang boleh: {})"),
            new Entry("missing field '{}'", "isian '{}' tidak ada"),
            new Entry("a finding's value must be a single value, not a {}", "nilai temuan harus satu nilai, bukan {}"),
            new Entry("'{}' is given twice (as a field of its own and in findings)",
                    "'{}' diberikan dua kali (sebagai isian sendiri dan di findings)"),
            new Entry("expected a text for '{}', found {t}", "'{}' harus berupa teks, ternyata {t}"),
            new Entry("expected a list of texts, found {t}", "seharusnya daftar teks, ternyata {t}"),
            new Entry("unknown language '{}' (id, en)", "bahasa tidak dikenal '{}' (id, en)"),
            // saving a case (repl)
            new Entry("no such folder: {}", "folder tidak ada: {}"),
            new Entry("cannot write: permission denied", "tidak dapat ditulis: izin ditolak"),
            new Entry("is a folder, not a file", "adalah folder, bukan berkas"),
            new Entry("is a symbolic link; a case is saved only to a regular file or a new path, so the link and what it"
                    + " points to are left as they are", "adalah tautan simbolik; kasus hanya disimpan ke berkas biasa"
                    + " atau lokasi baru, jadi tautan itu dan tujuannya dibiarkan apa adanya"),
            new Entry("is not a regular file (a pipe or a device?); a case is saved only to a regular file or a new"
                    + " path, so it is left as it is", "bukan berkas biasa (pipa atau perangkat?); kasus hanya disimpan"
                    + " ke berkas biasa atau lokasi baru, jadi berkas itu dibiarkan apa adanya"),
            new Entry("appeared while the case was being saved; it was left as it is, save again",
                    "muncul saat kasus sedang disimpan; dibiarkan apa adanya, simpan lagi"),
            new Entry("cannot write: {}", "tidak dapat ditulis: {}"),
            new Entry("cannot read: {}", "tidak dapat dibaca: {}"),
            // rules that fail while diagnosing (engine)
            new Entry("rule '{}' failed: {}", "aturan '{}' gagal: {}"),
            new Entry("rule '{}' failed while matching: {}", "aturan '{}' gagal saat dicocokkan: {}"),
            new Entry("a rule failed while matching: {}", "sebuah aturan gagal saat dicocokkan: {}"),
            new Entry(" (with {t})", " (bersama {t})"),
            new Entry("rules kept firing past the limit of {} firings: rule '{}' fired {} times{t}; it probably loops"
                    + " (a conclusion that undoes its own condition)", "aturan terus menyala melewati batas {} kali:"
                    + " aturan '{}' menyala {} kali{t}; kemungkinan berputar tanpa akhir (kesimpulan yang membatalkan"
                    + " syaratnya sendiri)"),
            new Entry("rules ran past the time limit of {} ms after {} firings; stopped before rule '{}' fired again (it"
                    + " fired {} times)", "aturan berjalan melewati batas waktu {} ms setelah {} kali menyala; dihentikan"
                    + " sebelum aturan '{}' menyala lagi (sudah {} kali)"),
            new Entry("rules recursed too deeply", "aturan bersarang terlalu dalam"),
            // the command line (cli, batch, verify, service settings)
            new Entry("bad usage", "pemakaian salah"),
            new Entry("out of memory ({}): the Java heap, at most {} MB here, is too small for PajakDx; give it more,"
                    + " e.g. PAJAKDX_JAVA_OPTS=-Xmx512m ./pajakdx ..., or java -Xmx512m -jar target/pajakdx.jar ...",
                    "memori habis ({}): heap Java, paling besar {} MB di sini, terlalu kecil untuk PajakDx; beri lebih"
                    + " banyak, mis. PAJAKDX_JAVA_OPTS=-Xmx512m ./pajakdx ..., atau java -Xmx512m -jar"
                    + " target/pajakdx.jar ..."),
            new Entry("--threads: must be between 1 and 256, not {}", "--threads: harus antara 1 dan 256, bukan {}"),
            new Entry("--min-words must be at least 3", "--min-words paling sedikit 3"),
            new Entry("--min-coverage must be a percentage from 0 to 100, not {}",
                    "--min-coverage harus persentase dari 0 sampai 100, bukan {}"),
            new Entry("no ./facts folder; the cases column stays empty (give --facts DIR)",
                    "folder ./facts tidak ada; kolom kasus dibiarkan kosong (beri --facts DIR)"),
            new Entry("case not counted", "kasus tidak dihitung"),
            new Entry("no such facts folder", "folder kasus (facts) tidak ada"),
            new Entry("line longer than the limit of {} characters", "baris lebih panjang dari batas {} karakter"),
            new Entry("a line with no end within {} characters (a device or an endless stream?); reading stopped here",
                    "baris yang tidak berakhir dalam {} karakter (perangkat atau aliran tanpa akhir?); pembacaan"
                    + " dihentikan di sini"),
            new Entry("more than {} blank lines in a row (a device or an endless stream?); reading stopped here",
                    "lebih dari {} baris kosong berturut-turut (perangkat atau aliran tanpa akhir?); pembacaan"
                    + " dihentikan di sini"),
            new Entry("{}: no such file or folder", "{}: berkas atau folder tidak ada"),
            new Entry("is not a regular file (a folder, a device or a pipe?); an argument file (@FILE) must be a text"
                    + " file", "bukan berkas biasa (folder, perangkat atau pipa?); berkas argumen (@FILE) harus berupa"
                    + " berkas teks"),
            new Entry("the reload token file is empty", "berkas token reload kosong"),
            new Entry("cannot listen on {}: {}", "tidak dapat mendengarkan di {}: {}"),
            new Entry("port must be between 0 and 65535, not {}", "port harus antara 0 dan 65535, bukan {}"),
            new Entry("limits must be positive", "batas harus bilangan positif"),
            new Entry("durations must be positive", "durasi harus bilangan positif"),
            // picocli's usage errors, as picocli 4 words them
            new Entry("Unknown option: {}", "opsi tidak dikenal: {}"),
            new Entry("Unknown options: {}", "opsi tidak dikenal: {}"),
            new Entry("Unmatched argument at index {}: {}", "argumen tidak terduga di posisi {}: {}"),
            new Entry("Unmatched arguments from index {}: {}", "argumen tidak terduga mulai posisi {}: {}"),
            new Entry("Missing required parameter: {}", "parameter wajib tidak diberikan: {}"),
            new Entry("Missing required parameters: {}", "parameter wajib tidak diberikan: {}"),
            new Entry("Missing required option: {}", "opsi wajib tidak diberikan: {}"),
            new Entry("Missing required options: {}", "opsi wajib tidak diberikan: {}"),
            new Entry("Missing required parameter for option '{}' ({})", "opsi '{}' memerlukan nilai ({})"),
            new Entry("Expected parameter for option '{}' but found '{}'",
                    "opsi '{}' memerlukan nilai, tetapi yang ditemukan '{}'"),
            new Entry("Invalid value for option '{}': '{}' is not an int",
                    "nilai tidak sah untuk opsi '{}': '{}' bukan bilangan bulat"),
            new Entry("Invalid value for option '{}': '{}' is not a double",
                    "nilai tidak sah untuk opsi '{}': '{}' bukan bilangan"),
            new Entry("Invalid value for option '{}': '{}' is not a number",
                    "nilai tidak sah untuk opsi '{}': '{}' bukan bilangan"),
            new Entry("Invalid value for option '{}': '{}' is not a long",
                    "nilai tidak sah untuk opsi '{}': '{}' bukan bilangan bulat"),
            new Entry("Invalid value for option '{}': cannot convert '{}' to {} ({t})",
                    "nilai tidak sah untuk opsi '{}': '{}' tidak dapat dibaca sebagai {} ({t})"),
            new Entry("Invalid value for option '{}': {t}", "nilai tidak sah untuk opsi '{}': {t}"),
            new Entry("option '{}' ({}) should be specified only once", "opsi '{}' ({}) hanya boleh diberikan sekali"),
            new Entry("Error: {} are mutually exclusive (specify only one)",
                    "{} tidak dapat dipakai bersamaan (pilih salah satu)"),
            new Entry("Possible solutions: {}", "Mungkin yang dimaksud: {}"),
            new Entry("Did you mean: {}?", "Maksud Anda: {}?"),
            new Entry("Did you mean: {} or {}?", "Maksud Anda: {} atau {}?"),
            new Entry("Unknown subcommand '{}'.", "perintah tidak dikenal '{}'."));

    /** Words inside messages that are not messages themselves: kinds of identifiers, their forms. */
    static final List<Entry> WORDS = List.of(
            new Entry("NPWP 15 digits (plain or dotted as xx.xxx.xxx.x-xxx.xxx)",
                    "NPWP 15 digit (polos atau bertitik xx.xxx.xxx.x-xxx.xxx)"),
            new Entry("NPWP 16 digits", "NPWP 16 digit"),
            new Entry("NIK 16 digits", "NIK 16 digit"),
            new Entry("NITKU 22 digits", "NITKU 22 digit"),
            new Entry("15-digit NPWP", "NPWP 15 digit"),
            new Entry("16-digit NPWP", "NPWP 16 digit"),
            new Entry(", or ", ", atau "),
            new Entry(" times", " kali"),
            new Entry(" or ", " atau "));

    /**
     * An entry ready to match: its regex, and its fixed pieces (before the first hole, between
     * holes, after the last), which a message must hold in that order for the regex to be tried.
     * Most messages are told apart by the pieces alone, so the regexes, whose holes backtrack over
     * a long quoted value, run for one or two entries instead of every one.
     */
    private record Compiled(Entry entry, LazyPattern pattern, List<Boolean> translated, int literal,
            List<String> pieces) {
        boolean mayMatch(String message) {
            String first = pieces.get(0);
            String last = pieces.get(pieces.size() - 1);
            if (message.length() < literal || !message.startsWith(first) || !message.endsWith(last)) {
                return false;
            }
            int at = first.length();
            int end = message.length() - (pieces.size() > 1 ? last.length() : 0);
            for (int i = 1; i < pieces.size() - 1; i++) {
                at = message.indexOf(pieces.get(i), at);
                if (at < 0 || at + pieces.get(i).length() > end) {
                    return false;
                }
                at += pieces.get(i).length();
            }
            return true;
        }
    }

    /**
     * A regex compiled the first time it is tried: a run says one or two messages, and compiling
     * all 350 at once cost a command that failed on a missing file about 30 ms.
     */
    private static final class LazyPattern {
        private final String regex;
        private volatile Pattern compiled;

        LazyPattern(String regex) {
            this.regex = regex;
        }

        Pattern get() {
            Pattern p = compiled;
            if (p == null) {
                p = Pattern.compile(regex, Pattern.DOTALL); // compiled twice at worst, the same both times
                compiled = p;
            }
            return p;
        }
    }

    private static final Pattern HOLE = Pattern.compile("\\{t?\\}");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    private static final List<Compiled> TABLE = compile();

    private Messages() {
    }

    private static List<Compiled> compile() {
        List<Compiled> out = new ArrayList<>();
        Pattern hole = HOLE;
        List<Entry> all = new ArrayList<>(ALL);
        all.addAll(RuleMessages.ALL);
        for (Entry e : all) {
            StringBuilder regex = new StringBuilder("^");
            List<Boolean> translated = new ArrayList<>();
            List<String> pieces = new ArrayList<>();
            Matcher m = hole.matcher(e.en());
            int last = 0;
            int literal = 0;
            while (m.find()) {
                regex.append(Pattern.quote(e.en().substring(last, m.start()))).append("(.*?)");
                pieces.add(e.en().substring(last, m.start()));
                literal += m.start() - last;
                translated.add(m.group().equals("{t}"));
                last = m.end();
            }
            regex.append(Pattern.quote(e.en().substring(last))).append('$');
            pieces.add(e.en().substring(last));
            literal += e.en().length() - last;
            out.add(new Compiled(e, new LazyPattern(regex.toString()), translated, literal,
                    List.copyOf(pieces)));
        }
        // Messages that begin with fixed text first (a message that starts with a hole, such as
        // "{t}; expected {t}", would otherwise split one at a '; expected' quoted inside it); then
        // the most specific (most fixed text) first, so that a general message never takes a specific one.
        out.sort(Comparator.comparingInt((Compiled c) -> c.pieces().get(0).isEmpty() ? 1 : 0)
                .thenComparingInt(c -> -c.literal()));
        return List.copyOf(out);
    }

    /**
     * {@code message} in Indonesian when it is one of the table's messages (with the values it
     * carries put back in), else as it is.
     */
    public static String indonesian(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String said = say(message, 0, null);
        return said != null ? said : message;
    }

    /**
     * What of {@code message} stays English: the parts that no entry says (the message itself
     * when no entry matches it), lists of identifier kinds and quoted values left out. For tests
     * that hold real messages against the table.
     */
    static List<String> unsaid(String message) {
        List<String> out = new ArrayList<>();
        if (say(message, 0, out) == null) {
            return List.of(message);
        }
        return out;
    }

    /** The message said in Indonesian, or null when no message of the table reads like it. */
    private static String say(String message, int depth, List<String> unsaid) {
        if (depth > 4) {
            return null;
        }
        for (Compiled c : TABLE) {
            if (!c.mayMatch(message)) {
                continue;
            }
            Matcher m = c.pattern().get().matcher(message);
            if (!m.matches()) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < m.groupCount(); i++) {
                String v = m.group(i + 1);
                values.add(c.translated().get(i) ? part(v, depth, unsaid) : v);
            }
            return fill(c.entry().id(), values);
        }
        return null;
    }

    /** A part that is a message of its own, or words of {@link #WORDS}. */
    private static String part(String text, int depth, List<String> unsaid) {
        if (text.isEmpty()) {
            return text;
        }
        String said = say(text, depth + 1, unsaid);
        if (said != null) {
            return said;
        }
        // Words only where the part is made of them (a list of identifier kinds), never inside a
        // text no message matched: that may be a quoted name or code, to be shown as it is.
        String rest = QUOTED.matcher(text).replaceAll("");
        for (Entry w : WORDS) {
            rest = rest.replace(w.en(), "");
        }
        if (!rest.chars().allMatch(c -> c == ',' || Character.isWhitespace(c))) {
            if (unsaid != null) {
                unsaid.add(text);
            }
            return text;
        }
        StringBuilder out = new StringBuilder(); // quoted values as they are, the words between them said
        Matcher quoted = QUOTED.matcher(text);
        int last = 0;
        while (quoted.find()) {
            out.append(words(text.substring(last, quoted.start()))).append(quoted.group());
            last = quoted.end();
        }
        return out.append(words(text.substring(last))).toString();
    }

    private static String words(String text) {
        String out = text;
        for (Entry w : WORDS) {
            out = out.replace(w.en(), w.id());
        }
        return out;
    }

    private static String fill(String template, List<String> values) {
        StringBuilder out = new StringBuilder();
        Matcher m = HOLE.matcher(template);
        int last = 0;
        int i = 0;
        while (m.find()) {
            out.append(template, last, m.start()).append(i < values.size() ? values.get(i) : "");
            i++;
            last = m.end();
        }
        return out.append(template.substring(last)).toString();
    }
}
