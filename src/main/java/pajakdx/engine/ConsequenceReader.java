package pajakdx.engine;

import java.util.ArrayList;
import java.util.List;
import pajakdx.base.Problem;
import pajakdx.facts.Status;
import pajakdx.knowledge.Conclusion;
import pajakdx.knowledge.Location;
import pajakdx.text.Masking;

/**
 * Reads a rule's right-hand side, which Drools hands over as raw text, with a strict grammar of
 * the only statements a rule may make:
 * <pre>
 *   statement := "insertLogical" "(" call ")" ";"
 *   call      := "Cause" "." ("confirmed" | "suspected" | "ruledOut") "(" TEXT ")"
 *              | "Remedy" "." "offer" "(" TEXT ")"
 *   TEXT      := a quoted id of letters, digits, '.', '_' and '-'
 * </pre>
 * Comments and white space may stand between tokens. Any other character (a backslash included,
 * so no unicode escape) ends the reading with the line it is on. The conclusions become the
 * model's; Drools compiles the right-hand side printed from them, never this text.
 */
final class ConsequenceReader {
    private static final String GRAMMAR = "a right-hand side may only contain insertLogical(Cause.confirmed(\"id\")),"
            + " insertLogical(Cause.suspected(\"id\")), insertLogical(Cause.ruledOut(\"id\")) and"
            + " insertLogical(Remedy.offer(\"id\")), each ending with ';'";
    private static final int MAX_ID = 120;

    private final String file;
    private final String rule;
    private final List<Problem> problems;
    private String text;
    private int at;
    private Location start;

    ConsequenceReader(String file, String rule, List<Problem> problems) {
        this.file = file;
        this.rule = rule;
        this.problems = problems;
    }

    /** The conclusions of {@code rhs}, which starts at {@code where}; an empty list after a problem. */
    List<Conclusion> read(String rhs, Location where) {
        text = rhs;
        at = 0;
        start = where;
        List<Conclusion> out = new ArrayList<>();
        try {
            while (true) {
                skip();
                if (at >= text.length()) {
                    return List.copyOf(out);
                }
                out.add(statement());
            }
        } catch (Refused r) {
            Location here = here();
            problems.add(Problem.at(file, here.line(), here.column(), "rule '" + rule + "': " + r.getMessage()));
            return List.of();
        }
    }

    private Conclusion statement() {
        int begin = at;
        Location where = here();
        expectWord("insertLogical");
        expect('(');
        String type = word();
        Conclusion c;
        expect('.');
        String method = word();
        if (type.equals("Cause") && (method.equals("confirmed") || method.equals("suspected")
                || method.equals("ruledOut"))) {
            expect('(');
            String id = id();
            expect(')');
            c = new Conclusion(Conclusion.Target.CAUSE, id, switch (method) {
                case "confirmed" -> Status.CONFIRMED;
                case "suspected" -> Status.SUSPECTED;
                default -> Status.RULED_OUT;
            }, where);
        } else if (type.equals("Remedy") && method.equals("offer")) {
            expect('(');
            String id = id();
            expect(')');
            c = new Conclusion(Conclusion.Target.REMEDY, id, null, where);
        } else {
            at = begin;
            throw new Refused("'" + type + "." + method + "' is not allowed; " + GRAMMAR);
        }
        expect(')');
        expect(';');
        return c;
    }

    private void expectWord(String w) {
        int start = at;
        String got = word();
        if (!got.equals(w)) {
            at = start;
            throw new Refused("the statement '" + snippet() + "' is not allowed; " + GRAMMAR);
        }
    }

    private String word() {
        skip();
        int start = at;
        while (at < text.length() && text.charAt(at) < 128 && Character.isLetterOrDigit(text.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw new Refused("'" + snippet() + "' is not allowed; " + GRAMMAR);
        }
        return text.substring(start, at);
    }

    private void expect(char c) {
        skip();
        if (at >= text.length() || text.charAt(at) != c) {
            throw new Refused("'" + c + "' expected " + (at >= text.length() ? "at the end" : "at '" + snippet() + "'")
                    + "; " + GRAMMAR);
        }
        at++;
    }

    private String id() {
        skip();
        if (at >= text.length() || text.charAt(at) != '"') {
            throw new Refused("an id in double quotes is expected at '" + snippet() + "'");
        }
        int start = ++at;
        while (at < text.length() && text.charAt(at) != '"') {
            char c = text.charAt(at);
            if (!(c < 128 && Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
                throw new Refused("an id may hold only letters, digits, '.', '_' and '-', not '" + c + "'");
            }
            at++;
        }
        if (at >= text.length() || at - start > MAX_ID || at == start) {
            throw new Refused("an id of 1 to " + MAX_ID + " characters in double quotes is expected");
        }
        return text.substring(start, at++);
    }

    /** Skips white space and comments; refuses a backslash anywhere (a unicode escape is code to Java). */
    private void skip() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\\') {
                throw new Refused("a backslash is not allowed in a right-hand side (a unicode escape would be read as"
                        + " code); write the character itself");
            }
            if (Character.isWhitespace(c)) {
                at++;
            } else if (text.startsWith("//", at)) {
                int end = text.indexOf('\n', at);
                at = end < 0 ? text.length() : end;
                checkNoBackslash(at);
            } else if (text.startsWith("/*", at)) {
                int end = text.indexOf("*/", at + 2);
                if (end < 0) {
                    throw new Refused("a comment '/*' is not closed");
                }
                int from = at;
                at = end + 2;
                if (text.substring(from, at).indexOf('\\') >= 0) {
                    at = from + text.substring(from, at).indexOf('\\');
                    throw new Refused("a backslash is not allowed in a right-hand side, comments included (a unicode"
                            + " escape would be read as code)");
                }
            } else {
                return;
            }
        }
    }

    /** Refuses a backslash on a line comment that ended at {@code end}. */
    private void checkNoBackslash(int end) {
        int start = text.lastIndexOf("//", end - 1);
        int slash = text.substring(start, end).indexOf('\\');
        if (slash >= 0) {
            at = start + slash;
            throw new Refused("a backslash is not allowed in a right-hand side, comments included (a unicode escape"
                    + " would be read as code)");
        }
    }

    private String snippet() {
        String rest = text.substring(Math.min(at, text.length())).strip().replaceAll("\\s+", " ");
        return Masking.abbreviate(rest, 50);
    }

    /** The place in the file of the current position. */
    private Location here() {
        int line = start.line();
        int column = start.column();
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else if (column > 0) {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
