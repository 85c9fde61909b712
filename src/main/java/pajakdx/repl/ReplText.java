package pajakdx.repl;

import pajakdx.base.Text;

/** The REPL's own words, Indonesian and English; {@code %s} marks where a value goes. */
final class ReplText {
    static final Text WELCOME = new Text(
            "PajakDx — konsultasi. Ketik `bantuan` untuk daftar perintah, `keluar` untuk selesai.",
            "PajakDx — consultation. Type `help` for the commands, `quit` to end.");
    static final Text RULES = new Text("Aturan: %s.", "Rules: %s.");
    static final Text AS_OF = new Text("Per %s (ubah dengan `per TANGGAL`).", "As of %s (change it with `asof DATE`).");
    static final Text AS_OF_ASSUMED = new Text(
            "Tanggal kejadian belum diberikan: sementara dipakai hari ini, %s (ubah dengan `per TANGGAL`, misalnya"
                    + " `per kemarin` atau `per 2025-02`).",
            "No incident date given yet: today, %s, is used for now (change it with `asof DATE`, e.g. `asof yesterday`"
                    + " or `asof 2025-02`).");
    static final Text AS_OF_SET = new Text("Tanggal kejadian: %s.", "Incident date: %s.");
    static final Text BUNDLED = new Text("aturan bawaan", "bundled rules");
    static final Text RULES_SUMMARY = new Text("%d aturan dalam %d topik dari %s", "%d rules in %d topics from %s");
    static final Text STATE_PROBLEM = new Text(
            "Apa masalahnya? Ketik `masalah ID` (atau nomornya), atau tempel pesan galat atau keluhannya apa adanya.",
            "What is the problem? Type `problem ID` (or its number), or paste the error text or the complaint as it is.");
    static final Text RECOVERY_FOUND = new Text(
            "Ada sesi yang belum disimpan (%s; %s) di %s. Ketik `lanjutkan` (resume) untuk melanjutkannya, "
                    + "atau `buang` (discard) untuk membuangnya.",
            "An unsaved session exists (%s; %s) in %s. Type `resume` to continue it, or `discard` to drop it.");
    static final Text RECOVERY_LIST = new Text("Ada %d sesi yang belum disimpan:", "%d unsaved sessions exist:");
    static final Text RECOVERY_ITEM = new Text("  %d. %s — %s (%s)", "  %d. %s — %s (%s)");
    static final Text RECOVERY_MORE = new Text("  ... dan %d lagi yang lebih lama", "  ... and %d older ones");
    static final Text RECOVERY_HOW = new Text(
            "Ketik `lanjutkan N` (resume N) untuk melanjutkan sesi nomor N (tanpa N: yang terbaru), "
                    + "atau `buang N` (discard N) untuk membuangnya.",
            "Type `resume N` to continue session number N (without N: the newest), or `discard N` to drop it.");
    static final Text WHICH_SESSION = new Text("Ada %d sesi yang belum disimpan; sebutkan nomornya: `%s N`.",
            "%d unsaved sessions exist; give the number: `%s N`.");
    static final Text NO_SUCH_SESSION = new Text(
            "Tidak ada sesi belum disimpan bernomor '%s'; `%s` tanpa nomor menampilkan daftarnya.",
            "No unsaved session has the number '%s'; `%s` without a number lists them.");
    static final Text RUNNING_ELSEWHERE = new Text(
            "Sesi lain yang sedang berjalan memakai folder ini juga (%d); tiap sesi menyimpan pekerjaannya di berkasnya sendiri.",
            "Other sessions running now use this folder too (%d); each keeps its work in a file of its own.");
    static final Text RECOVERY_SUMMARY = new Text("masalah %s, %d jawaban", "problem %s, %d answers");
    static final Text RECOVERY_DAMAGED = new Text("Berkas pemulihan rusak: %s", "The recovery file is damaged: %s");
    static final Text RESUMED = new Text("Sesi dilanjutkan: %d jawaban.", "Session resumed: %d answers.");
    static final Text NO_RECOVERY = new Text("Tidak ada sesi yang belum disimpan.", "There is no unsaved session.");
    static final Text DISCARDED = new Text("Sesi yang belum disimpan dibuang.", "The unsaved session was discarded.");
    static final Text ARCHIVED = new Text(
            "Pekerjaan yang belum disimpan dipindahkan ke %s (buka dengan `muat`, atau `lanjutkan` di sesi berikutnya).",
            "The unsaved work was moved to %s (open it with `load`, or `resume` it in the next session).");
    static final Text KEPT = new Text(
            "Kasus belum disimpan ke berkas; disimpan sementara di %s. Sesi berikutnya: ketik `lanjutkan` (resume).",
            "The case is not saved to a file; it is kept in %s. Next session: type `resume`.");
    static final Text CANNOT_KEEP = new Text("Peringatan: sesi tidak dapat disimpan sementara: %s",
            "Warning: the session cannot be kept for recovery: %s");
    static final Text NO_HOME = new Text("Peringatan: folder PajakDx tidak dapat dipakai (%s): tanpa riwayat dan pemulihan.",
            "Warning: the PajakDx folder cannot be used (%s): no history and no recovery.");
    static final Text INTERRUPTED = new Text("(Ctrl-C)", "(Ctrl-C)");
    static final Text BYE = new Text("Sampai jumpa.", "Goodbye.");

