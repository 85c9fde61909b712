package pajakdx.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pajakdx.base.Lang;

/**
 * The short texts of explanations (facts a rule matched, conditions of WHY NOT and what decided
 * them) as people read them in a language. The diagnosis keeps them in one neutral form
 * ({@code badan.last-login-shown = no}, {@code not (x is known)}) for programs; in Indonesian
 * the answers yes and no read ya and tidak and the connecting words are Indonesian.
 */
public final class Words {
    /** English word or phrase of a condition or fact, and its Indonesian ({@code $1} for a group when {@code groups}). */
    private record Swap(Pattern en, String id, boolean groups) {
    }

    private static final List<Swap> SWAPS = List.of(
            swap("\\bnot \\(", "bukan ("),
            swap("\\bexists \\(", "ada ("),
            swap(" is not known\\b", " belum diketahui"),
            swap(" is known\\b", " diketahui"),
            swap(" is given\\b", " diberikan"),
            swap(" not answered\\b", " belum dijawab"),
            swap("^could not evaluate on ", "tidak dapat dinilai pada "),
            swap("^cannot be evaluated outside the engine$", "tidak dapat dinilai di luar mesin aturan"),
            swap("^no such fact$", "tidak ada fakta itu"),
            swap("^no message recognised$", "tidak ada pesan yang dikenali"),
            swap("^cause (\\S+) confirmed$", "penyebab $1 terkonfirmasi", true),
            swap("^cause (\\S+) suspected$", "penyebab $1 diduga", true),
            swap("^cause (\\S+) ruled-out$", "penyebab $1 disingkirkan", true),
            swap("^remedy (\\S+)$", "langkah $1", true),
            swap("\\bsome cause concluded\\b", "ada penyebab yang disimpulkan"),
            swap("\\bsome remedy offered\\b", "ada langkah yang ditawarkan"),
            swap("\\ba cause is ruled out\\b", "suatu penyebab disingkirkan"),
            swap("\\ba cause is confirmed\\b", "suatu penyebab terkonfirmasi"),
            swap("\\ba cause is suspected\\b", "suatu penyebab diduga"),
            swap("\\ba cause\\b", "suatu penyebab"),
            swap("\\ba remedy\\b", "suatu langkah"),
            swap("\\ba finding\\b", "suatu temuan"),
            swap("\\bas-of given\\b", "tanggal kejadian diberikan"),
            swap("\\bas-of\\b", "tanggal kejadian"),
            swap(" and ", " dan "),
            swap(" or ", " atau "),
            swap(" = yes(?=$|[;,)\\s])", " = ya"),
            swap(" = no(?=$|[;,)\\s])", " = tidak"),
            swap(" = unknown(?=$|[;,)\\s])", " = tidak diketahui"),
            swap(" ≠ yes(?=$|[;,)\\s])", " ≠ ya"),
            swap(" ≠ no(?=$|[;,)\\s])", " ≠ tidak"));

    private Words() {
    }

    private static Swap swap(String en, String id) {
        return new Swap(Pattern.compile(en), id, false);
    }

    private static Swap swap(String en, String id, boolean groups) {
        return new Swap(Pattern.compile(en), id, groups);
    }

    /** A fact ({@code x = no}), a condition or what decided it, in {@code lang}. */
    public static String say(String text, Lang lang) {
        if (text == null || lang == Lang.EN) {
            return text;
        }
        String out = text;
        for (Swap s : SWAPS) {
            out = s.en().matcher(out).replaceAll(s.groups() ? s.id() : Matcher.quoteReplacement(s.id()));
        }
        return out;
    }
}
