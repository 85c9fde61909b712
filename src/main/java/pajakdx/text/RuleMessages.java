package pajakdx.text;

import java.util.ArrayList;
import java.util.List;
import pajakdx.text.Messages.Entry;

/**
 * The messages an analyst gets about a rules folder ({@code check}, loading rules), in English as
 * the library gives them and in Indonesian; {@link Messages} reads them as its own.
 *
 * <p>The holes of an Indonesian template come in the same order as the English one's (values are
 * put back in order). Code stays as written: DRL keywords, fact types and fields, YAML keys, file
 * names. Text quoted from Drools' or a YAML/JSON parser is a {@code {}} value and stays English.
 */
final class RuleMessages {
    /** What a right-hand side may say (engine/ConsequenceReader), ending several of its messages. */
    private static final String GRAMMAR_EN = "a right-hand side may only contain insertLogical(Cause.confirmed(\"id\")),"
            + " insertLogical(Cause.suspected(\"id\")), insertLogical(Cause.ruledOut(\"id\")) and"
            + " insertLogical(Remedy.offer(\"id\")), each ending with ';'";
    private static final String GRAMMAR_ID = "sisi kanan (then) hanya boleh berisi insertLogical(Cause.confirmed(\"id\")),"
            + " insertLogical(Cause.suspected(\"id\")), insertLogical(Cause.ruledOut(\"id\")) dan"
            + " insertLogical(Remedy.offer(\"id\")), masing-masing diakhiri ';'";

    /** What a pattern of each fact type may test (engine/ConstraintReader#allowedHere), ending some refusals. */
    private static final List<Entry> ALLOWED_HERE = List.of(
            new Entry(" of a Finding (id, value, format, number, known, before(...), onOrAfter(...),"
                    + " this.yearsBefore($a), daysBefore($a), workingDaysBefore($a))",
                    " pada Finding (id, value, format, number, known, before(...), onOrAfter(...),"
                    + " this.yearsBefore($a), daysBefore($a), workingDaysBefore($a))"),
            new Entry(" of the AsOf (timeGiven, before(...), onOrAfter(...), between(..., ...))",
                    " pada AsOf (timeGiven, before(...), onOrAfter(...), between(..., ...))"),
            new Entry(" of a Cause (id, confirmed, suspected, ruledOut)",
                    " pada Cause (id, confirmed, suspected, ruledOut)"),
            new Entry(" of a Remedy (id)", " pada Remedy (id)"));

    private RuleMessages() {
    }

    private static List<Entry> build() {
        List<Entry> all = new ArrayList<>();
        all.addAll(RULE_FILES);
        all.addAll(CONDITIONS);
        all.addAll(CONSTRAINTS);
        for (Entry h : ALLOWED_HERE) {
            all.add(new Entry("'{}' is not a field" + h.en(), "'{}' bukan isian" + h.id()));
            all.add(new Entry("'{}' is not allowed" + h.en(), "'{}' tidak diizinkan" + h.id()));
            all.add(new Entry("'{}' is not a test" + h.en(), "'{}' bukan uji" + h.id()));
            all.add(new Entry("'{}(...)' cannot be compared" + h.en(), "'{}(...)' tidak dapat dibandingkan" + h.id()));
        }
        all.addAll(CONSEQUENCES);
        all.addAll(DERIVATION);
        all.addAll(LINT);
        all.addAll(CATALOG);
        all.addAll(DOCUMENTS);
        all.addAll(PATTERNS);
        all.addAll(FOLDER);
        all.addAll(DRL_PARSER);
        return List.copyOf(all);
    }

