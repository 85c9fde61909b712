package pajakdx.repl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pajakdx.text.Masking;
import java.util.List;
import pajakdx.text.Masking;

/**
 * What the REPL echoes of a typed line, or keeps of it in its history: identifiers masked by the
 * one policy ({@link Masking#maskText}). The file name of {@code simpan}/{@code muat} is masked
 * as in every message about a file ({@link Masking#maskFileName}): its folders stay readable.
 */
final class Redact {
    private Redact() {
    }

    static String identifiers(String line) {
        int at = fileAt(line);
        return at < 0 ? Masking.maskText(line)
                : Masking.maskText(line.substring(0, at)) + Masking.maskFileName(line.substring(at));
    }

    /** The digits of the identifiers typed in {@code line} (those of a file command's folders left out). */
    static List<String> typedIdentifiers(String line) {
        int at = fileAt(line);
        if (at < 0) {
            return Masking.identifierDigits(line);
        }
        String path = line.substring(at);
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return Masking.identifierDigits(line.substring(0, at) + " " + path.substring(slash + 1));
    }

    /** Where the file argument of a {@code simpan}/{@code muat} line starts, or -1. */
    private static int fileAt(String line) {
        Command.Parsed p = Command.parse(line);
        String stripped = line.stripTrailing();
        if (p != null && (p.command() == Command.SAVE || p.command() == Command.LOAD) && !p.rest().isEmpty()
                && stripped.endsWith(p.rest())) {
            return stripped.length() - p.rest().length();
        }
        return -1;
    }
}