    static final Text BRIEF = new Text("Diagnosis sementara:", "Diagnosis so far:");
    static final Text FIRST_STEP = new Text("Langkah pertama", "First step");
    static final Text QUESTION = new Text("Pertanyaan [%s] — %s:", "Question [%s] — %s:");
    static final Text ANSWERS = new Text("Jawab", "Answer");
    static final Text UNKNOWN_WORD = new Text("tidak tahu", "unknown");
    static final Text SKIP_WORD = new Text("lewati", "skip");
    static final Text WHY_HINT = new Text("(`mengapa` = mengapa ini ditanyakan)", "(`why` = why this is asked)");
    static final Text ANY_DATE_OR_MONTH = new Text("tanggal YYYY-MM-DD, bulan YYYY-MM, tahun, atau `kemarin`, `bulan lalu`",
            "a date YYYY-MM-DD, a month YYYY-MM, a year, or `yesterday`, `last month`");
    static final Text ANY_NUMBER = new Text("angka", "a number");
    static final Text ANY_TEXT = new Text("teks", "text");
    static final Text ANY_IDENTIFIER = new Text("nomor identitas", "an identifier");
    static final Text NO_MORE_QUESTIONS = new Text(
            "Tidak ada pertanyaan lagi yang mengubah diagnosis. Ketik `diagnosa` untuk laporan lengkap.",
            "No question left that would change the diagnosis. Type `diagnosis` for the full report.");
    static final Text SKIPPED = new Text("Dilewati: %s (jawab dengan `jawab TEMUAN NILAI`).",
            "Skipped: %s (answer with `answer FINDING VALUE`).");
    static final Text NO_PENDING = new Text("Tidak ada pertanyaan yang sedang ditanyakan.", "No question is being asked.");
    static final Text UNKNOWN_COMMAND = new Text("Perintah tidak dikenal: '%s'%s. Ketik `bantuan`.",
            "Unknown command: '%s'%s. Type `help`.");
    static final Text NOT_AN_ANSWER = new Text("(atau perintah: ketik `bantuan`)", "(or a command: type `help`)");
    static final Text TEXT_NOT_RECOGNISED = new Text(
            "Teks ini bukan perintah, dan tidak ada masalah atau pesan galat yang dikenali di dalamnya. Sebutkan"
                    + " masalahnya dengan `masalah` (daftarnya: `masalah` saja), atau ketik `bantuan`.",
            "This text is no command, and no problem or error message is recognised in it. State the problem with"
                    + " `problem` (the list: `problem` alone), or type `help`.");
    static final Text INTAKE_HEADER = new Text("Dari teks itu dikenali:", "Recognised in that text:");
    static final Text INTAKE_PROBLEM = new Text("  masalah %s — %s (%s)", "  problem %s — %s (%s)");
    static final Text BY_COMPLAINT = new Text("dari kata-kata keluhan", "from the complaint's words");
    static final Text BY_MESSAGE = new Text("dari pesan galat", "from the error message");
    static final Text INTAKE_DATE = new Text("  tanggal kejadian %s (ubah dengan `per TANGGAL`)",
            "  incident date %s (change it with `asof DATE`)");
    static final Text INTAKE_KNOWN = new Text("  masalah %s sudah tercatat", "  problem %s is already in the case");
    static final Text INTAKE_CORRECT = new Text(
            "Bila keliru: `masalah ID` menggantinya, `masalah -ID` membuang satu, `masalah +ID` menambah satu;"
                    + " `hapus TEMUAN` menghapus jawaban yang diambil dari pesan.",
            "If wrong: `problem ID` replaces it, `problem -ID` drops one, `problem +ID` adds one; `unset FINDING`"
                    + " removes an answer taken from a message.");
    static final Text NEW_CASE = new Text("Kasus baru.", "New case.");
    static final Text CONTINUED = new Text(
            "Penyebab yang tidak diperlukan lagi ditanyakan juga (sampai `baru`).",
            "The causes not needed any more are asked about too (until `new`).");
    static final Text USAGE = new Text("Pemakaian: %s %s", "Usage: %s %s");
    static final Text LINE_TOO_LONG = new Text("Baris terlalu panjang (lebih dari %d karakter); diabaikan.",
            "Line too long (more than %d characters); ignored.");
    static final Text ENDLESS_INPUT = new Text(
            "galat: masukan tanpa akhir baris dalam %d karakter (perangkat atau aliran tanpa akhir?); pembacaan dihentikan.",
            "error: input with no end of line within %d characters (a device or an endless stream?); reading stopped.");
    static final Text ERROR = new Text("galat", "error");
    static final Text INTERNAL = new Text("galat internal (bug PajakDx): %s", "internal error (a PajakDx bug): %s");
    static final Text RULE_FAILED = new Text(
            "Aturan gagal: %s. Perubahan terakhir dibatalkan; konsultasi berlanjut.",
            "A rule failed: %s. The last change was undone; the consultation goes on.");
    static final Text UNKNOWN_CAUSE = new Text("penyebab atau relasi tidak dikenal: '%s'%s",
            "unknown cause or relation '%s'%s");
    static final Text UNKNOWN_PROBLEM = new Text("Masalah tidak dikenal: '%s'%s. Ketik `masalah` untuk daftarnya.",
            "Unknown problem: '%s'%s. Type `problem` for the list.");
    static final Text NOT_ANSWERED = new Text("%s belum dijawab.", "%s is not answered.");