    /** A rule file as a whole (engine/DrlReader, Checker, RuleCompiler). */
    private static final List<Entry> RULE_FILES = List.of(
            // Most messages about one rule start so; what follows is a message of its own.
            new Entry("rule '{}': {t}", "aturan '{}': {t}"),
            new Entry("is {} KB; rule files may be at most {} KB (split the topic into several files)",
                    "berukuran {} KB; berkas aturan paling besar {} KB (pecah topiknya menjadi beberapa berkas)"),
            new Entry("duplicate rule name '{}' (also at {})", "nama aturan '{}' dipakai dua kali (juga di {})"),
            new Entry("rule '{}' is named like a rule that @derive writes from '{}' (at {}): rename it, or leave {} out"
                    + " of that @derive", "aturan '{}' bernama sama dengan aturan yang ditulis @derive dari '{}' (di {}):"
                    + " ganti namanya, atau keluarkan {} dari @derive itu"),
            new Entry("rule '{}' derives a rule named '{}', which is taken (also at {})",
                    "aturan '{}' menurunkan aturan bernama '{}', padahal nama itu sudah dipakai (juga di {})"),
            new Entry("is not UTF-8: the byte {} is not part of a UTF-8 character; save the file as UTF-8",
                    "bukan UTF-8: byte {} bukan bagian dari karakter UTF-8; simpan berkasnya sebagai UTF-8"),
            new Entry("reading was interrupted", "pembacaan terhenti karena diinterupsi"),
            new Entry("is nested too deeply to read (parentheses or not/exists within each other); rules may nest at"
                    + " most {} levels", "bersarang terlalu dalam untuk dibaca (tanda kurung atau not/exists yang"
                    + " bertumpuk); aturan paling dalam bersarang {} tingkat"),
            new Entry("could not be parsed: {}", "tidak dapat diurai: {}"),
            new Entry("could not be parsed", "tidak dapat diurai"),
            new Entry("no .drl files in the rules folder", "tidak ada berkas .drl di folder aturan"),
            new Entry("package '{}' is not a dotted name", "package '{}' bukan nama yang dipisah titik"),
            new Entry("package '{}' is longer than {} characters", "paket '{}' lebih panjang dari {} karakter"),
            new Entry("package '{}' is not allowed: rule files use the package rules or one under it, as in package"
                    + " rules.coretax;", "package '{}' tidak diizinkan: berkas aturan memakai package rules atau"
                    + " package di bawahnya, seperti package rules.coretax;"),
            new Entry("package '{}' is not allowed: '{}' is a Java keyword; choose another name",
                    "package '{}' tidak diizinkan: '{}' adalah kata kunci Java; pilih nama lain"),
            new Entry("import of '{}' is not allowed: rules use only the fact types of pajakdx.facts"
                    + " (import pajakdx.facts.*;)", "import '{}' tidak diizinkan: aturan hanya memakai jenis fakta dari"
                    + " pajakdx.facts (import pajakdx.facts.*;)"),
            new Entry("'import function' is not allowed: rules hold knowledge, not code",
                    "'import function' tidak diizinkan: aturan berisi pengetahuan, bukan kode"),
            new Entry("'import static' is not allowed: rules hold knowledge, not code",
                    "'import static' tidak diizinkan: aturan berisi pengetahuan, bukan kode"),
            new Entry("the file holds a NUL byte (binary?) at line {}",
                    "berkas memuat byte NUL (berkas biner?) di baris {}"),
            new Entry("the file holds the invisible character {} at line {}, where DRL cannot read it; delete it",
                    "berkas memuat karakter tak terlihat {} di baris {}, di tempat yang tidak dapat dibaca DRL; hapus"
                            + " karakter itu"),
            new Entry("'import accumulate' is not allowed: rules hold knowledge, not code",
                    "'import accumulate' tidak diizinkan: aturan berisi pengetahuan, bukan kode"),
            new Entry("function '{}' is not allowed: rules hold knowledge, not Java code; write the test as a condition",
                    "function '{}' tidak diizinkan: aturan berisi pengetahuan, bukan kode Java; tulis ujinya sebagai"
                            + " syarat"),
            new Entry("global '{}' is not allowed: a diagnosis depends only on the case's facts",
                    "global '{}' tidak diizinkan: diagnosis hanya bergantung pada fakta kasus"),
            new Entry("declared type '{}' is not allowed: use Finding, Cause, Remedy and AsOf",
                    "deklarasi tipe '{}' tidak diizinkan: pakai Finding, Cause, Remedy dan AsOf"),
            new Entry("declared enum '{}' is not allowed: use Finding, Cause, Remedy and AsOf",
                    "deklarasi enum '{}' tidak diizinkan: pakai Finding, Cause, Remedy dan AsOf"),
            new Entry("window '{}' is not allowed: a diagnosis depends only on the case's facts",
                    "window '{}' tidak diizinkan: diagnosis hanya bergantung pada fakta kasus"),
            new Entry("entry point '{}' is not allowed: facts come only from the case",
                    "entry point '{}' tidak diizinkan: fakta hanya berasal dari kasus"),
            new Entry("the file-level attribute '{}' is not allowed: attributes belong to no file; PajakDx rules need"
                    + " none but a rule's own salience", "atribut tingkat berkas '{}' tidak diizinkan: atribut bukan"
                    + " milik berkas; aturan PajakDx tidak memerlukan atribut selain salience aturan itu sendiri"),
            new Entry("a rule unit is not allowed: rules belong to no unit",
                    "rule unit tidak diizinkan: aturan bukan bagian dari unit mana pun"),
            new Entry("query '{}' is not allowed: rules conclude with insertLogical; read results through the PajakDx"
                    + " API", "query '{}' tidak diizinkan: aturan menyimpulkan dengan insertLogical; baca hasilnya"
                    + " melalui API PajakDx"),
            new Entry("a rule needs a name: rule \"what it concludes\"",
                    "aturan memerlukan nama: rule \"apa yang disimpulkannya\""),
            new Entry("rule name '{}' must be at most {} characters without quotes, backslashes or control characters",
                    "nama aturan '{}' paling panjang {} karakter, tanpa tanda kutip, garis miring terbalik, atau"
                            + " karakter kontrol"),
            new Entry("rule '{}' extending '{}' is not allowed: write each rule whole",
                    "aturan '{}' yang memperluas (extends) '{}' tidak diizinkan: tulis setiap aturan secara utuh"),
            new Entry("named consequences (then[...]) is not allowed: write one rule per conclusion",
                    "konsekuensi bernama (then[...]) tidak diizinkan: tulis satu aturan per kesimpulan"),
            new Entry("metadata '@{}' is not known (allowed: @{})", "metadata '@{}' tidak dikenal (yang boleh: @{})"),
            new Entry("metadata '@{}' must hold one quoted text without quotes or backslashes inside, as in"
                    + " @{}(\"IMP-1\")", "metadata '@{}' harus berisi satu teks dalam tanda kutip, tanpa tanda kutip"
                    + " atau garis miring terbalik di dalamnya, seperti @{}(\"IMP-1\")"),
            new Entry("salience '{}' is not allowed: write a whole number",
                    "salience '{}' tidak diizinkan: tulis bilangan bulat"),
            new Entry("attribute '{}' is not allowed: PajakDx rules conclude with insertLogical and need no attribute"
                    + " but salience", "atribut '{}' tidak diizinkan: aturan PajakDx menyimpulkan dengan insertLogical"
                    + " dan tidak memerlukan atribut selain salience"),
            new Entry("attribute '{}' is not allowed: PajakDx rules conclude with insertLogical and need no attribute"
                    + " but salience; compare with AsOf(...) instead of the clock", "atribut '{}' tidak diizinkan:"
                    + " aturan PajakDx menyimpulkan dengan insertLogical dan tidak memerlukan atribut selain salience;"
                    + " bandingkan dengan AsOf(...), bukan dengan jam sistem"),
            new Entry("could not be compiled: the canonical rules did not parse",
                    "tidak dapat dikompilasi: aturan kanonis tidak dapat diurai"),
            new Entry("could not be compiled: {}", "tidak dapat dikompilasi: {}"),
            new Entry("rule '{}' could not be compiled: {}", "aturan '{}' tidak dapat dikompilasi: {}"),
            new Entry("reload failed ({}); the last good rules stay in use",
                    "muat ulang gagal ({}); aturan terakhir yang baik tetap dipakai"),
            new Entry("reload failed ({}); the last good rules stay in use: {}",
                    "muat ulang gagal ({}); aturan terakhir yang baik tetap dipakai: {}"));

