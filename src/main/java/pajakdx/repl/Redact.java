package pajakdx.repl;

import pajakdx.facts.Masking;

/**
 * What the REPL echoes of a typed line, or keeps of it in its history: identifiers masked by the
 * one policy ({@link Masking#maskText}). The file name of {@code simpan}/{@code muat} is masked
 * as in every message about a file ({@link Masking#maskFileName}): its folders stay readable.
 */
final class Redact {
    private Redact() {
    }

    static String identifiers(String line) {
        Command.Parsed p = Command.parse(line);
        String stripped = line.stripTrailing();
        if (p != null && (p.command() == Command.SAVE || p.command() == Command.LOAD) && !p.rest().isEmpty()
                && stripped.endsWith(p.rest())) {
            int at = stripped.length() - p.rest().length();
            return Masking.maskText(line.substring(0, at)) + Masking.maskFileName(line.substring(at));
        }
        return Masking.maskText(line);
    }
}