    static final Text PROBLEMS = new Text("Masalah yang dikenal:", "Known problems:");
    static final Text PROBLEMS_HOW = new Text(
            "(%d masalah dikenal: `masalah` saja menampilkan daftarnya; atau tulis saja keluhannya dengan kata-kata sendiri)",
            "(%d problems are known: `problem` alone lists them; or just write the complaint in your own words)");
    static final Text MESSAGE_RECOGNISED = new Text("Pesan dikenali:", "Message recognised:");
    static final Text MESSAGE_NOT_RECOGNISED = new Text(
            "Pesan tidak dikenali oleh tabel pesan (tetap dicatat). Sebutkan masalahnya dengan `masalah`.",
            "The message table does not know this text (it is kept in the case). State the problem with `problem`.");
    static final Text MESSAGE_OVERRIDDEN = new Text(
            "Pesan dikenali, tetapi jawaban yang sudah diberikan tetap berlaku.",
            "The message was recognised, but the answers already given stay.");

    static final Text WHY_HEADER = new Text("Pertanyaan [%s] ditanyakan karena jawabannya menentukan:",
            "Question [%s] is asked because its answer decides:");
    static final Text COST = new Text("Biaya mencari tahu: %s.", "Cost of finding out: %s.");
    static final Text WHEN = new Text("bila", "when");
    static final Text NOT_CONCLUDED = new Text("TIDAK DISIMPULKAN", "NOT CONCLUDED");
    static final Text HOW_NONE = new Text("%s tidak disimpulkan; ketik `mengapa-tidak %s`.",
            "%s is not concluded; type `whynot %s`.");
    static final Text RULE = new Text("aturan", "rule");
    static final Text FINDINGS = new Text("temuan", "findings");
    static final Text SOURCE = new Text("sumber", "source");
    static final Text WHYNOT_HEADER = new Text("Mengapa tidak %s? Status sekarang: %s.", "Why not %s? Status now: %s.");
    static final Text WHYNOT_CONFIRMED = new Text("%s sudah TERKONFIRMASI; ketik `bagaimana %s`.",
            "%s is CONFIRMED; type `how %s`.");
    static final Text WHYNOT_NO_RULES = new Text("Tidak ada aturan yang dapat menyimpulkan %s secara lain.",
            "No rule could conclude %s otherwise.");
    static final Text WOULD = new Text("akan menyimpulkan", "would conclude");
    static final Text MET = new Text("terpenuhi", "met");
    static final Text FAILED = new Text("gagal", "failed");
    static final Text UNKNOWN = new Text("belum diketahui", "unknown");
    static final Text BY = new Text("karena", "by");
    static final Text ASK = new Text("tanyakan", "ask");
    static final Text OVERALL = new Text("hasil", "outcome");