    /** The conditions of a rule (engine/DrlReader.ConditionReader), after "rule '...': ". */
    private static final List<Entry> CONDITIONS = List.of(
            new Entry("conditions nested more than {} levels deep is not allowed: flatten the rule",
                    "syarat yang bersarang lebih dari {} tingkat tidak diizinkan: ratakan aturannya"),
            new Entry("'{}' is not allowed: a condition is a pattern on Finding, AsOf, Cause or Remedy, combined with"
                    + " and, or, not, exists", "'{}' tidak diizinkan: syarat adalah pola pada Finding, AsOf, Cause atau"
                    + " Remedy, digabung dengan and, or, not, exists"),
            new Entry("more than {} patterns in one rule is not allowed: split the rule",
                    "lebih dari {} pola dalam satu aturan tidak diizinkan: pecah aturannya"),
            new Entry("unknown fact type '{}'{t}; rules match only Finding, AsOf, Cause and Remedy",
                    "jenis fakta tidak dikenal '{}'{t}; aturan hanya mencocokkan Finding, AsOf, Cause dan Remedy"),
            new Entry("'{}' on a pattern ({}(...) from/over ...) is not allowed: facts come only from the case",
                    "'{}' pada pola ({}(...) from/over ...) tidak diizinkan: fakta hanya berasal dari kasus"),
            new Entry("this form of pattern (queries, unification ':=', windows, @annotations, positional values) is"
                    + " not allowed: write Type(field == \"literal\", ...)", "bentuk pola ini (query, unifikasi ':=',"
                    + " window, @anotasi, nilai posisional) tidak diizinkan: tulis Type(field == \"literal\", ...)"),
            new Entry("the variable '{}' is not allowed: name variables like $a",
                    "variabel '{}' tidak diizinkan: beri nama variabel seperti $a"),
            new Entry("the variable '{}' is bound twice (first at line {}); give each pattern its own variable",
                    "variabel '{}' diikat dua kali (pertama di baris {}); beri setiap pola variabelnya sendiri"),
            new Entry("the OOPath '{}' is not allowed: write a pattern on Finding, AsOf, Cause or Remedy, as in"
                    + " Finding(id == \"some.finding\", value == \"yes\")", "OOPath '{}' tidak diizinkan: tulis pola"
                    + " pada Finding, AsOf, Cause atau Remedy, seperti Finding(id == \"some.finding\","
                    + " value == \"yes\")"),
            new Entry("a pattern without a fact type is not allowed: write a pattern on Finding, AsOf, Cause or Remedy,"
                    + " as in Finding(id == \"some.finding\", value == \"yes\")", "pola tanpa jenis fakta tidak"
                    + " diizinkan: tulis pola pada Finding, AsOf, Cause atau Remedy, seperti"
                    + " Finding(id == \"some.finding\", value == \"yes\")"),
            new Entry("this constraint is not allowed: write field tests such as value == \"x\"",
                    "batasan ini tidak diizinkan: tulis uji isian seperti value == \"x\""));

    /** One constraint of a pattern (engine/ConstraintReader), after "rule '...': ". */
    private static final List<Entry> CONSTRAINTS = List.of(
            new Entry("a constraint of {} characters is too long (at most {})",
                    "batasan sepanjang {} karakter terlalu panjang (paling banyak {})"),
            new Entry("the constraint '{}' could not be read", "batasan '{}' tidak dapat dibaca"),
            new Entry("the constraint '{}' could not be read: {}", "batasan '{}' tidak dapat dibaca: {}"),
            new Entry("'{}' is not allowed", "'{}' tidak diizinkan"),
            new Entry("'&&' and '||' are nested more than {} deep", "'&&' dan '||' bersarang lebih dari {} tingkat"),
            new Entry("an empty constraint is not allowed", "batasan kosong tidak diizinkan"),
            new Entry("the connective '{}' is not allowed: join tests with && and ||",
                    "penghubung '{}' tidak diizinkan: gabungkan uji dengan && dan ||"),
            new Entry("'{}' is not allowed: it is a binding or another form that is not a field test; write field tests"
                    + " such as value == \"x\"", "'{}' tidak diizinkan: ini pengikatan variabel atau bentuk lain yang"
                    + " bukan uji isian; tulis uji isian seperti value == \"x\""),
            new Entry("the operator '{}' is not allowed: test how a text starts or ends with matches, as in value"
                    + " matches \"abc.*\" (starts with abc) or value matches \".*abc\" (ends with abc)",
                    "operator '{}' tidak diizinkan: uji awal atau akhir teks dengan matches, seperti value matches"
                    + " \"abc.*\" (diawali abc) atau value matches \".*abc\" (diakhiri abc)"),
            new Entry("the operator '{}' is not allowed: test the length of a text with matches, as in value matches"
                    + " \".{5}\" (exactly 5 characters) or value matches \".{1,5}\" (1 to 5 characters)",
                    "operator '{}' tidak diizinkan: uji panjang teks dengan matches, seperti value matches \".{5}\""
                    + " (tepat 5 karakter) atau value matches \".{1,5}\" (1 sampai 5 karakter)"),
            new Entry("binding '{}' to '{}' is not allowed: bind the whole pattern instead, as in $f : Finding(...), and"
                    + " test its fields, as in value == \"x\"", "pengikatan '{}' ke '{}' tidak diizinkan: ikat seluruh"
                    + " polanya, seperti $f : Finding(...), lalu uji isiannya, seperti value == \"x\""),
            new Entry("a comparison must have a field on the left and a literal on the right",
                    "perbandingan harus berisi isian di kiri dan literal di kanan"),
            new Entry("'{}' is not a literal: compare with a text in quotes or a whole number (texts without quotes,"
                    + " backslashes or control characters, at most {} characters)", "'{}' bukan literal: bandingkan"
                    + " dengan teks dalam tanda kutip atau bilangan bulat (teks tanpa tanda kutip, garis miring terbalik"
                    + " atau karakter kontrol, paling panjang {} karakter)"),
            new Entry("the operator '{}' is not allowed (==, !=, <, <=, >, >=, in, not in, matches)",
                    "operator '{}' tidak diizinkan (==, !=, <, <=, >, >=, in, not in, matches)"),
            new Entry("'!' before a compared field is not allowed: write != instead, as in value != \"x\"",
                    "'!' di depan isian yang dibandingkan tidak diizinkan: tulis != saja, seperti value != \"x\""),
            new Entry("'{}' cannot be compared with null; write known or !known",
                    "'{}' tidak dapat dibandingkan dengan null; tulis known atau !known"),
            new Entry("'number' is compared with a whole number, not '{}'",
                    "'number' dibandingkan dengan bilangan bulat, bukan '{}'"),
            new Entry("'{}' is compared with a text in quotes, not '{}'",
                    "'{}' dibandingkan dengan teks dalam tanda kutip, bukan '{}'"),
            new Entry("texts are compared with == and != (or in, not in), not '{}'",
                    "teks dibandingkan dengan == dan != (atau in, not in), bukan '{}'"),
            new Entry("'matches' tests the value of a Finding: value matches \"pattern\"",
                    "'matches' menguji nilai sebuah Finding: value matches \"pola\""),
            new Entry("the pattern after 'matches' must be a text in quotes",
                    "pola sesudah 'matches' harus berupa teks dalam tanda kutip"),
            new Entry("the pattern '{}' is not accepted at character {}: {t}",
                    "pola '{}' tidak diterima pada karakter ke-{}: {t}"),
            new Entry("'{}' takes the variable of the AsOf pattern, as in {}($a) with $a : AsOf() earlier in the rule",
                    "'{}' menerima variabel pola AsOf, seperti {}($a) dengan $a : AsOf() lebih awal di aturan"),
            new Entry("'{}' is not bound to the AsOf earlier in the rule (write $a : AsOf() first)",
                    "'{}' tidak terikat ke AsOf lebih awal di aturan (tulis $a : AsOf() dulu)"),
            new Entry("'{}' is bound inside '{}' (line {}) and is not known outside it; bind it outside the '{}'",
                    "'{}' diikat di dalam '{}' (baris {}) dan tidak dikenal di luarnya; ikat variabel itu di luar '{}'"),
            new Entry("'{}' is bound in only some branches of the 'or' at line {}, so it is not known after it; bind it"
                    + " in every branch, or before the 'or'", "'{}' hanya diikat di sebagian cabang 'or' pada baris {},"
                    + " jadi tidak dikenal sesudahnya; ikat di setiap cabang, atau sebelum 'or'"),
            new Entry("'{}(...)' is compared with a whole number, not '{}'",
                    "'{}(...)' dibandingkan dengan bilangan bulat, bukan '{}'"),
            new Entry("'{}' takes {} date in quotes", "'{}' menerima {} tanggal dalam tanda kutip"),
            new Entry("'{}' takes {} dates in quotes", "'{}' menerima {} tanggal dalam tanda kutip"),
            new Entry("'{}' is not a date in quotes (YYYY-MM-DD)", "'{}' bukan tanggal dalam tanda kutip (YYYY-MM-DD)"),
            new Entry("'{}' is not a date in quotes (YYYY-MM-DD or YYYY-MM-DDTHH:MM, WIB)",
                    "'{}' bukan tanggal dalam tanda kutip (YYYY-MM-DD atau YYYY-MM-DDTHH:MM, WIB)"));

