package pajakdx.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pajakdx.base.Text;

/**
 * The REPL's commands, their arguments and help. Names: the English one first, the Indonesian
 * one second (used in messages in that language), then other aliases.
 */
enum Command {
    HELP(List.of("help", "bantuan", "?"), "",
            new Text("daftar perintah ini", "this list of commands")),
    PROBLEM(List.of("problem", "masalah"), "ID|N[, ...]",
            new Text("sebutkan masalahnya, beberapa dipisah koma; +ID menambah, -ID membuang (tanpa ID: daftar masalah)",
                    "state the problem, several separated by commas; +ID adds, -ID drops (no ID: list them)")),
    ERROR(List.of("error", "pesan"), "\"TEKS\"",
            new Text("tempel pesan galat yang muncul; dikenali lewat tabel pesan",
                    "paste the error text you saw; recognised through the message table")),
    COMPLAINT(List.of("complaint", "keluhan"), "TEKS",
            new Text("keluhan dengan kata-kata sendiri; masalah dan pesan yang dikenali ditampilkan (teks yang bukan"
                    + " perintah dibaca begitu juga)", "a complaint in the user's own words; the problems and messages"
                    + " recognised are shown (text that is no command is read so too)")),
    NEW(List.of("new", "baru"), "",
            new Text("mulai kasus baru (kasus yang belum disimpan disimpan sementara)",
                    "start a new case (an unsaved case is kept for recovery)")),
    ANSWER(List.of("answer", "jawab", "set"), "TEMUAN NILAI",
            new Text("jawab atau ubah jawaban (NILAI boleh 'tidak tahu')", "answer or change an answer (VALUE may be 'unknown')")),
    UNSET(List.of("unset", "hapus"), "TEMUAN",
            new Text("hapus jawaban", "remove an answer")),
    SKIP(List.of("skip", "lewati"), "",
            new Text("lewati pertanyaan ini, tanyakan yang berikutnya", "skip this question, ask the next")),
    WHY(List.of("why", "mengapa", "kenapa"), "",
            new Text("mengapa pertanyaan ini: penyebab dan aturan yang ditentukannya",
                    "why this question: the causes and rules it decides")),
    HOW(List.of("how", "bagaimana"), "PENYEBAB",
            new Text("bagaimana penyebab disimpulkan: aturan, temuan, sumber", "how a cause was concluded: rule, findings, sources")),
    WHYNOT(List.of("whynot", "mengapa-tidak", "why-not", "kenapa-tidak"), "PENYEBAB",
            new Text("mengapa penyebab tidak disimpulkan: tiap aturan, syarat demi syarat",
                    "why a cause was not concluded: each rule, condition by condition")),
    DIAGNOSIS(List.of("diagnosis", "diagnosa"), "[json]",
            new Text("laporan lengkap (atau JSON satu baris)", "the full report (or one line of JSON)")),
    WHATIF(List.of("whatif", "andaikan", "what-if"), "TEMUAN NILAI",
            new Text("apa yang berubah bila jawabannya NILAI (kasus tidak diubah)",
                    "what would change if the answer were VALUE (the case is not changed)")),
    CONTINUE(List.of("continue", "teruskan"), "",
            new Text("tanyakan juga penyebab yang tidak diperlukan lagi (sudah ada penyebab yang terkonfirmasi)",
                    "ask about the causes not needed any more too (a confirmed cause already explains the problem)")),
    FACTS(List.of("facts", "fakta"), "",
            new Text("jawaban dan pesan sejauh ini", "the answers and messages so far")),
    ASOF(List.of("asof", "per", "tanggal"), "TANGGAL",
            new Text("tanggal kejadian: 2025-02-03, 2025-02-03T09:30 (WIB), bulan 2025-02, tahun 2025, Februari 2025,"
                    + " kemarin, bulan lalu", "when it happened: 2025-02-03, 2025-02-03T09:30 (WIB), a month 2025-02,"
                    + " a year 2025, February 2025, yesterday, last month")),
    LOAD(List.of("load", "muat", "buka"), "BERKAS",
            new Text("buka berkas kasus (YAML/JSON)", "open a case file (YAML/JSON)")),
    SAVE(List.of("save", "simpan"), "BERKAS",
            new Text("simpan kasus (format facts/, .json untuk JSON)", "save the case (facts/ format, .json for JSON)")),
    RELOAD(List.of("reload", "muat-ulang"), "",
            new Text("baca ulang aturan; bila ada galat aturan lama tetap dipakai",
                    "re-read the rules; on an error the last good rules stay")),
    LANG(List.of("lang", "bahasa"), "id|en",
            new Text("bahasa keluaran", "output language")),
    RESUME(List.of("resume", "lanjutkan"), "[N]",
            new Text("lanjutkan sesi yang belum disimpan (nomor N; tanpa N: yang terbaru)",
                    "resume an unsaved session (number N; without N: the newest)")),
    DISCARD(List.of("discard", "buang"), "[N]",
            new Text("buang sesi yang belum disimpan (nomor N)", "discard an unsaved session (number N)")),
    QUIT(List.of("quit", "keluar", "exit", "selesai"), "",
            new Text("selesai (kasus yang belum disimpan disimpan sementara)", "quit (an unsaved case is kept for recovery)"));

    /** A command with the rest of its line. */
    record Parsed(Command command, String rest) {
    }

    private final List<String> names;
    private final String args;
    private final Text help;

    Command(List<String> names, String args, Text help) {
        this.names = names;
        this.args = args;
        this.help = help;
    }

    List<String> names() {
        return names;
    }

    /** The name to show in {@code lang}. */
    String name(pajakdx.base.Lang lang) {
        return names.get(lang == pajakdx.base.Lang.EN ? 0 : 1);
    }

    String args() {
        return args;
    }

    Text help() {
        return help;
    }

    /** Every name and alias, for completion. */
    static List<String> allNames() {
        List<String> out = new ArrayList<>();
        for (Command c : values()) {
            out.addAll(c.names);
        }
        return out;
    }

    /** The command named {@code word}, or null. */
    static Command named(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (Command c : values()) {
            if (c.names.contains(w)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The command a line starts with, or null when it does not start with one (then it is an
     * answer to the question being asked, or pasted text). A command that takes nothing followed
     * by more words is text too. {@code why not X} and {@code mengapa tidak X} mean whynot.
     */
    static Parsed parse(String line) {
        String[] parts = line.strip().split("\\s+", 2);
        Command c = named(parts[0]);
        if (c == null) {
            return null;
        }
        String rest = parts.length > 1 ? parts[1].strip() : "";
        if (c == WHY) {
            String[] more = rest.split("\\s+", 2);
            String second = more[0].toLowerCase(Locale.ROOT);
            if (second.equals("not") || second.equals("tidak")) {
                return new Parsed(WHYNOT, more.length > 1 ? more[1].strip() : "");
            }
        }
        if (c.args.isEmpty() && !rest.isEmpty()) {
            // "baru saja gagal login", "why is my login failing": words, not a command without arguments.
            return null;
        }
        return new Parsed(c, rest);
    }

    /** Removes one pair of surrounding quotes. */
    static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Splits {@code FINDING VALUE...}: the first word and the (unquoted) rest, or null when either is missing. */
    static String[] idAndValue(String rest) {
        String[] parts = rest.strip().split("\\s+", 2);
        if (parts.length < 2 || parts[0].isEmpty()) {
            return null;
        }
        return new String[] {parts[0], unquote(parts[1])};
    }
}