    static final Text WHATIF_HEADER = new Text("Andaikan %s = %s (kasus tidak diubah):", "What if %s = %s (the case is not changed):");
    static final Text WHATIF_SAME = new Text("  tidak ada perbedaan.", "  no difference.");
    static final Text NEW_REMEDIES = new Text("langkah baru", "new remedies");
    static final Text GONE_REMEDIES = new Text("langkah hilang", "remedies gone");
    static final Text NEXT_QUESTION = new Text("pertanyaan berikut", "next question");
    static final Text NONE = new Text("(tidak ada)", "(none)");

    static final Text FACTS_HEADER = new Text("Kasus %s — per %s", "Case %s — as of %s");
    static final Text NO_ANSWERS = new Text("  (belum ada jawaban)", "  (no answers yet)");
    static final Text FROM_MESSAGE = new Text("dari pesan", "from a message");
    static final Text MESSAGES = new Text("pesan", "messages");

    static final Text SAVED = new Text("Disimpan ke %s.", "Saved to %s.");
    static final Text LOADED = new Text("Dibuka: %s.", "Loaded: %s.");
    static final Text RELOADED = new Text("Aturan dibaca ulang: %s.", "Rules reloaded: %s.");
    static final Text RELOAD_FAILED = new Text("Aturan baru bermasalah; aturan terakhir yang baik tetap dipakai:",
            "The new rules have problems; the last good rules stay in use:");
    static final Text RELOAD_CASE_FAILED = new Text(
            "Kasus ini tidak cocok dengan aturan baru; konsultasi tetap memakai aturan sebelumnya:",
            "This case does not fit the new rules; the consultation keeps the previous rules:");
    static final Text LANGUAGE = new Text("Bahasa: Indonesia.", "Language: English.");
    static final Text HELP_HEADER = new Text("Perintah (nama Inggris atau Indonesia):",
            "Commands (English or Indonesian names):");
    static final Text HELP_ANSWER = new Text(
            "Saat ada pertanyaan, ketik jawabannya saja: nilai, `tidak tahu`, atau `lewati`.",
            "While a question is asked, just type the answer: a value, `unknown`, or `skip`.");
    static final Text CAUSE_ARG = new Text("PENYEBAB: id penyebab atau id relasi (IMP-1).",
            "CAUSE: a cause id or a relation id (IMP-1).");

    private ReplText() {
    }
}