    /** A right-hand side (engine/ConsequenceReader), after "rule '...': ". */
    private static final List<Entry> CONSEQUENCES = List.of(
            new Entry("'{}' is not allowed; " + GRAMMAR_EN, "'{}' tidak diizinkan; " + GRAMMAR_ID),
            new Entry("the statement '{}' is not allowed; " + GRAMMAR_EN, "pernyataan '{}' tidak diizinkan; " + GRAMMAR_ID),
            new Entry("'{}' expected at the end; " + GRAMMAR_EN, "'{}' diharapkan di akhir; " + GRAMMAR_ID),
            new Entry("'{}' expected at '{}'; " + GRAMMAR_EN, "'{}' diharapkan di '{}'; " + GRAMMAR_ID),
            new Entry("an id in double quotes is expected at '{}'", "id dalam tanda kutip ganda diharapkan di '{}'"),
            new Entry("an id may hold only letters, digits, '.', '_' and '-', not '{}'",
                    "id hanya boleh berisi huruf, angka, '.', '_' dan '-', bukan '{}'"),
            new Entry("an id of 1 to {} characters in double quotes is expected",
                    "diharapkan id sepanjang 1 sampai {} karakter dalam tanda kutip ganda"),
            new Entry("a backslash is not allowed in a right-hand side (a unicode escape would be read as code); write"
                    + " the character itself", "garis miring terbalik tidak diizinkan di sisi kanan (escape unicode"
                    + " akan dibaca sebagai kode); tulis karakternya langsung"),
            new Entry("a comment '/*' is not closed", "komentar '/*' tidak ditutup"),
            new Entry("a backslash is not allowed in a right-hand side, comments included (a unicode escape would be"
                    + " read as code)", "garis miring terbalik tidak diizinkan di sisi kanan, termasuk di komentar"
                    + " (escape unicode akan dibaca sebagai kode)"));

    /** {@code @derive} (knowledge/Derivation), after "rule '...': ". */
    private static final List<Entry> DERIVATION = List.of(
            new Entry("@derive(\"{}\") names '{}'; it takes suspected and ruledOut",
                    "@derive(\"{}\") menyebut '{}'; yang diterima hanya suspected dan ruledOut"),
            new Entry("@derive needs suspected, ruledOut or both", "@derive memerlukan suspected, ruledOut, atau keduanya"),
            new Entry("@derive works on a rule that only confirms causes (insertLogical(Cause.confirmed(...)))",
                    "@derive hanya berlaku untuk aturan yang semata-mata mengonfirmasi penyebab"
                            + " (insertLogical(Cause.confirmed(...)))"),
            new Entry("@derive cannot vary the condition '{}': after the first condition, each must be a pattern on a"
                    + " Finding named by id (or on the AsOf) that tests its value; write the suspected and ruled-out"
                    + " rules yourself", "@derive tidak dapat memvariasikan syarat '{}': setelah syarat pertama, setiap"
                    + " syarat harus berupa pola pada Finding yang disebut dengan id (atau pada AsOf) yang menguji"
                    + " nilainya; tulis sendiri aturan suspected dan ruled-out-nya"),
            new Entry("@derive needs conditions after the first one to vary",
                    "@derive memerlukan syarat setelah syarat pertama untuk divariasikan"));

    /** The rules against the catalog (knowledge/Lint, JoinBound, NeverFires). */
    private static final List<Entry> LINT = List.of(
            new Entry("rule '{}' can never fire: {t}", "aturan '{}' tidak akan pernah menyala: {t}"),
            new Entry("finding '{}' is required to be {t}, but a case holds one value per finding",
                    "temuan '{}' diharuskan {t}, padahal satu kasus hanya memuat satu nilai per temuan"),
            new Entry("finding '{}' is required to be {t}, and a 'not' condition forbids it being {t}",
                    "temuan '{}' diharuskan {t}, dan sebuah syarat 'not' melarangnya {t}"),
            new Entry("{t} and also {t}", "{t} dan sekaligus {t}"),
            new Entry("anything but {t}", "apa saja selain {t}"),
            new Entry("nothing at all", "tidak bernilai apa pun"),
            new Entry("no value of finding '{}' passes all the tests of this condition",
                    "tidak ada nilai temuan '{}' yang lolos semua uji pada syarat ini"),
            new Entry("unknown", "tidak diketahui"),
            new Entry("known", "diketahui"),
            new Entry("present", "ada"),
            new Entry("its as-of conditions leave no date at all ({})",
                    "syarat tanggal kejadiannya (AsOf) tidak menyisakan satu tanggal pun ({})"),
            new Entry("rule '{}' joins {} patterns not pinned by id (such as Finding() without id == \"...\"); at most {}"
                    + " are allowed, or a case with many findings could make it build billions of matches before any"
                    + " firing limit applies", "aturan '{}' menggabungkan {} pola yang tidak dipatok dengan id (misalnya"
                    + " Finding() tanpa id == \"...\"); paling banyak {} yang diizinkan, karena kasus dengan banyak temuan"
                    + " bisa membuatnya menyusun miliaran kecocokan sebelum batas penyalaan berlaku"),
            new Entry("rule '{}' concludes nothing: its right-hand side inserts no Cause and offers no Remedy",
                    "aturan '{}' tidak menyimpulkan apa pun: sisi kanannya tidak menyisipkan Cause dan tidak menawarkan"
                            + " Remedy"),
            new Entry("rule '{}' concludes something but names no relation: add @relations(\"ID\") with ids from"
                    + " relations.yaml", "aturan '{}' menyimpulkan sesuatu tetapi tidak menyebut relasi: tambahkan"
                    + " @relations(\"ID\") dengan id dari relations.yaml"),
            new Entry("rule '{}' concludes something but cites no source: add @source(\"key\") with a key from"
                    + " sources.yaml", "aturan '{}' menyimpulkan sesuatu tetapi tidak mengutip sumber: tambahkan"
                    + " @source(\"key\") dengan kunci dari sources.yaml"),
            new Entry("rule '{}' names unknown relation '{}' (not in relations.yaml){t}",
                    "aturan '{}' menyebut relasi tidak dikenal '{}' (tidak ada di relations.yaml){t}"),
            new Entry("rule '{}' cites unknown source '{}' (not in sources.yaml){t}",
                    "aturan '{}' mengutip sumber tidak dikenal '{}' (tidak ada di sources.yaml){t}"),
            new Entry("rule '{}' concludes cause '{}', which no catalog file declares{t}",
                    "aturan '{}' menyimpulkan penyebab '{}', yang tidak dideklarasikan di berkas katalog mana pun{t}"),
            new Entry("rule '{}' concludes remedy '{}', which no catalog file declares{t}",
                    "aturan '{}' menyimpulkan langkah perbaikan '{}', yang tidak dideklarasikan di berkas katalog mana"
                            + " pun{t}"),
            new Entry("rule '{}' names {} but concludes cause '{}', which encodes {}",
                    "aturan '{}' menyebut {} tetapi menyimpulkan penyebab '{}', yang mewakili {}"),
            new Entry("rule '{}' names {} but concludes remedy '{}', which encodes {}",
                    "aturan '{}' menyebut {} tetapi menyimpulkan langkah perbaikan '{}', yang mewakili {}"),
            new Entry("a Finding condition must name its finding, one id with == as in Finding(id == \"some.finding\","
                    + " value == \"yes\"); without it the rule could match any finding and its vocabulary cannot be"
                    + " checked", "syarat Finding harus menyebut temuannya, satu id dengan == seperti"
                    + " Finding(id == \"some.finding\", value == \"yes\"); tanpa itu aturan bisa cocok dengan temuan apa"
                    + " saja dan kosakatanya tidak dapat diperiksa"),
            new Entry("rule '{}' tests unknown finding '{}'{t}; declare it under 'findings:' in a topic .yaml",
                    "aturan '{}' menguji temuan tidak dikenal '{}'{t}; deklarasikan di bawah 'findings:' dalam berkas"
                            + " .yaml topiknya"),
            new Entry("'id' is tested once, as the pattern's first test", "'id' diuji sekali saja, sebagai uji pertama pola"),
            new Entry("finding '{}' is a {} finding and has no number", "temuan '{}' adalah temuan {} dan tidak berangka"),
            new Entry("finding '{}' is a {} finding, not a date", "temuan '{}' adalah temuan {}, bukan tanggal"),
            new Entry("'{}' is not a value of {} finding '{}'{t} (allowed: {}), so the condition can never hold",
                    "'{}' bukan nilai temuan {} '{}'{t} (yang boleh: {}), jadi syaratnya tidak akan pernah terpenuhi"),
            new Entry("'{}' holds for no value of {} finding '{}' (allowed: {}), so the condition can never hold;"
                    + " compare with ==, as in value == \"{}\"", "'{}' tidak terpenuhi oleh nilai mana pun dari temuan {}"
                    + " '{}' (yang boleh: {}), jadi syaratnya tidak akan pernah terpenuhi; bandingkan dengan ==, seperti"
                    + " value == \"{}\""),
            new Entry("'{}' is not a number, but finding '{}' holds numbers",
                    "'{}' bukan angka, padahal temuan '{}' berisi angka"),
            new Entry("'{}' is not a date (YYYY-MM-DD), but finding '{}' holds dates",
                    "'{}' bukan tanggal (YYYY-MM-DD), padahal temuan '{}' berisi tanggal"),
            new Entry("finding '{}' is a {} finding and has no format",
                    "temuan '{}' adalah temuan {} dan tidak memiliki format"),
            new Entry("'{}' is not a format of identifier '{}' (allowed: {})",
                    "'{}' bukan format nomor identitas '{}' (yang boleh: {})"),
            new Entry("cause '{}' is declared but no rule concludes it",
                    "penyebab '{}' dideklarasikan tetapi tidak ada aturan yang menyimpulkannya"),
            new Entry("remedy '{}' is never offered: no cause lists it under 'remedies:' and no rule offers it",
                    "langkah perbaikan '{}' tidak pernah ditawarkan: tidak ada penyebab yang mencantumkannya di bawah"
                            + " 'remedies:' dan tidak ada aturan yang menawarkannya"),
            new Entry("finding '{}' is declared but no rule tests it",
                    "temuan '{}' dideklarasikan tetapi tidak ada aturan yang mengujinya"),
            new Entry("rule '{}' has no Indonesian title; add it under 'rule_titles:' in {}.yaml",
                    "aturan '{}' belum punya judul bahasa Indonesia; tambahkan di bawah 'rule_titles:' dalam {}.yaml"),
            new Entry("rule_titles names rule '{}', which no .drl file has{t}",
                    "rule_titles menyebut aturan '{}', yang tidak ada di berkas .drl mana pun{t}"),
            new Entry("relation '{}' has no Indonesian summary; write its summary as {id: \"...\", en: \"...\"} in"
                    + " relations.yaml", "relasi '{}' belum punya ringkasan bahasa Indonesia; tulis summary-nya sebagai"
                    + " {id: \"...\", en: \"...\"} di relations.yaml"));

    /** The YAML catalog (knowledge/CatalogReader, CatalogChecks, the ids parsed in Kind, Actor, Cost, FindingType). */
    private static final List<Entry> CATALOG = List.of(
            new Entry("expected {t} (a mapping of fields), found {t}", "seharusnya {t} (pemetaan isian), ternyata {t}"),
            new Entry("a mapping with '{}'", "pemetaan dengan '{}'"),
            new Entry("an entry of {}", "entri {}"),
            new Entry("a topic file", "berkas topik"),
            new Entry("a problem", "masalah"),
            new Entry("a finding", "temuan"),
            new Entry("a cause", "penyebab"),
            new Entry("a remedy", "langkah perbaikan"),
            new Entry("a message pattern", "pola pesan"),
            new Entry("a complaint pattern", "pola keluhan"),
            new Entry("rule titles (rule name: Indonesian title)", "judul aturan (nama aturan: judul bahasa Indonesia)"),
            new Entry("the findings an answer presupposes (finding: value)",
                    "temuan yang diandaikan sebuah jawaban (temuan: nilai)"),
            new Entry("the findings to set", "temuan yang diisi"),
            new Entry("a value", "nilai"),
            new Entry("a text with 'id' and 'en'", "teks dengan 'id' dan 'en'"),
            new Entry("an expect block", "blok expect"),
            new Entry("a case (a mapping with id, as_of, findings ...)", "kasus (pemetaan dengan id, as_of, findings ...)"),
            new Entry("findings (finding id: value)", "findings (id temuan: nilai)"),
            // the kinds of a YAML node (doc/Node#kind)
            new Entry("text", "teks"),
            new Entry("list", "daftar"),
            new Entry("mapping", "pemetaan"),
            new Entry("null", "null (kosong)"),
            new Entry("expected a list, found {t}", "seharusnya daftar, ternyata {t}"),
            new Entry("'{}' is not true or false", "'{}' bukan true atau false"),
            new Entry("duplicate problem id '{}'", "id masalah '{}' dipakai dua kali"),
            new Entry("duplicate complaint id '{}'", "id keluhan '{}' dipakai dua kali"),
            new Entry("duplicate message id '{}'", "id pesan '{}' dipakai dua kali"),
            new Entry("duplicate id '{}' (already declared earlier)", "id '{}' dipakai dua kali (sudah dideklarasikan"
                    + " sebelumnya)"),
            new Entry("the Indonesian title of rule '{}' is empty", "judul bahasa Indonesia aturan '{}' kosong"),
            new Entry("rule '{}' has a title already (at {})", "aturan '{}' sudah punya judul (di {})"),
            new Entry("pattern not accepted at character {}: {t}", "pola tidak diterima pada karakter ke-{}: {t}"),
            new Entry("missing field 'sets' (the findings this text asserts)",
                    "isian 'sets' tidak ada (temuan yang dinyatakan oleh teks ini)"),
            new Entry("'problem' is built in: declare its values under 'problems:'",
                    "'problem' sudah bawaan: deklarasikan nilainya di bawah 'problems:'"),
            new Entry("'{}' is built in ({}); give the finding another id",
                    "'{}' sudah bawaan ({}); beri temuan ini id lain"),
            new Entry("choice finding '{}' needs 'values'", "temuan pilihan (choice) '{}' memerlukan 'values'"),
            new Entry("only choice findings take 'values'", "hanya temuan pilihan (choice) yang menerima 'values'"),
            new Entry("unknown identifier format '{}' (npwp15, npwp16, nik, nitku)",
                    "format nomor identitas tidak dikenal '{}' (npwp15, npwp16, nik, nitku)"),
            new Entry("missing field '{}' (a text with 'id' and 'en')", "isian '{}' tidak ada (teks dengan 'id' dan 'en')"),
            new Entry("a text needs both languages: write {id: \"...\", en: \"...\"} (Indonesian and English)",
                    "teks memerlukan kedua bahasa: tulis {id: \"...\", en: \"...\"} (Indonesia dan Inggris)"),
            new Entry("text without both the Indonesian (id) and the English (en) version; every text needs both",
                    "teks tanpa versi bahasa Indonesia (id) dan bahasa Inggris (en); setiap teks memerlukan keduanya"),
            new Entry("text without the Indonesian (id) version; every text needs both",
                    "teks tanpa versi bahasa Indonesia (id); setiap teks memerlukan kedua bahasa"),
            new Entry("text without the English (en) version; every text needs both",
                    "teks tanpa versi bahasa Inggris (en); setiap teks memerlukan kedua bahasa"),
            new Entry("unknown kind '{}' (cause, defect, limit, info, generic)",
                    "jenis (kind) tidak dikenal '{}' (cause, defect, limit, info, generic)"),
            new Entry("unknown actor '{}' (taxpayer, kpp, djp)", "pelaku (actor) tidak dikenal '{}' (taxpayer, kpp, djp)"),
            new Entry("unknown cost '{}' (knows, look, try, ask-kpp)",
                    "biaya (cost) tidak dikenal '{}' (knows, look, try, ask-kpp)"),
            new Entry("unknown finding type '{}' (yes-no, choice, date, number, text, identifier)",
                    "tipe temuan tidak dikenal '{}' (yes-no, choice, date, number, text, identifier)"),
            // cross-references (CatalogChecks)
            new Entry("cause '{}' names unknown remedy '{}'", "penyebab '{}' menyebut langkah perbaikan tidak dikenal '{}'"),
            new Entry("cause '{}' coexists with itself", "penyebab '{}' dinyatakan muncul bersama dirinya sendiri"),
            new Entry("cause '{}' coexists with unknown cause '{}'{t}",
                    "penyebab '{}' dinyatakan muncul bersama penyebab tidak dikenal '{}'{t}"),
            new Entry("cause '{}' names unknown relation '{}' (not in relations.yaml){t}",
                    "penyebab '{}' menyebut relasi tidak dikenal '{}' (tidak ada di relations.yaml){t}"),
            new Entry("remedy '{}' names unknown relation '{}' (not in relations.yaml){t}",
                    "langkah perbaikan '{}' menyebut relasi tidak dikenal '{}' (tidak ada di relations.yaml){t}"),
            new Entry("cause '{}' cites unknown source '{}' (not in sources.yaml){t}",
                    "penyebab '{}' mengutip sumber tidak dikenal '{}' (tidak ada di sources.yaml){t}"),
            new Entry("remedy '{}' cites unknown source '{}' (not in sources.yaml){t}",
                    "langkah perbaikan '{}' mengutip sumber tidak dikenal '{}' (tidak ada di sources.yaml){t}"),
            new Entry("relation '{}' cites unknown source '{}' (not in sources.yaml){t}",
                    "relasi '{}' mengutip sumber tidak dikenal '{}' (tidak ada di sources.yaml){t}"),
            new Entry("remedy '{}' names unknown channel '{}'",
                    "langkah perbaikan '{}' menyebut saluran tidak dikenal '{}'"),
            new Entry("{t} sets unknown finding '{}'", "{t} mengisi temuan tidak dikenal '{}'"),
            new Entry("{t} sets {} to '{}', not one of {}", "{t} mengisi {} dengan '{}', yang bukan salah satu dari {}"),
            new Entry("{t} implies {}: an answer can presuppose only another finding of the vocabulary",
                    "{t} mengandaikan {}: sebuah jawaban hanya dapat mengandaikan temuan lain dari kosakata"),
            new Entry("message '{}'", "pesan '{}'"),
            new Entry("complaint '{}'", "keluhan '{}'"),
            new Entry("finding '{}'", "temuan '{}'"),
            new Entry("finding '{}' (implies)", "temuan '{}' (implies)"),
            new Entry("value '{}' of finding '{}'", "nilai '{}' dari temuan '{}'"),
            new Entry("value '{}' of finding '{}' (implies)", "nilai '{}' dari temuan '{}' (implies)"));

    /** Reading YAML and JSON (doc/DocReader, text/TextCheck). */
    private static final List<Entry> DOCUMENTS = List.of(
            new Entry("not valid YAML: {}", "bukan YAML yang sah: {}"),
            new Entry("not valid YAML: duplicate key {}", "bukan YAML yang sah: kunci {} dipakai dua kali"),
            new Entry("not valid YAML: the parser failed on it", "bukan YAML yang sah: pengurai gagal membacanya"),
            new Entry("not valid YAML: the parser failed on it (a broken escape such as \\u without four hex digits?)",
                    "bukan YAML yang sah: pengurai gagal membacanya (escape rusak seperti \\u tanpa empat digit"
                            + " heksadesimal?)"),
            new Entry("nesting deeper than {} levels", "bersarang lebih dalam dari {} tingkat"),
            new Entry("more than {} aliases of lists or mappings", "lebih dari {} alias untuk daftar atau pemetaan"),
            new Entry("more than {} values (lists, mappings and texts, aliases expanded)",
                    "lebih dari {} nilai (daftar, pemetaan dan teks, setelah alias diuraikan)"),
            new Entry("the tag '{}' is not allowed: write plain values", "tag '{}' tidak diizinkan: tulis nilai biasa"),
            new Entry("a key must be plain text, not a list or mapping",
                    "kunci harus berupa teks biasa, bukan daftar atau pemetaan"),
            new Entry("duplicate key {}", "kunci {} dipakai dua kali"),
            new Entry("larger than {} characters", "lebih besar dari {} karakter"),
            new Entry("empty JSON document", "dokumen JSON kosong"),
            new Entry("unexpected text after the JSON value", "ada teks tak terduga setelah nilai JSON"),
            new Entry("too large: {}", "terlalu besar: {}"),
            new Entry("a number longer than {} characters", "bilangan lebih panjang dari {} karakter"),
            new Entry("a text longer than {} characters", "teks lebih panjang dari {} karakter"),
            new Entry("a field name longer than {} characters", "nama field lebih panjang dari {} karakter"),
            new Entry("not valid JSON: {}", "bukan JSON yang sah: {}"),
            new Entry("not valid JSON: the text ends before the JSON is complete (an object or list is not closed)",
                    "bukan JSON yang sah: teks berakhir sebelum JSON-nya lengkap (ada objek atau daftar yang belum"
                            + " ditutup)"),
            new Entry("not valid JSON: unexpected {}: {}", "bukan JSON yang sah: {} tak terduga: {}"),
            new Entry("not valid JSON: the parser failed on it", "bukan JSON yang sah: pengurai gagal membacanya"),
            new Entry("contains half of a surrogate pair ({}), which is not valid Unicode",
                    "memuat separuh pasangan surrogate ({}), yang bukan Unicode yang sah"),
            new Entry("contains the control character {}", "memuat karakter kontrol {}"),
            new Entry("contains the non-character {}", "memuat non-karakter {}"),
            new Entry("contains the bidirectional control character {}, which can make text read differently from what"
                    + " it is", "memuat karakter kontrol dua arah {}, yang bisa membuat teks terbaca lain dari isi"
                    + " sebenarnya"));

    /** Why a pattern (of a message, a complaint, or {@code matches}) is refused (regex/Parser, LinearRegex). */
    private static final List<Entry> PATTERNS = List.of(
            new Entry("unmatched ')'", "')' tanpa pasangan '('"),
            new Entry("unexpected '{}'", "'{}' tak terduga"),
            new Entry("possessive quantifiers ('{}+') are not supported", "kuantifier posesif ('{}+') tidak didukung"),
            new Entry("a quantifier cannot follow another; use a group: (x*)+",
                    "kuantifier tidak boleh mengikuti kuantifier lain; pakai grup: (x*)+"),
            new Entry("'{' must start a repetition such as {2}, {2,} or {2,5}; write \\{ for the character",
                    "'{' harus memulai pengulangan seperti {2}, {2,} atau {2,5}; tulis \\{ untuk karakter itu sendiri"),
            new Entry("repetition {{},{}} has its maximum below its minimum",
                    "pengulangan {{},{}} memiliki batas atas di bawah batas bawahnya"),
            new Entry("a number is expected in the repetition", "pengulangan memerlukan angka"),
            new Entry("repetition counts above {} are not supported", "jumlah pengulangan di atas {} tidak didukung"),
            new Entry("'{}' has nothing to repeat; write \\{} for the character",
                    "'{}' tidak punya apa pun untuk diulang; tulis \\{} untuk karakter itu sendiri"),
            new Entry("'(?' groups other than (?:...) (look-around, flags, named groups) are not supported",
                    "grup '(?' selain (?:...) (look-around, flag, grup bernama) tidak didukung"),
            new Entry("groups are nested more than {} deep", "grup bersarang lebih dari {} tingkat"),
            new Entry("unclosed group '('", "grup '(' tidak ditutup"),
            new Entry("a pattern cannot end with a backslash", "pola tidak boleh diakhiri garis miring terbalik"),
            new Entry("the escape '\\{}' is not supported (back references, \\p{...}, \\Q...\\E and the like are not);"
                    + " escape only punctuation", "escape '\\{}' tidak didukung (back reference, \\p{...}, \\Q...\\E"
                    + " dan sejenisnya tidak didukung); escape hanya tanda baca"),
            new Entry("nested classes and intersections ([...[...]] or &&) are not supported",
                    "kelas bersarang dan irisan ([...[...]] atau &&) tidak didukung"),
            new Entry("negated classes (\\{}) inside [...] are not supported",
                    "kelas negasi (\\{}) di dalam [...] tidak didukung"),
            new Entry("nested classes are not supported", "kelas bersarang tidak didukung"),
            new Entry("the range {}-{} is backwards", "rentang {}-{} terbalik"),
            new Entry("unclosed class '['", "kelas '[' tidak ditutup"),
            new Entry("an empty class [] matches nothing", "kelas kosong [] tidak cocok dengan apa pun"),
            new Entry("the pattern is longer than {} characters", "pola lebih panjang dari {} karakter"),
            new Entry("the pattern needs more than {} states (a counted repetition such as {0,5000} is expanded); make"
                    + " it smaller", "pola memerlukan lebih dari {} state (pengulangan terhitung seperti {0,5000}"
                    + " diuraikan); perkecil polanya"));

    /** Finding the files of a rules folder (knowledge/RuleFolder). */
    private static final List<Entry> FOLDER = List.of(
            new Entry("is not a folder", "bukan folder"),
            new Entry("no such rules folder", "folder aturan tidak ada"),
            new Entry("cannot open: {}", "tidak dapat dibuka: {}"),
            new Entry("the bundled rules are missing from the class path", "aturan bawaan tidak ada di class path"),
            new Entry("cannot open the bundled rules: {}", "aturan bawaan tidak dapat dibuka: {}"),
            new Entry("cannot list: {}", "isinya tidak dapat didaftar: {}"),
            new Entry("is a link to a folder; links to folders are not followed (copy the files in)",
                    "adalah tautan ke folder; tautan ke folder tidak diikuti (salin berkasnya ke dalam folder)"),
            new Entry("is a link to a file outside the rules folder; rules are read only from inside it",
                    "adalah tautan ke berkas di luar folder aturan; aturan hanya dibaca dari dalam folder itu"),
            new Entry("is a link that leads nowhere", "adalah tautan yang tidak menuju ke mana pun"));

    /**
     * The grammar errors of Drools' DRL parser (its DroolsParserExceptionFactory), which
     * DrlReader passes on without their "[ERR n] Line l:c" prefix: tokens and names stay as given.
     */
    private static final List<Entry> DRL_PARSER = List.of(
            new Entry("mismatched input '{}'{t}", "masukan '{}' tidak sesuai tata bahasa DRL{t}"),
            new Entry("mismatched input '{}' expecting '{}'{t}",
                    "masukan '{}' tidak sesuai tata bahasa DRL, yang diharapkan '{}'{t}"),
            new Entry("mismatched input '{}' expecting one of the following tokens: '{}'{t}.",
                    "masukan '{}' tidak sesuai tata bahasa DRL, yang diharapkan salah satu token berikut: '{}'{t}."),
            new Entry("mismatched input '{}' not expecting any of the following tokens: '{}'{t}",
                    "masukan '{}' tidak sesuai tata bahasa DRL, tidak boleh salah satu token berikut: '{}'{t}"),
            new Entry("no viable alternative at input '{}'{t}", "masukan '{}' tidak dapat dipahami sebagai DRL{t}"),
            new Entry("required (...)+ loop did not match anything at input '{}'{t}",
                    "pada masukan '{}' tidak ada yang cocok dengan bagian yang wajib ada{t}"),
            new Entry("trailing semi-colon not allowed{t}", "titik koma di akhir tidak diizinkan{t}"),
            // where Drools says the error is
            new Entry(" in rule {}", " di aturan {}"),
            new Entry(" in query {}", " di query {}"),
            new Entry(" in {}", " di {}"));

    /** Every message, in the order of the lists above (declared last: it is built from them). */
    static final List<Entry> ALL = build();
}
